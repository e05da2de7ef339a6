// Analysis page → "สร้างมาตรการจากข้อนี้" on a finding opens a prefilled measure form (nothing saved yet:
// cancelling leaves no measure) → save → listed.

import {
  ACCOUNTS, SEED001, check, expectText, expectVisible, login, open, submitAndWait, textOf,
} from '../lib.mjs';

export const name = 'analysis: one click opens a form prefilled from a finding; cancel saves nothing, save lists it';

const YEAR = `/agencies/${SEED001.id}/years/${SEED001.year}`;

/** Rows (measure links) of the measures list of seed 001's 2568. */
async function measureTitles(page, base) {
  await open(page, base, `${YEAR}/measures`);
  return page.locator('main table tbody tr a').allInnerTexts();
}

export async function run(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.editor2);
  const titlesBefore = await measureTitles(page, t.base);

  await open(page, t.base, `/agencies/${SEED001.id}?year=${SEED001.year}`);
  await submitAndWait(page, page.getByRole('navigation').getByRole('link', { name: 'วิเคราะห์ผล', exact: true }));
  check(new URL(page.url()).pathname === `${YEAR}/analysis`, `the วิเคราะห์ผล tab should open ${YEAR}/analysis, opened ${page.url()}`);
  await expectText(page.locator('main'), SEED001.total, 'analysis verdict with the total');
  const ind1 = page.getByRole('region', { name: /^1\. การปฏิบัติหน้าที่/ });
  await expectText(ind1.getByRole('heading', { level: 2 }), SEED001.indicator1, 'indicator 1 heading with its score');
  const createButton = page.getByRole('button', { name: 'สร้างมาตรการจากข้อนี้' });
  const finding = ind1.locator('.finding').filter({ has: createButton }).first();
  const button = finding.getByRole('button', { name: 'สร้างมาตรการจากข้อนี้' });
  await expectVisible(button, 'create-measure button of a finding of indicator 1');
  const heading = await textOf(finding.getByRole('heading', { level: 3 }));
  const code = heading.split(/\s+/)[0];
  check(/^[ieO]\d+$/.test(code), `finding heading should start with a question code, got "${heading}"`);
  await expectText(finding, 'แนวทางการยกระดับ', 'guidance of the finding');
  t.log(`finding ${code}: ${heading.slice(0, 80)}`);
  await t.shot(page, 'analysis');

  // One click: a prefilled form that is not saved yet.
  await submitAndWait(page, button);
  const formUrl = new URL(page.url());
  check(formUrl.pathname === `${YEAR}/measures/new` && formUrl.searchParams.get('code') === code,
    `one click should open the new-measure form for ${code}, got ${page.url()}`);
  const title = page.getByLabel('ชื่อมาตรการ');
  const prefilled = await title.inputValue();
  check(prefilled.includes(code), `title should be prefilled from finding ${code}, is "${prefilled}"`);
  const analysis = await page.getByLabel('ผลการวิเคราะห์ที่มาตรการนี้ตอบ').inputValue();
  check(analysis.includes(code) && analysis.includes('คะแนน'), `analysis should quote ${code} and its score, is "${analysis}"`);
  const links = await page.getByLabel('ข้อคำถามที่เกี่ยวข้อง').inputValue();
  check(links.split(/[\s,]+/).includes(code), `linked questions should include ${code}, are "${links}"`);
  const steps = await page.getByLabel(/^ขั้นตอน/).inputValue();
  check(steps.trim().length > 0, 'steps should be prefilled with the guidance');
  const start = await page.getByLabel('วันเริ่ม', { exact: true }).first().inputValue();
  check(start.trim().length > 0, 'period start should be prefilled (the fiscal year)');

  // Cancel leaves nothing behind.
  await submitAndWait(page, page.getByRole('link', { name: 'ยกเลิก', exact: true }));
  const titlesCancelled = await measureTitles(page, t.base);
  check(titlesCancelled.length === titlesBefore.length, `cancelling created a measure: ${titlesBefore.length} → ${titlesCancelled.length}`);
  await open(page, t.base, formUrl.pathname + formUrl.search);

  // Make it ours and save.
  const mine = `${prefilled} (ทดสอบ e2e ${Date.now() % 100000})`;
  await title.fill(mine);
  await submitAndWait(page, page.getByRole('button', { name: 'บันทึก' }));
  const shown = new URL(page.url()).pathname;
  check(/^\/measures\/\d+$/.test(shown), `saving should show the measure, got ${page.url()}`);
  await expectText(page.locator('main'), mine, 'saved measure shows the edited title');
  await expectText(page.locator('main'), code, 'saved measure shows its linked question');

  const titlesAfter = await measureTitles(page, t.base);
  check(titlesAfter.some((x) => x.includes(mine)), `the measures list should list "${mine}"`);
  check(titlesAfter.length === titlesBefore.length + 1, `the list should grow by one: ${titlesBefore.length} → ${titlesAfter.length}`);
  await expectVisible(page.getByRole('link', { name: mine }), 'link to the new measure in the list');
}
