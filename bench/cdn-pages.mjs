#!/usr/bin/env node
// Pages on the CDN build against DSFR Chart, in one Debian Chromium (issue 14).
// Builds nothing: measures packages/elements/dist/cdn/ (run `pnpm build` first).
//
//   node bench/cdn-pages.mjs [--runs 7] [--json]     (pnpm bench cdn)
//
// Each figure is the median (min–max) of `runs` loads, the pages alternated
// (A B C A B C …), each load in a fresh browser context (cold cache). A load's
// time is from navigation start to the first animation frame where the page's
// content is there (`done` below), read in the page with performance.now().
//
// - map: DSFR Chart's `<map-chart level="dep">` (its MapChart.js + .css) against
//   ours (`<cnr-territory-map level="department">`, cnr-widgets.js, embedded dataset);
// - the full ARS page painted with data against the DSFR map page alone;
// - an emulated old phone (CDP: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower,
//   412 px wide, cold cache): the one-list page, the full page, DSFR's map page.
// Quiet-machine gate: before each load, waits (up to 10 s) while the 1-minute load
// average is above the number of cores; loads started above it are counted as noisy.
import { readFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/browsers.mjs';
import { loadText, quiet } from './lib/quiet.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// CDN_DIR: another build to measure (e.g. a variant of the entry).
const cdnDir = process.env.CDN_DIR ? path.resolve(process.env.CDN_DIR) : path.join(root, 'packages/elements/dist/cdn');
const dsfrDir = path.join(root, 'packages/elements/node_modules/@gouvfr/dsfr-chart/dist/MapChart');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const RUNS = Number(arg('--runs', '7'));
// --wait <ms>: how long each load waits for a quiet machine (10 s; 0 for an A/B run on a machine that is never quiet: the alternation keeps it fair).
const WAIT_MS = Number(arg('--wait', '10000'));

const DSFR_DATA = JSON.stringify(
  Object.fromEntries(
    [...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '20'), '2A', '2B', '971', '972', '973', '974', '976'].map(
      (code, i) => [code, (i * 37) % 100],
    ),
  ),
);
const ours = (body) => `<script type="module" src="/cdn/cnr-widgets.js"></script></head><body>${body}`;
// --variant name=dir (repeatable): also measure another build of dist/cdn (e.g. a variant of the
// entry), served under /cdn@name/; each of our pages gets a `page@name` twin, alternated with the others.
const VARIANTS = Object.fromEntries(
  process.argv.flatMap((a, i) => (a === '--variant' ? [process.argv[i + 1].split('=')] : [])).map(([name, dir]) => [name, path.resolve(dir)]),
);
const PAGES = {
  'dsfr-map': {
    head: `<link rel="stylesheet" href="/dsfr/MapChart.css"><script type="module" src="/dsfr/MapChart.js"></script></head><body><map-chart level="dep" value="10" name="Projets" data='${DSFR_DATA}'></map-chart>`,
    done: `(() => { const m = document.querySelector('map-chart'); const r = m && (m.shadowRoot ?? m); return !!r && r.querySelectorAll('path').length >= 100; })()`,
  },
  'our-map': {
    head: ours('<cnr-territory-map level="department"></cnr-territory-map>'),
    done: `(() => { const r = document.querySelector('cnr-territory-map')?.shadowRoot; return !!r && r.querySelectorAll('path').length >= 100; })()`,
  },
  'full-page': {
    head: ours(`<cnr-provider territory="region:44"><cnr-key-figures></cnr-key-figures><cnr-territory-map level="department"></cnr-territory-map><cnr-axis-filter></cnr-axis-filter><cnr-funding-counter></cnr-funding-counter><cnr-project-list></cnr-project-list></cnr-provider>`),
    done: `(() => { const q = (t) => document.querySelector(t)?.shadowRoot; const digits = (t) => /\\d/.test(q(t)?.textContent ?? '');
      // The axis filter shows its axes, or says that no project of the territory is tied to an axis (region:44 today): loaded, no skeleton.
      const axesShown = () => { const r = q('cnr-axis-filter'); return !!r && !r.querySelector('[part="skeleton"]') && (!!r.querySelector('input,button,select') || /\\S/.test(r.textContent ?? '')); };
      return !!q('cnr-project-list')?.querySelector('cnr-project-card') && (q('cnr-territory-map')?.querySelectorAll('path').length ?? 0) > 0 && digits('cnr-key-figures') && digits('cnr-funding-counter') && axesShown(); })()`,
  },
  // A site's own document of 10 000 synthetic projects (`src`): download, validation, index, first page of the list.
  'list-10k': {
    head: ours('<cnr-provider src="/data/synthetic-10000.json"><cnr-project-list></cnr-project-list></cnr-provider>'),
    done: `!!document.querySelector('cnr-project-list')?.shadowRoot?.querySelector('cnr-project-card')`,
  },
  'one-list': {
    head: ours('<cnr-project-list territory="departement:57"></cnr-project-list>'),
    done: `!!document.querySelector('cnr-project-list')?.shadowRoot?.querySelector('cnr-project-card')`,
  },
};

for (const name of Object.keys(VARIANTS)) {
  for (const page of ['our-map', 'full-page', 'one-list', 'list-10k']) {
    PAGES[`${page}@${name}`] = { ...PAGES[page], head: PAGES[page].head.replace('/cdn/', `/cdn@${name}/`) };
  }
}

/** Gzipped files, by path (the warm-up load fills it). */
const gzipped = new Map();

function startServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const page = /^\/page\/([a-z0-9@-]+)$/.exec(url.pathname);
    if (page && PAGES[page[1]]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>${page[1]}</title>${PAGES[page[1]].head}</body></html>`);
      return;
    }
    if (url.pathname === '/data/synthetic-10000.json' && document10k) {
      const gz = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...(gz ? { 'content-encoding': 'gzip' } : {}) });
      res.end(gz ? document10k.gzip : document10k.raw);
      return;
    }
    const match = /^\/(cdn|dsfr|cdn@([a-z0-9-]+))\/(.+)$/.exec(url.pathname)?.filter((_, i) => i !== 2);
    const dir = match?.[1] === 'cdn' ? cdnDir : match?.[1] === 'dsfr' ? dsfrDir : VARIANTS[match?.[1].slice(4)];
    const file = match && path.join(dir, path.normalize(match[2]));
    if (!dir || !file || !file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    // Compressed as a CDN sends it (jsDelivr: gzip or brotli), for ours and DSFR's alike; compressed once, ahead of the loads.
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(gzipped.get(file));
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * One cold load; returns ms from navigation start to the first frame where `done` holds. With
 * `timeline` (an array), pushes each request's { url, sent, end } in ms from navigation start.
 */
async function load(browser, base, name, phone, timeline, profile) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (phone) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    } else {
      await page.setViewport({ width: 1280, height: 900 });
    }
    const requests = new Map();
    if (timeline) {
      page.on('console', (m) => console.warn(`console ${m.type()}: ${m.text().slice(0, 300)}`));
      page.on('response', (r) => r.status() >= 400 && console.warn(`HTTP ${r.status()}: ${r.url()}`));
      cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, t0: e.timestamp }));
      cdp.on('Network.responseReceived', (e) => requests.has(e.requestId) && (requests.get(e.requestId).t1 = e.timestamp));
      cdp.on('Network.loadingFinished', (e) => requests.has(e.requestId) && (requests.get(e.requestId).t2 = e.timestamp));
    }
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    if (CPU) await page.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'] });
    await page.evaluateOnNewDocument(`(() => { const check = () => { try { if (${PAGES[name].done}) { window.__done = performance.now(); return; } } catch {} requestAnimationFrame(check); }; requestAnimationFrame(check); })();`);
    // --timeline: what each animation frame shows (our elements defined, skeletons, map shapes), up to the painted one.
    if (timeline) {
      await page.evaluateOnNewDocument(`(() => { window.__frames = []; const look = () => { const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('cnr-'));
        const roots = els.map((e) => e.shadowRoot).filter(Boolean); const count = (s) => roots.reduce((n, r) => n + r.querySelectorAll(s).length, 0);
        window.__frames.push([performance.now(), 'defined ' + els.filter((e) => customElements.get(e.localName)).length + '/' + els.length + ', skeletons ' + count('[part="skeleton"]') + ', shapes ' + count('path')]);
        if (window.__done === undefined) requestAnimationFrame(look); }; requestAnimationFrame(look); })();`);
    }
    await page.goto(`${base}/page/${name}`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction('window.__done !== undefined', { timeout: 60_000, polling: 50 });
    const done = await page.evaluate('window.__done');
    if (CPU) cpuTimes.push(mainThreadCpu(JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents, `/page/${name}`, done));
    if (profile) profile.push({ done, profile: (await cdp.send('Profiler.stop')).profile, base });
    if (timeline) {
      const all = [...requests.values()];
      const start = Math.min(...all.map((r) => r.t0));
      for (const r of all) {
        timeline.push({ url: r.url.replace(base, ''), sent: (r.t0 - start) * 1000, response: ((r.t1 ?? NaN) - start) * 1000, end: ((r.t2 ?? NaN) - start) * 1000 });
      }
      let last = '';
      for (const [t, what] of await page.evaluate('window.__frames')) {
        if (what !== last) timeline.push({ url: `(frame) ${what}`, sent: t, response: t, end: t });
        last = what;
      }
      // The page's own user timing marks, if a build has any (an instrumented build, to see what a frame waits for).
      for (const { name: mark, startTime } of await page.evaluate(`performance.getEntriesByType('mark').map(({ name, startTime }) => ({ name, startTime }))`)) {
        timeline.push({ url: `(mark) ${mark}`, sent: startTime, response: startTime, end: startTime });
      }
      timeline.push({ url: '(content painted)', sent: done, response: done, end: done });
    }
    return done;
  } finally {
    await context.close();
  }
}

/**
 * --cpu: the page's main-thread CPU time (the trace's thread time of its tasks) from navigation start
 * to the painted frame. Far steadier than the wall time on a shared machine: another process taking
 * the cores delays the page's tasks but does not add to their thread time.
 */
const CPU = process.argv.includes('--cpu');
/** The --cpu figure of each load, in the order of the loads (read with `results`). */
const cpuTimes = [];
function mainThreadCpu(events, path, done) {
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').endsWith(path));
  if (!parse) return NaN;
  const navigation = events.filter((e) => e.name === 'navigationStart' && e.pid === parse.pid && e.ts <= parse.ts).at(-1);
  if (!navigation) return NaN;
  const end = navigation.ts + done * 1000;
  let cpu = 0;
  for (const e of events) {
    if (e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= navigation.ts && e.ts <= end) cpu += (e.tdur ?? e.dur) / 1000;
  }
  return cpu;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (!existsSync(path.join(cdnDir, 'cnr-widgets.js'))) {
  console.error('bench cdn: packages/elements/dist/cdn/cnr-widgets.js is missing — run pnpm build first');
  process.exit(1);
}
if (!existsSync(path.join(dsfrDir, 'MapChart.js'))) {
  console.error('bench cdn: @gouvfr/dsfr-chart is not installed');
  process.exit(1);
}
/** 10 000 synthetic projects (the SDK's generator, seed 42), raw and gzipped; only when a page needs it. */
let document10k;
const onePage = arg('--timeline') ?? arg('--profile');
const wantsDocument = !onePage || onePage === 'list-10k';
if (wantsDocument && (!arg('--pages') || arg('--pages').split(',').includes('list-10k')) && (!arg('--only') || 'desktop'.includes(arg('--only')))) {
  const { buildSdkEntry } = await import('./lib/build.mjs');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnr-bench-cdn-'));
  try {
    const sdk = await import(pathToFileURL(await buildSdkEntry(tmp)).href);
    const raw = Buffer.from(JSON.stringify(sdk.generateDataset({ projects: 10_000, seed: 42 })));
    document10k = { raw, gzip: gzipSync(raw, { level: 6 }) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
const server = await startServer();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });

// --timeline <page> [--phone]: one load's requests (sent, response, end, ms from the first request), then exit.
const timelinePage = arg('--timeline');
if (timelinePage) {
  try {
    const timeline = [];
    await load(browser, base, timelinePage, process.argv.includes('--phone'), timeline);
    console.log(`${timelinePage}${process.argv.includes('--phone') ? ' (old phone)' : ''}: request sent → response → end (ms)`);
    for (const r of timeline.sort((a, b) => a.sent - b.sent)) {
      console.log(`${r.sent.toFixed(1).padStart(8)} ${r.response.toFixed(1).padStart(8)} ${r.end.toFixed(1).padStart(8)}  ${r.url}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(0);
}
// --profile <page> [--phone] [--runs 5]: CPU profile of each load up to the painted frame, self time
// summed over the loads by source file and by function, through the chunks' source maps.
const profilePage = arg('--profile');
if (profilePage) {
  try {
    const profiles = [];
    for (let run = 0; run < RUNS; run++) await load(browser, base, profilePage, process.argv.includes('--phone'), undefined, profiles);
    const { summarize } = await import('./lib/cpu-profile.mjs');
    console.log(summarize(profiles, { cdnDir, dsfrDir, top: Number(arg('--top', '40')) }));
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(0);
}
const withVariants = (pages) => pages.flatMap((p) => [p, ...(p.startsWith('dsfr') ? [] : Object.keys(VARIANTS).map((v) => `${p}@${v}`))]);
// --only desktop|phone: one group; --pages: some pages.
const groups = [
  { label: 'desktop', phone: false, pages: withVariants(['dsfr-map', 'our-map', 'full-page']) },
  { label: 'desktop, a site document', phone: false, pages: withVariants(['list-10k']) },
  { label: 'old phone', phone: true, pages: withVariants(['one-list', 'full-page', 'dsfr-map']) },
]
  .filter((g) => !arg('--only') || g.label.includes(arg('--only')))
  // --pages our-map,dsfr-map: some pages only (their variants included).
  .map((g) => ({ ...g, pages: g.pages.filter((p) => !arg('--pages') || arg('--pages').split(',').includes(p.split('@')[0])) }));
const results = {};
const cpuResults = {};
let noisy = 0;
try {
  for (const group of groups) {
    for (const name of group.pages) await load(browser, base, name, group.phone); // warm-up (the server, the OS file cache)
    for (let run = 0; run < RUNS; run++) {
      for (const name of group.pages) {
        if (!(await quiet(WAIT_MS))) noisy++;
        const key = `${group.label}: ${name}`;
        (results[key] ??= []).push(await load(browser, base, name, group.phone));
        if (CPU) (cpuResults[key] ??= []).push(cpuTimes.at(-1));
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

const fmt = (xs) => `${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
console.log(`CDN pages vs DSFR Chart — Chromium, ${RUNS} alternated cold loads each, navigation → content painted (median, min–max)`);
console.log(`${loadText()}; ${noisy} of ${Object.values(results).flat().length} loads started on a busy machine\n`);
for (const [key, xs] of Object.entries(results)) console.log(`${key.padEnd(34)} ${fmt(xs)}${CPU ? `   main-thread CPU ${fmt(cpuResults[key])}` : ''}`);
const ratio = (a, b) => (results[a] && results[b] ? (median(results[a]) / median(results[b])).toFixed(2) : '–');
const seconds = (key) => (results[key] ? (median(results[key]) / 1000).toFixed(2) : '–');
console.log(`\nour map / DSFR map (desktop):             ${ratio('desktop: our-map', 'desktop: dsfr-map')}×  (goal ≤ 0.6×)`);
console.log(`full ARS page / DSFR map page (desktop):  ${ratio('desktop: full-page', 'desktop: dsfr-map')}×  (goal ≤ 1.0×)`);
console.log(`first painted list of a 10 000-project document (src, desktop): ${results['desktop, a site document: list-10k'] ? fmt(results['desktop, a site document: list-10k']) : '–'} (issue 14 quoted 770 ms, from bench browser's list page: another page and build)`);
if (CPU) {
  const cpuRatio = (a, b) => (cpuResults[a] && cpuResults[b] ? (median(cpuResults[a]) / median(cpuResults[b])).toFixed(2) : '–');
  for (const suffix of ['', ...Object.keys(VARIANTS).map((v) => `@${v}`)]) {
    console.log(`main-thread CPU${suffix}: our map / DSFR map ${cpuRatio(`desktop: our-map${suffix}`, 'desktop: dsfr-map')}×, full page / DSFR map ${cpuRatio(`desktop: full-page${suffix}`, 'desktop: dsfr-map')}×`);
  }
}
for (const variant of Object.keys(VARIANTS)) {
  console.log(`@${variant}: our map / DSFR map ${ratio(`desktop: our-map@${variant}`, 'desktop: dsfr-map')}×, full page / DSFR map ${ratio(`desktop: full-page@${variant}`, 'desktop: dsfr-map')}×, old phone: one list ${seconds(`old phone: one-list@${variant}`)} s, full page ${seconds(`old phone: full-page@${variant}`)} s`);
}
console.log(`old phone: one list ${seconds('old phone: one-list')} s (goal ≤ 1.5 s), full page ${seconds('old phone: full-page')} s (goal ≤ 2.0 s), DSFR map ${seconds('old phone: dsfr-map')} s`);
if (process.argv.includes('--json')) {
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/cdn-pages.json'), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, noisy, loadavg: os.loadavg(), results, ...(CPU ? { cpu: cpuResults } : {}) }, null, 2) + '\n');
}
