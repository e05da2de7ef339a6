// A progress entry with two evidence files (a PDF and a PNG): the timeline shows the entry and each file's
// SHA-256, which must equal the hash of the bytes uploaded and of the bytes served back.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACCOUNTS, SEED001, check, expectText, login, open, sha256, submitAndWait, textOf,
} from '../lib.mjs';

export const name = 'progress: entry with PDF+PNG evidence, SHA-256 on the timeline';

/** A small valid one-page PDF whose text makes it unique (so its hash is unique to this run). */
function makePdf(note) {
  const content = `BT /F1 18 Tf 72 720 Td (Prongsai e2e evidence ${note}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export async function run(t) {
  const stamp = String(Date.now());
  const pdfPath = join(t.out, `หลักฐาน-${stamp}.pdf`);
  const pngPath = join(t.out, `photo-${stamp}.png`);
  const pdf = makePdf(stamp);
  writeFileSync(pdfPath, pdf);
  writeFileSync(pngPath, PNG);
  const want = { [`หลักฐาน-${stamp}.pdf`]: sha256(pdf), [`photo-${stamp}.png`]: sha256(PNG) };

  const page = await t.newPage();
  await login(page, t.base, ACCOUNTS.editor2);
  await open(page, t.base, `/agencies/${SEED001.id}/years/${SEED001.year}/measures`);
  const first = page.locator('main table tbody tr a').first();
  const measureTitle = await textOf(first);
  await submitAndWait(page, first);
  const measurePath = new URL(page.url()).pathname;
  check(/^\/measures\/\d+$/.test(measurePath), `the list link should open a measure, opened ${page.url()}`);
  await expectText(page.getByRole('heading', { level: 1 }), measureTitle.slice(0, 20), 'measure page heading');

  const text = `ประชุมชี้แจงเจ้าหน้าที่ ครั้งที่ ${stamp.slice(-4)}`;
  await page.getByLabel('วันที่ดำเนินการ', { exact: true }).first().fill('๑๕/๑๑/๒๕๖๘');
  await page.getByLabel('สิ่งที่ดำเนินการ').fill(text);
  await page.getByLabel('หลักฐาน', { exact: true }).setInputFiles([pdfPath, pngPath]);
  await submitAndWait(page, page.locator('form[enctype="multipart/form-data"]').getByRole('button', { name: 'บันทึก' }));
  check(new URL(page.url()).pathname === measurePath, `after saving the entry expected ${measurePath}, got ${page.url()}`);
  const errors = page.getByRole('alert');
  if (await errors.count()) throw new Error(`the progress form was rejected: ${await textOf(errors.first())}`);

  const entry = page.locator('ol.timeline > li, main li').filter({ hasText: text }).first();
  await expectText(entry, text, 'timeline entry with our text');
  await expectText(entry, /๒๕๖๘|2568/, 'timeline entry date (2568)');
  for (const [file, hash] of Object.entries(want)) {
    const item = entry.locator('li').filter({ hasText: file });
    await expectText(item, `SHA-256: ${hash}`, `SHA-256 of ${file} on the timeline`);
    // The served file is byte-for-byte what was uploaded.
    const href = await item.getByRole('link').first().getAttribute('href');
    const resp = await page.context().request.get(new URL(href, t.base).href);
    check(resp.ok(), `download of ${file} (${href}): HTTP ${resp.status()}`);
    const got = sha256(await resp.body());
    check(got === hash, `download of ${file}: SHA-256 ${got}, uploaded ${hash}`);
  }
  await entry.scrollIntoViewIfNeeded();
  await t.shot(page, 'measure');
}
