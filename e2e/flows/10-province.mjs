// The province supervisor's view of บุรีรัมย์: its agencies with score, grade and measures; no other province.

import { ACCOUNTS, check, expectText, login, open, submitAndWait, textOf } from '../lib.mjs';

export const name = 'province: supervisor of บุรีรัมย์ sees its agencies only';

export async function run(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.province);
  // From the home page, follow the province link.
  await open(page, t.base, '/');
  const link = page.locator('main').getByRole('link', { name: /บุรีรัมย์/ }).first();
  await submitAndWait(page, link);
  check(decodeURIComponent(new URL(page.url()).pathname) === '/provinces/บุรีรัมย์', `province link opened ${page.url()}`);
  await expectText(page.getByRole('heading', { level: 1 }), 'บุรีรัมย์', 'province heading');
  await open(page, t.base, `/provinces/${encodeURIComponent('บุรีรัมย์')}?year=2568`);
  const table = page.locator('main table');
  await expectText(table, 'หนองกระทุ่ม', 'agency 1 (ลำปลายมาศ, บุรีรัมย์) in the province table');
  await expectText(table, 'สระแก้ว', 'agency 5 (หนองหงส์, บุรีรัมย์) in the province table');
  const body = await textOf(table);
  check(!body.includes('ลำภูรา'), 'the province table lists ลำภูรา (จังหวัดตรัง)');
  check(!body.includes('ปลาไหล'), 'the province table lists เทศบาลตำบลปลาไหล (not บุรีรัมย์)');
  await t.shot(page, 'province');
  // The supervisor cannot open an agency of another province.
  const resp = await page.goto(`${t.base}/agencies/4`);
  check([403, 404].includes(resp.status()), `province supervisor GET /agencies/4 (ตรัง): HTTP ${resp.status()}`);
}
