// Throwaway: log in and screenshot pages (not committed).
import { launchBrowser, login } from './lib.mjs';
const [base, email, out, ...paths] = process.argv.slice(2);
const browser = await launchBrowser();
for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'th-TH' });
  const page = await ctx.newPage();
  await login(page, base, email);
  for (const p of paths) {
    const [path, name] = p.split('=');
    await page.goto(base + path, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/${name}-${tag}.png`, fullPage: tag === 'desk' });
  }
  await ctx.close();
}
await browser.close();
