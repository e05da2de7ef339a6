// The score grid: change one question, save, see the result change on the dashboard; bad values ("abc", 150)
// get a Thai message at the field, keep what was typed and change nothing; then put seed 001's printed i1 score back.
//
// i1 100 → 40 moves indicator 1 from 99.79 to 79.79, the total from 95.59 to 94.39 and keeps the level ผ่านดี
// (total < 95, every tool ≥ 85) (worked out with `prongsai score --year 2568` on examples/seed001-2568.csv with that
// one line changed; 95.59 is this engine's total for that file, not a published figure: seed 001 prints question
// scores, no total).

import {
  ACCOUNTS, SEED001, THAI, check, describedText, expectText, expectValue, gridForm, login, open,
  scoreInput, submitAndWait,
} from '../lib.mjs';
import { checkDashboard } from './02-dashboard.mjs';

export const name = 'scores grid: change a score, see the result; "abc" and 150 rejected at the field';

const SCORES = `/agencies/${SEED001.id}/years/${SEED001.year}/scores`;
const DASHBOARD = `/agencies/${SEED001.id}?year=${SEED001.year}`;

/** Types `value` into the grid input of `code` and saves the grid. */
export async function saveGridValue(page, code, value) {
  const input = scoreInput(page, code);
  await input.fill(value);
  await submitAndWait(page, gridForm(page).getByRole('button', { name: 'บันทึก' }));
}

/** After a rejected save: the field keeps `typed`, is marked invalid and its message (Thai) matches `pattern`. */
export async function expectFieldError(page, code, typed, pattern) {
  const input = scoreInput(page, code);
  await expectValue(input, typed, `${code} after a rejected save`);
  const invalid = await input.getAttribute('aria-invalid');
  check(invalid === 'true', `${code}: expected aria-invalid="true" on the field, got ${invalid}`);
  const msg = await describedText(input);
  check(THAI.test(msg), `${code}: expected a Thai message tied to the field (aria-describedby), got "${msg}"`);
  check(pattern.test(msg), `${code}: field message "${msg}" does not match ${pattern}`);
  return msg;
}

/**
 * Puts seed 001's printed i1 score back after a flow that changed it, so a failure midway does not cascade into
 * later flows; errors here are ignored (the flow itself has already failed or passed).
 */
export async function restoreI1(t) {
  try {
    const page = await t.newPage();
    await login(page, t.base, ACCOUNTS.editor2);
    await open(page, t.base, SCORES);
    if ((await scoreInput(page, 'i1').inputValue()) !== '100') await saveGridValue(page, 'i1', '100');
  } catch {
    /* best effort */
  }
}

export async function run(t) {
  try {
    await flow(t);
  } finally {
    await restoreI1(t);
  }
}

async function flow(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.editor2);
  // Reach the grid the way a user does: dashboard of 2568, then the "คะแนน" tab.
  await open(page, t.base, DASHBOARD);
  const before = await checkDashboard(page, { total: SEED001.total, grade: SEED001.grade, ind1: SEED001.indicator1 });
  await submitAndWait(page, page.getByRole('navigation').getByRole('link', { name: 'คะแนน', exact: true }));
  check(new URL(page.url()).pathname === SCORES, `the คะแนน tab should open ${SCORES}, opened ${page.url()}`);
  await expectValue(scoreInput(page, 'i1'), '100', 'stored i1');
  await expectValue(scoreInput(page, 'O1'), 'มี', 'stored O1 (OIT item shown as มี)');
  await t.shot(page, 'scores');

  // 1. A good change.
  await saveGridValue(page, 'i1', '40');
  await expectText(page.getByRole('status'), 'บันทึกเรียบร้อยแล้ว', 'saved notice');
  await expectValue(scoreInput(page, 'i1'), '40', 'i1 after saving');
  await open(page, t.base, DASHBOARD);
  const after = await checkDashboard(page, { total: '94.39', grade: 'ผ่านดี', ind1: '79.79' });
  check(after !== before, 'the radar chart did not change after the score changed');

  // 2. Not a number: Thai message at the field, the typed text kept, nothing saved.
  await open(page, t.base, SCORES);
  await saveGridValue(page, 'i1', 'abc');
  await expectText(page.getByRole('alert'), 'กรุณาแก้ไขข้อมูล', 'error summary');
  await expectFieldError(page, 'i1', 'abc', /ตัวเลข/);

  // 3. Out of range: same, and the message names the range.
  await open(page, t.base, SCORES);
  await saveGridValue(page, 'i1', '150');
  await expectFieldError(page, 'i1', '150', /0\s*[–-]\s*100|นอกช่วง/);

  // Neither bad value was stored.
  await open(page, t.base, DASHBOARD);
  await checkDashboard(page, { total: '94.39', grade: 'ผ่านดี', ind1: '79.79' });

  // 4. Thai digits are accepted; put seed 001's printed i1 score back and the engine's
  // total for the file (95.59, ผ่านดี) returns.
  await open(page, t.base, SCORES);
  await saveGridValue(page, 'i1', '๑๐๐');
  await expectText(page.getByRole('status'), 'บันทึกเรียบร้อยแล้ว', 'saved notice (Thai digits)');
  await open(page, t.base, DASHBOARD);
  await checkDashboard(page, { total: SEED001.total, grade: SEED001.grade, ind1: SEED001.indicator1 });
}
