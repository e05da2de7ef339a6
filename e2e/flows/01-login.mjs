// Log in as the seed-001 editor: a wrong password first (Thai error, e-mail kept, still logged out), then the right one.

import { ACCOUNTS, DEMO_PASSWORD, SEED001, check, expectText, expectValue, open, submitLogin } from '../lib.mjs';

export const name = 'login: wrong password shows a Thai error, right password opens the agency';

export async function run(t) {
  const page = await t.newPage();
  await open(page, t.base, '/login');
  await expectText(page.getByRole('heading', { level: 1 }), 'เข้าสู่ระบบ', 'login page heading');
  await t.shot(page, 'login');

  await submitLogin(page, ACCOUNTS.editor2, 'not-the-password');
  check(new URL(page.url()).pathname === '/login', `wrong password: expected to stay on /login, got ${page.url()}`);
  await expectText(page.getByRole('alert'), 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', 'wrong password message');
  await expectValue(page.getByLabel('อีเมล'), ACCOUNTS.editor2, 'e-mail after a failed login');
  await expectValue(page.getByLabel('รหัสผ่าน'), '', 'password after a failed login');
  // Still logged out: a protected page sends us back to the login form.
  await open(page, t.base, `/agencies/${SEED001.id}`);
  check(new URL(page.url()).pathname === '/login', `after a failed login /agencies/${SEED001.id} should redirect to /login, got ${page.url()}`);

  await submitLogin(page, ACCOUNTS.editor2, DEMO_PASSWORD);
  const path = new URL(page.url()).pathname;
  check(path === `/agencies/${SEED001.id}`, `after logging in (with next=/agencies/${SEED001.id}) expected that page, got ${page.url()}`);
  await expectText(page.getByRole('heading', { level: 1 }), SEED001.name, 'dashboard heading after login');
  await expectText(page.locator('header'), 'ออกจากระบบ', 'logout control in the header');
}
