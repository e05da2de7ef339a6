// The agency admin's audit log shows what the editor did in the earlier flows (score saves, the new measure).

import { ACCOUNTS, SEED001, check, expectText, login, open, submitAndWait, textOf } from '../lib.mjs';

export const name = 'audit log: agency admin sees the editor\'s changes';

export async function run(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.admin2);
  await open(page, t.base, `/agencies/${SEED001.id}`);
  await submitAndWait(page, page.getByRole('navigation').getByRole('link', { name: 'บันทึกการใช้งาน', exact: true }));
  check(new URL(page.url()).pathname === `/agencies/${SEED001.id}/audit`, `audit tab opened ${page.url()}`);
  await expectText(page.getByRole('heading', { level: 1 }), 'บันทึกการใช้งาน', 'audit heading');
  const rows = page.locator('main table tbody tr');
  check((await rows.count()) > 0, 'the audit log is empty');
  // Written by earlier flows as editor2.
  const byEditor = rows.filter({ hasText: ACCOUNTS.editor2 });
  check((await byEditor.count()) > 0, `no audit row by the editor; first row: "${await textOf(rows.first())}"`);
  const all = (await byEditor.allInnerTexts()).join('\n');
  check(/assessment|score|คะแนน/i.test(all), 'no audit row by the editor for the score saves');
  check(/measure|มาตรการ/i.test(all), 'no audit row by the editor for measures');
  await t.shot(page, 'audit');
  // The editor is not allowed to read the audit log.
  const editor = await t.newPage();
  await login(editor, t.base, ACCOUNTS.editor2);
  const resp = await editor.goto(`${t.base}/agencies/${SEED001.id}/audit`);
  check([403, 404].includes(resp.status()), `editor2 GET audit: HTTP ${resp.status()}, expected 403/404`);
}
