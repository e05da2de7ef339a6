// Shared helpers of the browser tests: launching Chromium, logging in, waiting for text, screenshots.
//
// Assertions poll (the page may still be loading) and fail with a message that says what was expected
// and what the page showed, so a failing flow can be diagnosed from the log alone.

import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** The demo password of every account (printed by `prongsai demo`). */
export const DEMO_PASSWORD = 'prongsai-demo';

/** Demo accounts; agency N is the N-th seed file in name order (seed 001 = agency 2). */
export const ACCOUNTS = {
  editor2: 'editor2@demo.prongsai.th',
  viewer1: 'viewer1@demo.prongsai.th',
  viewer2: 'viewer2@demo.prongsai.th',
  admin2: 'admin2@demo.prongsai.th',
  province: 'province@demo.prongsai.th',
};

/**
 * Seed 001's agency, its id in the demo database, and the 2568 result this engine computes from
 * examples/seed001-2568.csv (seed 001's printed IIT/EIT question scores, illustrative OIT marks). The seed prints
 * no total: 95.59 / AA / 99.79 are the engine's own figures, not published ones.
 */
export const SEED001 = {
  id: 2,
  name: 'องค์กรบริหารส่วนตำบลหนองกะปุ',
  year: 2568,
  total: '95.59',
  // 2568 rates with levels: total ≥ 95 but EIT (mean of 93.33, 93.14, 90.59 = 92.35) < 95, every tool ≥ 85 → ผ่านดี.
  grade: 'ผ่านดี',
  indicator1: '99.79',
};

/** Thai script anywhere in a string. */
export const THAI = /[\u0E00-\u0E7F]/;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Starts headless Chromium from the system package; never downloads a browser. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A failed expectation. */
export class CheckError extends Error {}

export function check(cond, message) {
  if (!cond) throw new CheckError(message);
}

/** Visible text of a locator with whitespace collapsed. */
export async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

function matches(actual, expected) {
  return expected instanceof RegExp ? expected.test(actual) : actual.includes(expected);
}

function short(s, n = 300) {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/**
 * Waits until `locator` is visible and its text contains `expected` (string or RegExp).
 * `what` names the thing for the failure message.
 */
export async function expectText(locator, expected, what, timeout = 8000) {
  const end = Date.now() + timeout;
  let last = '(not found)';
  for (;;) {
    try {
      if ((await locator.count()) > 0 && (await locator.first().isVisible())) {
        last = await textOf(locator.first());
        if (matches(last, expected)) return last;
      } else {
        last = '(not found or hidden)';
      }
    } catch (e) {
      last = `(error: ${e.message.split('\n')[0]})`;
    }
    if (Date.now() > end) {
      throw new CheckError(`${what}: expected ${expected} but saw "${short(last)}"`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Waits until `locator` has at least one visible match. */
export async function expectVisible(locator, what, timeout = 8000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new CheckError(`${what}: not visible on ${locator.page().url()}`);
  }
}

/** Fails when `locator` has any visible match (checked once, after the page settled). */
export async function expectAbsent(locator, what) {
  const n = await locator.count();
  for (let i = 0; i < n; i += 1) {
    if (await locator.nth(i).isVisible()) throw new CheckError(`${what}: should not be shown`);
  }
}

/** Value of an input, checked against `expected` exactly. */
export async function expectValue(locator, expected, what) {
  const v = await locator.inputValue();
  check(v === expected, `${what}: expected value "${expected}" but the field holds "${v}"`);
}

/** The text of the elements an input names in `aria-describedby` (where its error message is). */
export async function describedText(input) {
  const ids = ((await input.getAttribute('aria-describedby')) || '').split(/\s+/).filter(Boolean);
  const page = input.page();
  const parts = [];
  for (const id of ids) {
    const el = page.locator(`[id="${id}"]`);
    if (await el.count()) parts.push(await textOf(el.first()));
  }
  return parts.join(' | ');
}

/** The path (with query) of the page's current URL. */
export function pathOf(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

/** Opens `path` and fails unless the final response has one of `statuses` (default 200). */
export async function open(page, base, path, statuses = [200]) {
  const resp = await page.goto(base + path);
  const status = resp ? resp.status() : 0;
  check(statuses.includes(status), `GET ${path}: HTTP ${status} (expected ${statuses.join('/')})`);
  return resp;
}

/** Fills the login form with the labels the user sees, submits it and waits for the next page. */
export async function submitLogin(page, email, password) {
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await submitAndWait(page, page.getByRole('button', { name: 'เข้าสู่ระบบ' }));
}

/** Logs in and fails unless the browser left the login page. */
export async function login(page, base, email, password = DEMO_PASSWORD) {
  await open(page, base, '/login');
  await submitLogin(page, email, password);
  const path = new URL(page.url()).pathname;
  if (path === '/login') {
    const alert = page.getByRole('alert');
    const msg = (await alert.count()) ? await textOf(alert.first()) : '(no message)';
    throw new CheckError(`login as ${email} failed: still on /login, page says "${msg}"`);
  }
}

/** Clicks a link or submit control and waits until the next document has loaded (works with or without JS). */
export async function submitAndWait(page, control) {
  await Promise.all([page.waitForEvent('load'), control.click()]);
}

/** The score input of question/item `code` (`i1`, `O12`, `ind3`), found by its label "code text". */
export function scoreInput(page, code) {
  return page.getByLabel(new RegExp(`^${code}\\s`));
}

/** The main score grid form (not the upload or paste forms above it). */
export function gridForm(page) {
  return page.locator('form[method="post"]').filter({ has: page.locator('input[name^="s_"]') });
}

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Screenshots: into $E2E_SCREENS_DIR (docs/screens when E2E_SCREENSHOTS=1); warns above ~150 KB. */
export function screenshotter(dir, log) {
  if (dir) mkdirSync(dir, { recursive: true });
  return async (page, name, opts = {}) => {
    if (!dir) return;
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path, fullPage: false, animations: 'disabled', ...opts });
    const kb = Math.round(statSync(path).size / 1024);
    log(`    screenshot ${path} (${kb} KB)${kb > 150 ? '  WARNING: over 150 KB' : ''}`);
  };
}
