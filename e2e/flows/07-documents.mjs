// Documents page: download the analysis report as PDF (clicking the link, as a user does), DOCX and HTML,
// and check the bytes: PDF magic and size, DOCX zip magic, HTML naming the agency and its total.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNTS, SEED001, check, expectText, login, open, submitAndWait } from '../lib.mjs';

export const name = 'documents: analysis report downloads as PDF/DOCX/HTML with real content';

async function download(page, link, out, name) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), link.click()]);
  const failure = await dl.failure();
  check(!failure, `${name}: download failed: ${failure}`);
  const path = join(out, `${Date.now()}-${dl.suggestedFilename() || name}`);
  await dl.saveAs(path);
  return { bytes: readFileSync(path), filename: dl.suggestedFilename(), url: dl.url() };
}

export async function run(t) {
  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.editor2);
  await open(page, t.base, `/agencies/${SEED001.id}?year=${SEED001.year}`);
  await submitAndWait(page, page.getByRole('navigation').getByRole('link', { name: 'เอกสาร', exact: true }));
  await expectText(page.getByRole('heading', { level: 1 }), 'เอกสารเผยแพร่', 'documents heading');
  const item = page.locator('main section.doc').filter({ hasText: 'รายงานการวิเคราะห์ผลการประเมิน' }).first();
  await expectText(item, 'PDF', 'analysis report entry');

  const pdf = await download(page, item.getByRole('link', { name: 'PDF', exact: true }), t.out, 'analysis.pdf');
  check(pdf.bytes.subarray(0, 5).toString('latin1') === '%PDF-', `PDF should start with %PDF-, starts with ${JSON.stringify(pdf.bytes.subarray(0, 8).toString('latin1'))}`);
  check(pdf.bytes.length > 1024, `PDF is only ${pdf.bytes.length} bytes`);
  check(pdf.bytes.subarray(-1024).toString('latin1').includes('%%EOF'), 'PDF has no %%EOF trailer (truncated?)');
  check(/\.pdf$/i.test(pdf.filename), `PDF download should be named *.pdf, is "${pdf.filename}"`);
  const head = await page.context().request.get(pdf.url);
  check(head.headers()['content-type']?.startsWith('application/pdf'), `PDF content-type is ${head.headers()['content-type']}`);
  t.log(`PDF ${pdf.filename}: ${pdf.bytes.length} bytes`);

  const docx = await download(page, item.getByRole('link', { name: 'DOCX', exact: true }), t.out, 'analysis.docx');
  check(docx.bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), 'DOCX should be a zip (PK\\x03\\x04)');
  check(docx.bytes.includes(Buffer.from('word/document.xml')), 'DOCX has no word/document.xml');
  check(docx.bytes.length > 1024, `DOCX is only ${docx.bytes.length} bytes`);

  const html = await download(page, item.getByRole('link', { name: 'HTML', exact: true }), t.out, 'analysis.html');
  const text = html.bytes.toString('utf8');
  check(/<html/i.test(text), 'HTML report has no <html>');
  check(text.includes('หนองกะปุ'), 'HTML report does not name the agency (หนองกะปุ)');
  check(text.includes(SEED001.total) || text.includes('๙๕.๕๙'), `HTML report does not show the total ${SEED001.total}`);
}
