// Logging out ends the session: back to the login page, and agency pages ask for a login again.

import { request } from 'playwright-core';
import { ACCOUNTS, SEED001, check, expectText, login, open, submitAndWait } from '../lib.mjs';

export const name = 'logout: the session ends';

export async function run(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.editor2);
  await open(page, t.base, `/agencies/${SEED001.id}?year=${SEED001.year}`);
  const old = (await page.context().cookies()).find((c) => c.name === 'prongsai_session');
  check(old, 'no prongsai_session cookie while logged in');
  await submitAndWait(page, page.getByRole('button', { name: 'ออกจากระบบ' }));
  check(new URL(page.url()).pathname === '/login', `logout should show the login page, got ${page.url()}`);
  await expectText(page.getByRole('heading', { level: 1 }), 'เข้าสู่ระบบ', 'login heading after logout');
  const resp = await page.goto(`${t.base}/agencies/${SEED001.id}?year=${SEED001.year}`);
  check(new URL(page.url()).pathname === '/login', `after logout the dashboard should redirect to /login, got ${page.url()} (HTTP ${resp.status()})`);
  // The old session id must be dead on the server, not just forgotten by the browser.
  const api = await request.newContext({ extraHTTPHeaders: { cookie: `prongsai_session=${old.value}` } });
  const replay = await api.get(`${t.base}/agencies/${SEED001.id}`, { maxRedirects: 0 });
  await api.dispose();
  const where = replay.headers().location || '';
  check(replay.status() === 303 && where.startsWith('/login'), `the pre-logout session cookie still works: HTTP ${replay.status()} ${where}`);
}
