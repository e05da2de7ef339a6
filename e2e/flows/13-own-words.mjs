// The agency's own words reach the published document: edit an indicator's cause on the analysis page, the
// analysis report's introduction and the signer on the documents page; preview the PDF in the page; the
// downloaded HTML prints all three and the signature block, and the measures plan prints no status line.

import { ACCOUNTS, SEED001, check, expectText, expectVisible, login, open, submitAndWait } from '../lib.mjs';

export const name = 'own words: analysis text, introduction and signer reach the document; PDF preview in the page';

const YEAR = `/agencies/${SEED001.id}/years/${SEED001.year}`;

export async function run(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.editor2);
  // Documents print Thai digits, so the marker typed is in Thai digits too.
  const stamp = `${Date.now() % 100000}`.replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[d]);

  // 1. The agency's cause for indicator 1, instead of our guidance.
  await open(page, t.base, `${YEAR}/analysis`);
  const ind1 = page.getByRole('region', { name: /^1\. การปฏิบัติหน้าที่/ });
  const cause = ind1.getByLabel('สาเหตุ', { exact: true });
  await expectVisible(cause, 'cause field of indicator 1');
  const ownCause = `เจ้าหน้าที่บางส่วนยังไม่ทราบขั้นตอนการให้บริการ รอบ ${stamp}`;
  await cause.fill(ownCause);
  await submitAndWait(page, ind1.getByRole('button', { name: 'บันทึก' }));
  await expectText(page.getByRole('region', { name: /^1\. การปฏิบัติหน้าที่/ }), 'ข้อความของหน่วยงาน', 'saved text is marked as the agency\'s');

  // 2. Introduction of the analysis report and the signer.
  await open(page, t.base, `${YEAR}/documents`);
  const doc = page.locator('main section.doc').filter({ hasText: 'รายงานการวิเคราะห์ผลการประเมิน' }).first();
  await doc.locator('summary').click();
  const intro = `ตามที่หน่วยงานได้รับผลการประเมิน ITA ประจำปี จึงได้วิเคราะห์ผลเพื่อปรับปรุงการดำเนินงาน ${stamp}`;
  await doc.getByLabel(/^คำนำ/).fill(intro);
  await doc.getByLabel(/^วันที่ลงนาม/).fill('15/1/2568');
  await submitAndWait(page, doc.getByRole('button', { name: 'บันทึก' }));
  const signer = page.locator('#signer');
  await signer.getByLabel('ชื่อ-นามสกุล').fill(`นายทดสอบ ลงนาม${stamp}`);
  await signer.getByLabel('ตำแหน่ง').fill('นายกองค์การบริหารส่วนตำบลหนองกะปุ');
  await submitAndWait(page, signer.getByRole('button', { name: 'บันทึก' }));

  // 3. Preview: the PDF shown in the page, allowed in a frame of ours only.
  await open(page, t.base, `${YEAR}/documents?preview=analysis`);
  const frame = page.locator('iframe.pdf-preview');
  await expectVisible(frame, 'PDF preview frame');
  const src = await frame.getAttribute('src');
  const pdf = await page.context().request.get(new URL(src, t.base).toString());
  check(pdf.headers()['content-type']?.startsWith('application/pdf'), `preview content-type is ${pdf.headers()['content-type']}`);
  check(pdf.headers()['content-disposition']?.startsWith('inline'), `preview disposition is ${pdf.headers()['content-disposition']}`);
  check(pdf.headers()['x-frame-options'] === 'SAMEORIGIN', `preview x-frame-options is ${pdf.headers()['x-frame-options']}`);
  await t.shot(page, 'documents-preview');

  // 4. The document prints what the agency wrote, and the signature block.
  const html = await (await page.context().request.get(`${t.base}${YEAR}/documents/analysis/html`)).text();
  for (const [what, needle] of [['cause', ownCause], ['introduction', intro], ['signer', `นายทดสอบ ลงนาม${stamp}`], ['signature', 'ลงชื่อ'], ['date signed', '๑๕ มกราคม ๒๕๖๘']]) {
    check(html.includes(needle), `analysis HTML should print the ${what} «${needle}»`);
  }
  const plan = await (await page.context().request.get(`${t.base}${YEAR}/documents/measures/html`)).text();
  check(!plan.includes('สถานะ:'), 'the measures plan prints a status line');
  check(plan.includes('นายทดสอบ'), 'the measures plan carries the signer too');
}
