// Runs every flow in e2e/flows (in file-name order) against a running Prongsai server in headless Chromium.
//
// Environment:
//   E2E_BASE_URL     the server, e.g. http://127.0.0.1:41234 (required)
//   E2E_OUT          scratch directory for uploads, downloads and failure screenshots (default: a temp dir)
//   E2E_SCREENS_DIR  write the documentation screenshots here (scripts/e2e sets docs/screens when E2E_SCREENSHOTS=1)
//   E2E_ONLY         comma-separated substrings: run only flows whose file or name contains one
//   E2E_RESULTS      write {passed, failed, flows:[{file,name,ok,error,ms}]} as JSON here
//
// Every flow gets fresh, isolated browser contexts (incognito profiles); the flows share the server's
// database and run in order, so later flows see earlier flows' changes (each says what it relies on).

import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, screenshotter } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.env.E2E_BASE_URL || '').replace(/\/$/, '');
if (!base) {
  console.error('e2e: E2E_BASE_URL is not set (run scripts/e2e, which starts the server)');
  process.exit(2);
}
const out = process.env.E2E_OUT || mkdtempSync(join(tmpdir(), 'prongsai-e2e-'));
mkdirSync(out, { recursive: true });
const only = (process.env.E2E_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);
const FLOW_TIMEOUT_MS = Number(process.env.E2E_FLOW_TIMEOUT_MS || 120000);

const log = (line) => console.log(line);
const shot = screenshotter(process.env.E2E_SCREENS_DIR || '', log);

const files = readdirSync(join(here, 'flows')).filter((f) => f.endsWith('.mjs')).sort();
const flows = [];
for (const file of files) {
  const mod = await import(pathToFileURL(join(here, 'flows', file)).href);
  if (typeof mod.run !== 'function') throw new Error(`e2e/flows/${file} exports no run()`);
  const name = mod.name || file;
  if (only.length && !only.some((o) => file.includes(o) || name.includes(o))) continue;
  flows.push({ file, name, run: mod.run });
}

const browser = await launchBrowser();
log(`e2e: Chromium ${browser.version()} against ${base}; scratch ${out}`);
const results = [];
for (const flow of flows) {
  const contexts = [];
  const t = {
    base,
    browser,
    out,
    log: (line) => log(`    ${line}`),
    shot,
    /** A page in a fresh isolated context; `opts` are Playwright context options. */
    async newPage(opts = {}) {
      const ctx = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'th-TH',
        timezoneId: 'Asia/Bangkok',
        acceptDownloads: true,
        ...opts,
      });
      ctx.setDefaultTimeout(10000);
      ctx.setDefaultNavigationTimeout(20000);
      contexts.push(ctx);
      return ctx.newPage();
    },
  };
  const started = Date.now();
  let error = null;
  let timer;
  try {
    await Promise.race([
      flow.run(t),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${FLOW_TIMEOUT_MS / 1000} s`)), FLOW_TIMEOUT_MS);
      }),
    ]);
  } catch (e) {
    error = e;
  } finally {
    clearTimeout(timer);
  }
  const ms = Date.now() - started;
  if (error) {
    const first = (error.message || String(error)).split('\n').slice(0, 4).join('\n      ');
    log(`FAIL ${flow.name} (${flow.file}, ${ms} ms)\n      ${first}`);
    // Leave a picture of every open page for diagnosis.
    let i = 0;
    for (const ctx of contexts) {
      for (const p of ctx.pages()) {
        i += 1;
        const path = join(out, `FAIL-${flow.file.replace(/\.mjs$/, '')}-${i}.png`);
        try {
          await p.screenshot({ path, timeout: 5000 });
          log(`      page ${p.url()} → ${path}`);
        } catch {
          /* the page may be gone */
        }
      }
    }
  } else {
    log(`ok   ${flow.name} (${ms} ms)`);
  }
  results.push({ file: flow.file, name: flow.name, ok: !error, error: error ? String(error.message || error) : null, ms });
  for (const ctx of contexts) await ctx.close().catch(() => {});
}
await browser.close();

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (process.env.E2E_RESULTS) {
  writeFileSync(process.env.E2E_RESULTS, JSON.stringify({ passed, failed, flows: results }, null, 2));
}
if (failed) {
  log('\nfailed flows:');
  for (const r of results.filter((x) => !x.ok)) log(`  - ${r.name}: ${r.error.split('\n')[0]}`);
}
log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed || results.length === 0 ? 1 : 0);
