#!/usr/bin/env node
// Size of real pages on the CDN build (issue 14, PRODUCT.md § Budgets,
// docs/size.md): serves packages/elements/dist/cdn/ and tiny pages that load
// cnr-widgets.js (the autoloader) with some widgets, opens each in Debian’s
// Chromium (puppeteer-core), and sums the gzip -9 sizes of the JavaScript the
// page fetched — code only; the dataset and geometry chunks are counted apart.
// Builds nothing: run after `pnpm build`.
//
// Prints each page against its budget (OVER when above) and exits 1 only when
// a figure is above its regression ceiling (measured + about 3 %), like
// scripts/size.mjs. `--json` also writes bench/results/size-pages.json.
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './browsers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cdnDir = path.join(root, 'packages/elements/dist/cdn');
const documentFile = path.join(root, 'packages/data/dist/cnr-dataset.json');
const KB = 1000;

/**
 * The pages, their widgets, their budget (kB gz, code only) and regression ceiling
 * (issue 14, core size pass, 5 December: measured plus about 3 %; docs/size.md).
 */
const PAGES = [
  { name: 'entry alone', body: '', budget: 4, ceiling: 1.81 },
  {
    name: 'one <cnr-project-list territory="departement:57">',
    body: '<cnr-project-list territory="departement:57"></cnr-project-list>',
    waitFor: 'cnr-project-list',
    budget: 25,
    ceiling: 37.7, // 36.6 measured on 5 December after the merges + about 3 %
  },
  {
    name: 'one <cnr-funding-counter territory="region:44">',
    body: '<cnr-funding-counter territory="region:44"></cnr-funding-counter>',
    waitFor: 'cnr-funding-counter',
    budget: 22,
    ceiling: 28.9, // 28.0 measured on 5 December after the merges + about 3 %
  },
  {
    name: 'full ARS page (provider, key figures, map, axis filter, counter, list)',
    body: `<cnr-provider territory="region:44">
  <cnr-key-figures></cnr-key-figures>
  <cnr-territory-map level="department"></cnr-territory-map>
  <cnr-axis-filter></cnr-axis-filter>
  <cnr-funding-counter></cnr-funding-counter>
  <cnr-project-list></cnr-project-list>
</cnr-provider>`,
    waitFor: 'cnr-territory-map',
    budget: 40,
    ceiling: 54.6, // 53.0 measured on 5 December after the merges + about 3 %
  },
  {
    name: 'a src page: one list on a document of the site',
    body: '<cnr-project-list territory="departement:57" src="/data/cnr-dataset.json"></cnr-project-list>',
    waitFor: 'cnr-project-list',
    srcOf: 1,
    // 50.3 kB measured on 5 December (a valid document validated without zod) + about 3 %.
    ceiling: 50.8, // 49.3 measured on 5 December after the merges + about 3 %
  },
];
/** A src page adds, over the same list on the embedded dataset (kB gz); ceiling: 12.7 measured on 5 December (no zod for a valid document) + about 3 %. */
const SRC_ADDS = { budget: 13, ceiling: 13.1 };
const GEOMETRY = { budget: 20, ceiling: 18.7 };

const gzipOf = (file) => gzipSync(readFileSync(path.join(cdnDir, file)), { level: 9 }).length;
const kindOf = (file) => (/chunks\/dataset-/.test(file) ? 'dataset' : /chunks\/geometry-/.test(file) ? 'geometry' : 'code');

function page(body) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>size</title>
<script type="module" src="/cnr-widgets.js"></script></head><body>
${body}
</body></html>`;
}

function startServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const pageMatch = /^\/page\/(\d+)$/.exec(url.pathname);
    if (pageMatch) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(PAGES[Number(pageMatch[1])]?.body ?? ''));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/data/cnr-dataset.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(readFileSync(documentFile));
      return;
    }
    const file = path.join(cdnDir, path.normalize(url.pathname));
    if (!file.startsWith(cdnDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Opens one page, waits until the network is quiet, returns the .js files of dist/cdn it fetched. */
async function measure(browser, base, index) {
  const tab = await browser.newPage();
  const files = new Set();
  // A page that broke (a chunk that failed to load or to run) fetches less: it must not pass for a small one.
  const problems = [];
  tab.on('pageerror', (error) => problems.push(String(error.message)));
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.text().includes('[cnr-widgets]')) problems.push(message.text());
  });
  tab.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.endsWith('.js') && response.ok()) files.add(pathname.slice(1));
  });
  try {
    await tab.goto(`${base}/page/${index}`, { waitUntil: 'load' });
    await tab.waitForNetworkIdle({ idleTime: 700, timeout: 30_000 });
  } finally {
    await tab.close();
  }
  const sums = { code: 0, dataset: 0, geometry: 0 };
  for (const file of files) sums[kindOf(file)] += gzipOf(file);
  if (PAGES[index].waitFor && sums.dataset === 0) problems.push('no dataset was fetched');
  return { files: [...files].sort(), problems, ...sums };
}

if (!existsSync(path.join(cdnDir, 'cnr-widgets.js'))) {
  console.error('size-pages: packages/elements/dist/cdn/cnr-widgets.js is missing — run pnpm build first');
  process.exit(1);
}
const server = await startServer();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
const results = [];
try {
  for (const [index] of PAGES.entries()) results.push(await measure(browser, base, index));
} finally {
  await browser.close();
  server.close();
}

const kb = (bytes) => (bytes / KB).toFixed(1);
const rows = PAGES.map((p, i) => ({ name: p.name, code: results[i].code, dataset: results[i].dataset, geometry: results[i].geometry, budget: p.budget, ceiling: p.ceiling, files: results[i].files }));
const srcIndex = PAGES.findIndex((p) => p.srcOf !== undefined);
rows.push({ name: 'a src page adds (over the same list on the embedded dataset)', code: rows[srcIndex].code - rows[PAGES[srcIndex].srcOf].code, ...SRC_ADDS });
const geometry = Math.max(...rows.map((r) => r.geometry ?? 0));
rows.push({ name: 'map geometry chunk', code: geometry, ...GEOMETRY });

let failed = false;
for (const [i, result] of results.entries()) {
  if (result.problems.length === 0) continue;
  failed = true;
  console.error(`size-pages: the page « ${PAGES[i].name} » is broken: ${result.problems.join(' | ')}`);
}
console.log('Pages on the CDN build, what Chromium fetched — gzip -9, kB (code; dataset and geometry apart)\n');
for (const row of rows) {
  const over = row.budget !== undefined && row.code > row.budget * KB;
  const regress = row.code > row.ceiling * KB;
  failed ||= regress;
  const extra = row.dataset !== undefined ? `  (dataset ${kb(row.dataset)}, geometry ${kb(row.geometry)})` : '';
  const verdict = regress ? `REGRESSION > ceiling ${row.ceiling}` : over ? `OVER budget ${row.budget}` : row.budget !== undefined ? `ok ≤ ${row.budget}` : `ceiling ${row.ceiling}`;
  console.log(`${kb(row.code).padStart(6)} kB  ${verdict.padEnd(28)} ${row.name}${extra}`);
}
if (process.argv.includes('--json')) {
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/size-pages.json'), JSON.stringify({ date: new Date().toISOString(), unit: 'bytes', gzipLevel: 9, rows }, null, 2) + '\n');
}
if (process.argv.includes('--files')) for (const row of rows) if (row.files) console.log(`\n${row.name}\n  ${row.files.join('\n  ')}`);
if (failed) {
  console.error('\nsize-pages: a page is broken or above its regression ceiling (see docs/size.md)');
  process.exit(1);
}
