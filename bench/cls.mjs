#!/usr/bin/env node
// `pnpm bench cls` (node bench/cls.mjs [--quick] [--runs N]): cumulative layout
// shift of both partner pages (examples/ars-region, examples/collectivite) on
// the embedded dataset, at 1280 × 900 and 375 × 812, each load done twice:
// with the page's web fonts, and with them blocked (a font swap moves the host
// page's text whatever the widgets do; blocked, what is left is the widgets').
// Also the largest blank under a widget once it shows its data, in rows of
// cards (issue 16: at most one). Budget (issue 16): CLS ≤ 0.01.
//
// Production build of the pages (examples/vite.config.ts) in a temporary
// folder, served from 127.0.0.1 with no cache; a fresh browser context (empty
// cache) per load; Debian's Chromium through puppeteer-core. The probe
// (bench/lib/example-probe.js) sums the `layout-shift` entries without recent
// input over the load and one more second. Writes bench/results/cls.json.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/browsers.mjs';
import { measureBlank } from './lib/blank-probe.mjs';
import { blockFonts as refuseFonts } from './lib/block-fonts.mjs';
import { benchDir, repoRoot } from './lib/build.mjs';
import { environment, measured, printTable, writeJson } from './lib/report.mjs';
import { serveStatic } from './lib/server.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = Number(args[args.indexOf('--runs') + 1]);
const PLAN = { warmups: quick ? 0 : 1, runs: Number.isInteger(runsArg) && runsArg > 0 ? runsArg : quick ? 2 : 5 };
const PAGES = ['ars-region', 'collectivite'];
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
];
const BUDGET = { limit: 0.01, text: '≤ 0.01' };
const BLANK_BUDGET = { limit: 1, text: '≤ 1 row' };
const probe = readFileSync(path.join(benchDir, 'lib/example-probe.js'), 'utf8');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One load: CLS (and its largest shifts), the largest blank under a widget in rows of cards. */
async function load(browser, url, viewport, blockFonts) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(viewport);
    await page.evaluateOnNewDocument(probe);
    if (blockFonts) await refuseFonts(page);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const ready = await page.evaluate(() => window.__cnrProbe.interactive);
    if (ready.interactive === undefined) throw new Error(`not interactive in time (${ready.widgets.join(', ')})`);
    await sleep(1000);
    const shifts = (await page.evaluate(() => window.__cnrProbe.shifts())).filter((entry) => !entry.hadRecentInput);
    const { row, widgets } = await page.evaluate(measureBlank);
    const worst = widgets.reduce((a, b) => (b.blank > (a?.blank ?? -1) ? b : a), undefined);
    return {
      cls: shifts.reduce((sum, entry) => sum + entry.value, 0),
      shifts,
      blankRows: worst ? worst.blank / row : 0,
      worst: worst ? `<${worst.tag}> ${worst.blank} px (a row: ${row} px)` : 'no widget',
    };
  } finally {
    await context.close();
  }
}

/** « 0.012 at ~420 ms (h2, footer) »: the largest shift sources, averaged over the loads. */
function shiftNote(entries, loads) {
  if (!entries.length) return 'no shift';
  const bySources = new Map();
  for (const entry of entries) {
    const key = [...new Set(entry.sources)].join(', ') || 'unknown';
    bySources.set(key, (bySources.get(key) ?? 0) + entry.value);
  }
  return `per load: ${[...bySources.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([key, value]) => `${(value / loads).toFixed(4)} (${key})`)
    .join('; ')}`;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnr-bench-cls-'));
let browser;
let server;
const rows = [];
try {
  console.warn('CLS bench: building the example pages with Vite…');
  await build({
    configFile: path.join(repoRoot, 'examples/vite.config.ts'),
    logLevel: 'error',
    clearScreen: false,
    mode: 'production',
    build: { outDir: tmp, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
  server = await serveStatic(tmp);
  browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, protocolTimeout: 120_000 });
  console.warn(`  ${await browser.version()}; ${PLAN.warmups} warm-up + ${PLAN.runs} loads per page, viewport and font setting`);
  for (const name of PAGES) {
    for (const viewport of VIEWPORTS) {
      const group = `${name} at ${viewport.width} × ${viewport.height} — embedded dataset`;
      const samples = { fonts: [], noFonts: [], blank: [] };
      const shifts = { fonts: [], noFonts: [] };
      let worst = '';
      for (let run = 0; run < PLAN.warmups + PLAN.runs; run++) {
        for (const blockFonts of [false, true]) {
          const key = blockFonts ? 'noFonts' : 'fonts';
          try {
            const result = await load(browser, `${server.origin}/${name}/`, viewport, blockFonts);
            if (run < PLAN.warmups) continue;
            samples[key].push(result.cls);
            shifts[key].push(...result.shifts);
            if (!blockFonts) {
              samples.blank.push(result.blankRows);
              worst = result.worst;
            }
          } catch (error) {
            console.warn(`  ${name} ${viewport.width}${blockFonts ? ' (fonts blocked)' : ''}: ${error.message}`);
            if (run >= PLAN.warmups) samples[key].push(null);
          }
        }
      }
      const loads = (list) => list.filter((v) => typeof v === 'number').length || 1;
      rows.push(
        measured(group, 'cumulative layout shift, with the page\'s web fonts', samples.fonts, { unit: '', budget: BUDGET, note: shiftNote(shifts.fonts, loads(samples.fonts)) }),
        measured(group, 'cumulative layout shift, web fonts blocked', samples.noFonts, { unit: '', budget: BUDGET, note: shiftNote(shifts.noFonts, loads(samples.noFonts)) }),
        measured(group, 'largest blank under a widget after data, in rows of cards', samples.blank, { unit: '', budget: BLANK_BUDGET, note: `last load: ${worst}` }),
      );
    }
  }
} finally {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
}

printTable('Layout shift of the partner pages (headless Chromium) — median of loads, spread min–max', rows);
const out = path.join(benchDir, 'results/cls.json');
writeJson(out, {
  kind: 'cls',
  environment: environment({ chromiumPath: CHROMIUM_PATH, flags: CHROMIUM_FLAGS, quick }),
  method:
    'Production Vite build of the examples served from 127.0.0.1, no HTTP cache, a fresh browser context per load. Layout shift: PerformanceObserver « layout-shift », entries without recent input, over the load (every widget shows content) plus 1 s. Blank: bench/lib/blank-probe.mjs.',
  plan: { ...PLAN, pages: PAGES, viewports: VIEWPORTS },
  rows,
});
console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
