// Another agency's viewer cannot see agency 2 (403/404 page in Thai, none of its data); agency 2's own viewer
// can read its scores but not change them.

import {
  ACCOUNTS, SEED001, THAI, check, expectAbsent, expectText, login, textOf,
} from '../lib.mjs';

export const name = 'authorization: viewer of agency 1 gets 403/404 on agency 2; own viewer is read-only';

export async function run(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.viewer1);
  for (const path of [
    `/agencies/${SEED001.id}`,
    `/agencies/${SEED001.id}?year=${SEED001.year}`,
    `/agencies/${SEED001.id}/years/${SEED001.year}/scores`,
    `/agencies/${SEED001.id}/years/${SEED001.year}/analysis`,
    `/agencies/${SEED001.id}/years/${SEED001.year}/documents/analysis/pdf`,
  ]) {
    const resp = await page.goto(t.base + path);
    const status = resp ? resp.status() : 0;
    check(status === 403 || status === 404, `viewer1 GET ${path}: HTTP ${status}, expected 403 or 404`);
    const body = await textOf(page.locator('body'));
    check(!body.includes(SEED001.total) && !body.includes('หนองกะปุ'), `viewer1 GET ${path}: the page leaks agency 2's data`);
    const alert = page.getByRole('alert');
    check((await alert.count()) > 0, `viewer1 GET ${path}: no error message on the page`);
    const msg = await textOf(alert.first());
    check(THAI.test(msg), `viewer1 GET ${path}: error message is not Thai: "${msg}"`);
  }
  // Changing agency 2's scores by posting the form is refused too.
  const resp = await page.context().request.post(`${t.base}/agencies/${SEED001.id}/years/${SEED001.year}/scores`, {
    form: { s_i1: '1' },
    maxRedirects: 0,
  });
  check([403, 404].includes(resp.status()), `viewer1 POST agency 2 scores: HTTP ${resp.status()}, expected 403/404`);

  // Agency 2's viewer sees the numbers but gets no way to change them.
  const own = await t.newPage();
  await login(own, t.base, ACCOUNTS.viewer2);
  await own.goto(`${t.base}/agencies/${SEED001.id}?year=${SEED001.year}`);
  await expectText(own.getByRole('region', { name: 'คะแนนรวม', exact: true }), SEED001.total, 'viewer2: total');
  await own.goto(`${t.base}/agencies/${SEED001.id}/years/${SEED001.year}/scores`);
  const i1 = own.getByLabel(/^i1\s/);
  check((await i1.getAttribute('readonly')) !== null, 'viewer2: the score inputs should be read-only');
  await expectAbsent(own.getByRole('button', { name: 'บันทึก' }), 'viewer2: save button on the scores page');
  await expectAbsent(own.getByRole('button', { name: 'อัปโหลด' }), 'viewer2: upload button on the scores page');
}
