#!/usr/bin/env node
// Browser benchmark, in Debian's Chromium (headless) through puppeteer-core:
// the elements on seeded synthetic datasets of 1 000, 10 000 and 100 000
// projects, and the ars-region example page on the embedded dataset. Prints a
// table and writes bench/results/browser.json.
//
//   node bench/browser.mjs [--quick] [--deadline=<seconds>]
//
// Pages are built by Vite (production build, workspace packages from their
// sources) into a temporary directory and served from 127.0.0.1. Each run is
// a fresh browser context (empty cache), so every load is a first visit.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { benchDir, buildExample, buildPages, buildSdkEntry } from './lib/build.mjs';
import { environment, measured, printTable, unavailable, writeJson } from './lib/report.mjs';
import { round } from './lib/stats.mjs';
import { loadText, quiet } from './lib/quiet.mjs';
import { serveStatic } from './lib/server.mjs';
import { CHROMIUM_FLAGS as FLAGS, CHROMIUM_PATH as CHROMIUM } from '../scripts/browsers.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// --sizes=10000[,1000]: some dataset sizes only; --no-example: skip the example page.
const sizesArg = args.find((a) => a.startsWith('--sizes='))?.split('=')[1]?.split(',').map(Number);
const noExample = args.includes('--no-example');
const deadlineArg = Number(args.find((a) => a.startsWith('--deadline='))?.split('=')[1]);
const started = performance.now();
/** Past this, remaining measurements are skipped (and said so): `pnpm bench` must end in minutes. */
const deadline = started + (Number.isFinite(deadlineArg) ? deadlineArg : 360) * 1000;
const timeLeft = () => deadline - performance.now();

const SEED = 42;

/**
 * Page loads per dataset size (warm-ups not counted) and, on each measured
 * load, timed filter changes of each kind (after one untimed). 100 000
 * projects: fewer loads, each costs seconds (87 MB of JSON to fetch, parse,
 * validate and index).
 */
const PLAN = quick
  ? [
      { projects: 1_000, warmups: 1, runs: 2, changes: 1 },
      { projects: 10_000, warmups: 1, runs: 2, changes: 1 },
    ]
  : [
      { projects: 1_000, warmups: 2, runs: 7, changes: 2 },
      { projects: 10_000, warmups: 2, runs: 7, changes: 2 },
      { projects: 100_000, warmups: 1, runs: 3, changes: 2 },
    ];
if (sizesArg) PLAN.splice(0, PLAN.length, ...PLAN.filter((step) => sizesArg.includes(step.projects)));
const EXAMPLE_PLAN = quick ? { warmups: 1, runs: 2 } : { warmups: 2, runs: 7 };

/** PRODUCT.md: at 10 000 projects, validate and index ≤ 150 ms; a filter change to a painted list ≤ 16 ms. No layout shift. */
const BUDGET_SIZE = 10_000;
const BUDGETS = {
  validateIndex: { limit: 150, text: '≤ 150 ms' },
  frame: { limit: 16, text: '≤ 16 ms' },
  layoutShift: { limit: 0, text: '0' },
};

const label = (n) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer in ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// --- browser ------------------------------------------------------------------

let browser;
async function getBrowser() {
  if (browser?.connected) return browser;
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    defaultViewport: { width: 1280, height: 900 },
    timeout: 60_000,
    protocolTimeout: 180_000,
  });
  return browser;
}

async function closeBrowser() {
  const b = browser;
  browser = undefined;
  if (!b) return;
  await withTimeout(b.close(), 15_000, 'closing Chromium').catch(() => b.process()?.kill('SIGKILL'));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void closeBrowser().finally(() => process.exit(130));
  });
}

/** Page loads, and those started on a busy machine (bench/lib/quiet.mjs). */
const gate = { loads: 0, noisy: 0 };
const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [], failures: [] };

/**
 * Opens `url` in a fresh browser context, runs `work(page)`, always closes
 * the context. Requests to anything but `origin` are recorded (none expected).
 */
async function visit(url, origin, work, { timeoutMs = 60_000, beforeLoad } = {}) {
  gate.loads += 1;
  if (!(await quiet())) gate.noisy += 1;
  const b = await getBrowser();
  const context = await b.createBrowserContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    page.setDefaultNavigationTimeout(timeoutMs);
    page.on('console', (message) => {
      // Requests the bench itself blocks (web fonts, in one variant of the example) are not the page's errors.
      if (message.type() === 'error' && !message.text().includes('ERR_BLOCKED_BY_CLIENT')) problems.consoleErrors.push(`${url}: ${message.text()}`.slice(0, 300));
    });
    page.on('pageerror', (error) => problems.pageErrors.push(`${url}: ${String(error?.message ?? error)}`.slice(0, 300)));
    page.on('request', (request) => {
      const u = request.url();
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.foreignRequests.push(u);
    });
    if (beforeLoad) await beforeLoad(page);
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    return await work(page);
  } finally {
    await withTimeout(context.close(), 15_000, 'closing a browser context').catch(() => undefined);
  }
}

/** Collects garbage, then reads the page's used JS heap (MB), through the DevTools protocol. */
async function heapAfterGc(page) {
  const session = await page.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

const evaluate = (page, fn, arg, ms, what) => withTimeout(page.evaluate(fn, arg), ms, what);
const waitForBench = (page, ms) => page.waitForFunction(() => 'bench' in window, { timeout: ms });

// --- one dataset size ---------------------------------------------------------------

const CHANGE_KINDS = ['axis', 'territory', 'keystroke', 'submit'];

async function benchSize(origin, { projects, warmups, runs, changes }) {
  const group = `Browser — ${label(projects)} projects`;
  const at = projects === BUDGET_SIZE;
  const pageTimeout = projects >= 100_000 ? 120_000 : 60_000;
  const q = `n=${projects}&timeout=${pageTimeout - 10_000}`;
  const s = {
    scriptStart: [],
    firstList: [],
    fromScript: [],
    heap: [],
    fetchParse: [],
    validateIndex: [],
    mapFirst: [],
    mapRecolour: [],
    ...Object.fromEntries(CHANGE_KINDS.map((k) => [k, []])),
    applied: [],
  };
  const missing = {};
  let skipped = 0;
  console.warn(`  ${label(projects)} projects: ${warmups} warm-up + ${runs} page loads of each page`);

  for (let run = 0; run < warmups + runs; run++) {
    if (timeLeft() < (projects >= 100_000 ? 60_000 : 15_000)) {
      skipped = warmups + runs - run;
      break;
    }
    const keep = run >= warmups;

    // Validate + index.
    try {
      const r = await visit(`${origin}/load.html?${q}`, origin, async (page) => {
        await waitForBench(page, pageTimeout);
        return evaluate(page, () => window.bench.load(), undefined, pageTimeout, 'load page');
      });
      if (keep) {
        s.fetchParse.push(r.fetchParse);
        s.validateIndex.push(r.validateIndex);
      }
    } catch (error) {
      problems.failures.push(`load.html n=${projects}: ${error.message}`);
      if (keep) s.validateIndex.push(null);
    }

    // The list: first paint, heap, filter changes.
    if (!missing.list) {
      try {
        await visit(`${origin}/list.html?${q}`, origin, async (page) => {
          await waitForBench(page, pageTimeout);
          const info = await page.evaluate(() => ({ available: window.bench.available, reason: window.bench.reason }));
          if (!info.available) {
            missing.list = info.reason;
            return;
          }
          const first = await evaluate(page, () => window.bench.firstPaint, undefined, pageTimeout, 'first painted list');
          const scriptStart = await page.evaluate(() => window.bench.scriptStart);
          if (first.painted === undefined) throw new Error('no card was painted in time');
          await sleep(300);
          const heap = await heapAfterGc(page);
          if (keep) {
            s.firstList.push(first.painted);
            s.fromScript.push(first.painted - scriptStart);
            s.scriptStart.push(scriptStart);
            s.heap.push(heap);
          }
          if (!keep) return;
          for (const kind of CHANGE_KINDS) {
            for (let i = 0; i <= changes; i++) {
              const r = await evaluate(page, (a) => window.bench.change(a.kind, a.i), { kind, i }, pageTimeout, `${kind} change`);
              if (r.skipped) {
                missing[kind] = r.skipped;
                break;
              }
              if (i === 0) continue;
              s[kind].push(r.painted ?? null);
              if (kind === 'keystroke' && r.applied !== undefined) s.applied.push(r.applied);
            }
          }
        });
      } catch (error) {
        problems.failures.push(`list.html n=${projects}: ${error.message}`);
        if (keep) s.firstList.push(null);
      }
    }

    // The map: first render, re-colouring.
    if (!missing.map) {
      try {
        await visit(`${origin}/map.html?${q}`, origin, async (page) => {
          await waitForBench(page, pageTimeout);
          const info = await page.evaluate(() => ({ available: window.bench.available, reason: window.bench.reason }));
          if (!info.available) {
            missing.map = info.reason;
            return;
          }
          const first = await evaluate(page, () => window.bench.firstPaint, undefined, pageTimeout, 'map first render');
          if (first.painted === undefined) throw new Error('no coloured map was painted in time');
          if (!keep) return;
          s.mapFirst.push(first.painted);
          for (let i = 0; i <= changes; i++) {
            const r = await evaluate(page, (a) => window.bench.change('recolour', a), i, pageTimeout, 'map re-colour');
            if (i > 0) s.mapRecolour.push(r.painted ?? null);
          }
        });
      } catch (error) {
        problems.failures.push(`map.html n=${projects}: ${error.message}`);
        if (keep) s.mapFirst.push(null);
      }
    }
  }

  const note = (text) => (skipped ? `${text ? `${text}; ` : ''}${skipped} page loads skipped: time limit of the bench` : text);
  const median = (list) => {
    const ok = list.filter((v) => typeof v === 'number').sort((a, b) => a - b);
    return ok.length ? ok[Math.floor(ok.length / 2)] : undefined;
  };
  const rows = [];
  const listRow = (measure, samples, options = {}) =>
    missing.list ? unavailable(group, measure, missing.list, options) : measured(group, measure, samples, options);
  const changeRow = (kind, measure, options = {}) =>
    missing.list || missing[kind]
      ? unavailable(group, measure, missing.list ?? missing[kind], options)
      : measured(group, measure, s[kind], options);

  rows.push(
    listRow('first painted list, from navigation start', s.firstList, { note: note('') || undefined }),
    listRow('first painted list, from script start', s.fromScript, {
      note: median(s.scriptStart) !== undefined ? `the page's script started ${round(median(s.scriptStart), 1)} ms after navigation start` : undefined,
    }),
    measured(group, 'fetch + JSON parse of the document (load page)', s.fetchParse),
    measured(group, 'validate + index: createClient({ src: document }).load()', s.validateIndex, {
      budget: at ? BUDGETS.validateIndex : undefined,
    }),
    changeRow('axis', 'axis change (provider.setFilters) → painted list', { budget: at ? BUDGETS.frame : undefined }),
    changeRow('territory', 'territory change (provider.setFilters) → painted list', { budget: at ? BUDGETS.frame : undefined }),
    changeRow('keystroke', 'text keystroke in the search field → painted list', {
      note:
        median(s.applied) !== undefined
          ? `includes the list's debounce: the filter changed ${round(median(s.applied), 1)} ms after the keystroke`
          : undefined,
    }),
    changeRow('submit', 'text keystroke + Enter (no debounce) → painted list', { budget: at ? BUDGETS.frame : undefined }),
    missing.map ? unavailable(group, 'map first render, from navigation start', missing.map) : measured(group, 'map first render, from navigation start', s.mapFirst),
    missing.map ? unavailable(group, 'map re-colour: axis change → painted map', missing.map) : measured(group, 'map re-colour: axis change → painted map', s.mapRecolour),
    listRow('JS heap after load (list page, after GC)', s.heap, { unit: 'MB' }),
  );
  return rows;
}

/** « per load: 0.31 at ~420 ms (div.x, cnr-list › div.cards); … »: the largest shifts, averaged over the loads. */
function shiftNote(entries, loads) {
  if (!entries.length || !loads) return undefined;
  const bySources = new Map();
  for (const e of entries) {
    const key = [...new Set(e.sources)].join(', ') || 'unknown';
    const item = bySources.get(key) ?? { value: 0, times: [] };
    item.value += e.value;
    item.times.push(e.startTime);
    bySources.set(key, item);
  }
  return `per load: ${[...bySources.entries()]
    .sort((a, b) => b[1].value - a[1].value)
    .slice(0, 3)
    .map(([key, { value, times }]) => `${(value / loads).toFixed(3)} at ~${Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)])} ms (${key})`)
    .join('; ')}`;
}

// --- the example page ------------------------------------------------------------------

/** One load of the example page with the probe: time to interactive, FCP, layout shifts over the load + 1 s. */
async function loadExample(url, origin, probe, { blockFonts = false } = {}) {
  return visit(
    url,
    origin,
    async (p) => {
      const result = await evaluate(p, () => window.__cnrProbe.interactive, undefined, 65_000, 'example interactive');
      await sleep(1000);
      const shifts = await p.evaluate(() => window.__cnrProbe.shifts());
      const fcp = await p.evaluate(() => window.__cnrProbe.fcp());
      const unsupported = shifts.some((e) => e.unsupported);
      const counted = unsupported ? [] : shifts.filter((e) => !e.hadRecentInput);
      return { ...result, fcp, shifts: counted, cls: unsupported ? null : counted.reduce((sum, e) => sum + e.value, 0) };
    },
    {
      beforeLoad: async (p) => {
        await p.evaluateOnNewDocument(probe);
        if (!blockFonts) return;
        await p.setRequestInterception(true);
        p.on('request', (request) => {
          if (request.isInterceptResolutionHandled()) return;
          if (request.resourceType() === 'font') void request.abort('blockedbyclient');
          else void request.continue();
        });
      },
    },
  );
}

/**
 * The example page as published, on the embedded dataset. Each run loads it
 * twice: as is, and with its web fonts blocked — a font swap shifts the host
 * page's text whatever the widgets do, so the second figure is what is left
 * to the widgets.
 */
async function benchExample(origin, page, name) {
  const group = name === 'ars-region' ? 'Example ars-region — embedded dataset' : `Example ${name} — embedded dataset (examples/ars-region/ does not exist yet)`;
  const probe = readFileSync(path.join(benchDir, 'lib/example-probe.js'), 'utf8');
  const s = { interactive: [], fcp: [], cls: [], clsNoFonts: [] };
  let widgets = [];
  /** The layout shifts seen, to say where they come from. */
  const shifts = { all: [], noFonts: [] };
  let skipped = 0;
  const url = `${origin}${page}`;
  for (let run = 0; run < EXAMPLE_PLAN.warmups + EXAMPLE_PLAN.runs; run++) {
    if (timeLeft() < 10_000) {
      skipped = EXAMPLE_PLAN.warmups + EXAMPLE_PLAN.runs - run;
      break;
    }
    const keep = run >= EXAMPLE_PLAN.warmups;
    for (const blockFonts of [false, true]) {
      try {
        const r = await loadExample(url, origin, probe, { blockFonts });
        widgets = r.widgets ?? widgets;
        if (r.interactive === undefined) problems.failures.push(`example ${name}: not interactive in time (${(r.widgets ?? []).join(', ')})`);
        if (r.errors?.length) problems.failures.push(`example ${name}: error state shown by ${r.errors.join(', ')}`);
        if (!keep) continue;
        if (blockFonts) {
          s.clsNoFonts.push(r.cls);
          shifts.noFonts.push(...r.shifts);
        } else {
          s.interactive.push(r.interactive ?? null);
          s.fcp.push(r.fcp ?? null);
          s.cls.push(r.cls);
          shifts.all.push(...r.shifts);
        }
      } catch (error) {
        problems.failures.push(`example ${name}${blockFonts ? ' (fonts blocked)' : ''}: ${error.message}`);
        if (keep) (blockFonts ? s.clsNoFonts : s.interactive).push(null);
      }
    }
  }
  const counts = {};
  for (const w of widgets) counts[w] = (counts[w] ?? 0) + 1;
  const list = Object.entries(counts)
    .map(([tag, count]) => (count > 1 ? `${count} × <${tag}>` : `<${tag}>`))
    .join(', ');
  const loads = (samples) => samples.filter((v) => typeof v === 'number').length;
  return [
    measured(group, 'time to interactive (every widget painted with content, updateComplete)', s.interactive, {
      note: `${list || 'no widget found'}${skipped ? `; ${skipped} loads skipped: time limit` : ''}`,
    }),
    measured(group, 'first contentful paint', s.fcp),
    measured(group, 'cumulative layout shift over the load + 1 s', s.cls, {
      unit: '',
      budget: BUDGETS.layoutShift,
      note: shiftNote(shifts.all, loads(s.cls)),
    }),
    measured(group, 'cumulative layout shift, the page\'s web fonts blocked', s.clsNoFonts, {
      unit: '',
      budget: BUDGETS.layoutShift,
      note: shiftNote(shifts.noFonts, loads(s.clsNoFonts)) ?? 'no shift: what is left above is the font swap of the host page',
    }),
  ];
}

// --- main ------------------------------------------------------------------------------

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnr-bench-browser-'));
  const servers = [];
  const rows = [];
  let chromium = 'unknown';
  try {
    console.warn('Browser bench: building the bench pages, the example page and the SDK (for the datasets) with Vite…');
    const site = path.join(tmp, 'site');
    const tags = ['cnr-provider', 'cnr-project-card', 'cnr-project-list', 'cnr-territory-map'];
    const [{ excluded }, example, sdkEntry] = await Promise.all([
      buildPages(['list', 'map', 'load'], tags, site),
      buildExample(path.join(tmp, 'example')).catch((error) => ({ error })),
      buildSdkEntry(path.join(tmp, 'sdk')),
    ]);
    for (const [tag, why] of excluded) console.warn(`  <${tag}> left out of the bench pages: ${why}`);

    const sdk = await import(pathToFileURL(sdkEntry).href);
    mkdirSync(path.join(site, 'data'), { recursive: true });
    for (const { projects } of PLAN) {
      const text = JSON.stringify(sdk.generateDataset({ projects, seed: SEED }));
      writeFileSync(path.join(site, 'data', `synthetic-${projects}.json`), text);
      console.warn(`  dataset of ${label(projects)} projects: ${(text.length / 1e6).toFixed(1)} MB`);
    }

    const server = await serveStatic(site);
    servers.push(server);
    chromium = await (await getBrowser()).version();
    console.warn(`  ${chromium} at ${CHROMIUM}; pages served at ${server.origin}`);

    for (const step of PLAN) rows.push(...(await benchSize(server.origin, step)));

    if (noExample) {
      rows.push(unavailable('Example page', 'time to interactive, layout shift', 'skipped (--no-example)'));
    } else if (example.error) {
      rows.push(unavailable('Example page', 'time to interactive, layout shift', `the example does not build: ${String(example.error.message).split('\n')[0]}`));
    } else if (!example.name) {
      rows.push(unavailable('Example page', 'time to interactive, layout shift', 'neither examples/ars-region/ nor examples/demo/ exists'));
    } else {
      const exampleServer = await serveStatic(path.join(tmp, 'example'));
      servers.push(exampleServer);
      rows.push(...(await benchExample(exampleServer.origin, example.page, example.name)));
    }
  } finally {
    await closeBrowser();
    for (const server of servers) await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }

  printTable('Browser (headless Chromium) — median of runs, spread min–max', rows);
  console.log(`${loadText()}; ${gate.noisy} of ${gate.loads} page loads started on a busy machine (after waiting up to 10 s each)`);
  const seen = new Set();
  const unique = (list) => list.filter((v) => !seen.has(v) && seen.add(v));
  const report = {
    consoleErrors: unique(problems.consoleErrors).slice(0, 50),
    pageErrors: unique(problems.pageErrors).slice(0, 50),
    foreignRequests: unique(problems.foreignRequests).slice(0, 50),
    failures: problems.failures.slice(0, 100),
  };
  for (const [key, list] of Object.entries(report)) {
    if (list.length) console.warn(`\n${key} (${list.length}):\n  ${list.slice(0, 8).join('\n  ')}${list.length > 8 ? '\n  …' : ''}`);
  }
  const out = path.join(benchDir, 'results/browser.json');
  writeJson(out, {
    kind: 'browser',
    gate: { ...gate, loadavg: os.loadavg() },
    environment: environment({ chromium, chromiumPath: CHROMIUM, flags: FLAGS, quick, durationSeconds: round((performance.now() - started) / 1000, 1) }),
    method:
      'Production Vite builds served from 127.0.0.1, no HTTP cache, a fresh browser context per page load. « Painted »: a change is started inside a requestAnimationFrame callback; the time is taken in the task that follows the rendering of the first frame showing its result (DOM mutation observers and a check at every frame start). First paints count from navigation start. Heap: CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage. Layout shift: PerformanceObserver « layout-shift », entries without recent input.',
    plan: { sizes: PLAN, example: EXAMPLE_PLAN, seed: SEED },
    rows,
    problems: report,
  });
  console.log(`\nwrote ${path.relative(process.cwd(), out)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

// Last resort: never leave the process (and Chromium) running.
const hardStop = setTimeout(
  () => {
    console.error('browser bench: hard time limit reached, stopping');
    void closeBrowser().finally(() => process.exit(1));
  },
  Math.max(60_000, deadline - performance.now() + 120_000),
);
hardStop.unref();

try {
  await main();
} finally {
  await closeBrowser();
}
