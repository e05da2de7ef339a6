// The seed-001 dashboard for 2568: total, grade, pass, tool and indicator scores, and the radar chart.

import { ACCOUNTS, SEED001, check, expectText, expectVisible, login, submitAndWait } from '../lib.mjs';

export const name = 'dashboard: 2568 total/grade of seed 001 and the radar chart';

/** Chooses the fiscal year with the year selector and waits for the page. */
export async function chooseYear(page, year) {
  await page.getByLabel('ปีงบประมาณ').selectOption(String(year));
  await submitAndWait(page, page.getByRole('button', { name: 'OK' }));
}

/** Checks the dashboard of `year` shows `total`, `grade` and indicator 1 = `ind1`; returns the radar polygon. */
export async function checkDashboard(page, { total, grade, ind1 }) {
  await expectText(page.getByRole('region', { name: 'คะแนนรวม', exact: true }), total, 'total (คะแนนรวม)');
  const word = new RegExp(`(^|\\s)${grade}(\\s|$)`);
  await expectText(page.getByRole('region', { name: 'ระดับผลการประเมิน', exact: true }), word, `level (ระดับผลการประเมิน) ${grade}`);
  const indicators = page.getByRole('region', { name: 'คะแนนรายตัวชี้วัด', exact: true });
  await expectText(indicators.locator('tr').filter({ hasText: '1. การปฏิบัติหน้าที่' }), ind1, 'indicator 1 row');
  const radar = indicators.getByRole('img', { name: 'คะแนนรายตัวชี้วัด', exact: true }).locator('svg');
  await expectVisible(radar, 'radar chart SVG');
  const box = await radar.first().boundingBox();
  check(box && box.width > 200 && box.height > 150, `radar chart too small or not laid out: ${JSON.stringify(box)}`);
  // The series polygon: the one that is not a grid ring, with one vertex per indicator.
  const points = await radar.first().evaluate((svg) => {
    const polys = [...svg.querySelectorAll('polygon')].filter((p) => !p.classList.contains('ring'));
    return polys.map((p) => p.getAttribute('points'));
  });
  check(points.length >= 1, 'radar chart has no data polygon');
  const n = points[0].trim().split(/\s+/).length;
  check(n === 10, `radar polygon should have 10 vertices (indicators), has ${n}`);
  return points[0];
}

export async function run(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.editor2);
  check(new URL(page.url()).pathname === `/agencies/${SEED001.id}`, `editor2 should land on the agency dashboard, got ${page.url()}`);
  await expectText(page.getByRole('heading', { level: 1 }), SEED001.name, 'dashboard heading');
  await chooseYear(page, SEED001.year);
  await expectText(page.getByRole('heading', { level: 1 }), '๒๕๖๘', 'dashboard heading shows the Thai year');
  await checkDashboard(page, { total: SEED001.total, grade: SEED001.grade, ind1: SEED001.indicator1 });
  await expectText(page.getByRole('region', { name: 'ผลการประเมิน', exact: true }), 'ยังไม่ถึงระดับ ผ่านดีเยี่ยม เพราะ EIT', 'verdict names what holds the level back');
  await expectText(page.getByRole('region', { name: 'ผลการประเมิน', exact: true }), /IIT\s*99\.63/, 'IIT tool score');
  await expectText(page.getByRole('region', { name: 'มาตรการตามสถานะ', exact: true }), /ยังไม่ดำเนินการ:\s*\d+/, 'measures by status');
  await t.shot(page, 'dashboard');

  // The same page on a phone: no horizontal scrolling of the page itself, the total still visible.
  const phone = await t.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  await login(phone, t.base, ACCOUNTS.editor2, undefined);
  await phone.goto(`${t.base}/agencies/${SEED001.id}?year=${SEED001.year}`);
  await expectText(phone.getByRole('region', { name: 'คะแนนรวม', exact: true }), SEED001.total, 'phone: total');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `phone: the page scrolls sideways by ${overflow}px (layout wider than 390px)`);
  await t.shot(phone, 'dashboard-phone');
}
