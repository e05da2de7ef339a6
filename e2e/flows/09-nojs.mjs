// With JavaScript disabled: log in (wrong then right password) and use the score grid (a rejected value,
// then a saved change, then seed 001's printed i1 score back).

import {
  ACCOUNTS, DEMO_PASSWORD, SEED001, check, expectText, expectValue, open, submitLogin,
} from '../lib.mjs';
import { checkDashboard } from './02-dashboard.mjs';
import { expectFieldError, restoreI1, saveGridValue } from './03-scores.mjs';

export const name = 'no JavaScript: login and the scores form work as plain HTML forms';

export async function run(t) {
  try {
    await flow(t);
  } finally {
    await restoreI1(t);
  }
}

async function flow(t) {
  const page = await t.newPage({ javaScriptEnabled: false });
  await open(page, t.base, '/login');
  await submitLogin(page, ACCOUNTS.editor2, 'wrong-password');
  await expectText(page.getByRole('alert'), 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', 'no-JS: wrong password message');
  await submitLogin(page, ACCOUNTS.editor2, DEMO_PASSWORD);
  check(new URL(page.url()).pathname === `/agencies/${SEED001.id}`, `no-JS: login should open the agency, got ${page.url()}`);

  const scores = `/agencies/${SEED001.id}/years/${SEED001.year}/scores`;
  await open(page, t.base, scores);
  await saveGridValue(page, 'i3', 'ดี');
  await expectFieldError(page, 'i3', 'ดี', /ตัวเลข/);

  await open(page, t.base, scores);
  await saveGridValue(page, 'i1', '40');
  await expectText(page.getByRole('status'), 'บันทึกเรียบร้อยแล้ว', 'no-JS: saved notice');
  await expectValue(page.getByLabel(/^i1\s/), '40', 'no-JS: i1 after saving');
  await open(page, t.base, `/agencies/${SEED001.id}?year=${SEED001.year}`);
  await checkDashboard(page, { total: '94.39', grade: 'ผ่านดี', ind1: '79.79' });

  await open(page, t.base, scores);
  await saveGridValue(page, 'i1', '100');
  await expectText(page.getByRole('status'), 'บันทึกเรียบร้อยแล้ว', 'no-JS: saved notice (restore)');
  await open(page, t.base, `/agencies/${SEED001.id}?year=${SEED001.year}`);
  await checkDashboard(page, { total: SEED001.total, grade: SEED001.grade, ind1: SEED001.indicator1 });
}
