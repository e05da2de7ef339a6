// Two different mistakes in one save: each field gets its own message (the scores module promises
// "each problem at its field"), both typed values are kept, and nothing is stored.

import { ACCOUNTS, SEED001, gridForm, login, open, scoreInput, submitAndWait } from '../lib.mjs';
import { checkDashboard } from './02-dashboard.mjs';
import { expectFieldError } from './03-scores.mjs';

export const name = 'scores grid: "abc" and 150 in one save are both reported at their fields';

export async function run(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.editor2);
  await open(page, t.base, `/agencies/${SEED001.id}/years/${SEED001.year}/scores`);
  await scoreInput(page, 'i1').fill('abc');
  await scoreInput(page, 'i2').fill('150');
  await submitAndWait(page, gridForm(page).getByRole('button', { name: 'บันทึก' }));
  await expectFieldError(page, 'i1', 'abc', /ตัวเลข/);
  await expectFieldError(page, 'i2', '150', /0\s*[–-]\s*100|นอกช่วง/);
  await open(page, t.base, `/agencies/${SEED001.id}?year=${SEED001.year}`);
  await checkDashboard(page, { total: SEED001.total, grade: SEED001.grade, ind1: SEED001.indicator1 });
}
