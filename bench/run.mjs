#!/usr/bin/env node
// `pnpm bench`: sizes (scripts/size.mjs, when it exists), the SDK in Node
// (bench/sdk.mjs) and the elements in headless Chromium (bench/browser.mjs),
// each in its own process; then one table of every figure that has a budget.
// Figures are measured and printed, never asserted: a budget that is not met
// does not fail the command; a part that crashes does (exit code 1).
//
//   pnpm bench                 everything (5–6 minutes on 2 busy cores; stops measuring at ~8)
//   pnpm bench sdk browser     some parts only (size, sdk, browser, cls, cdn)
//   pnpm bench --quick         fewer runs and sizes, to try the bench itself
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { benchDir, repoRoot } from './lib/build.mjs';
import { printTable, unavailable } from './lib/report.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const PARTS = ['size', 'sdk', 'browser', 'cls', 'cdn'];
const asked = args.filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !PARTS.includes(a));
if (unknown.length) {
  console.error(`unknown part(s): ${unknown.join(', ')} (choose among ${PARTS.join(', ')})`);
  process.exit(2);
}
const parts = asked.length ? PARTS.filter((p) => asked.includes(p)) : PARTS;

const started = Date.now();
/** The whole command stays under ~8 minutes: the browser part gets what is left, minus a margin. */
const TOTAL_MS = 8 * 60_000;
const left = () => TOTAL_MS - (Date.now() - started);
const results = path.join(benchDir, 'results');
const sizeScript = path.join(repoRoot, 'scripts/size.mjs');

/** Runs a Node script; resolves with its exit code (null when killed) and, if asked, its stdout. */
function run(script, scriptArgs, { timeoutMs, nodeArgs = [], capture = false }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...scriptArgs], {
      cwd: repoRoot,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    const timer = setTimeout(() => {
      console.error(`\n${path.relative(repoRoot, script)}: stopped after ${Math.round(timeoutMs / 1000)} s`);
      child.kill('SIGTERM');
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 20_000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      console.error(`${script}: ${error.message}`);
      resolve({ code: 1, stdout });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The last JSON value printed on stdout (scripts may log before it). */
function jsonFromStdout(text) {
  const start = text.indexOf('{');
  const startArray = text.indexOf('[');
  const first = [start, startArray].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (first === undefined) return undefined;
  try {
    return JSON.parse(text.slice(first));
  } catch {
    return undefined;
  }
}

// --- sizes: whatever shape scripts/size.mjs gives, rows of name, raw, gzip and budget ---

const pick = (object, names) => {
  for (const name of names) if (object[name] !== undefined) return object[name];
  return undefined;
};

/**
 * Bytes from a number or an object `{ bytes }`. A field named `…kB`, or a
 * value under 1 000 (no bundle is that small; budgets are written in kB),
 * is taken as kB.
 */
function bytesOf(object, names) {
  for (const name of names) {
    const value = object[name];
    if (typeof value === 'number') return /kb$/i.test(name) || value < 1000 ? value * 1000 : value;
    if (value && typeof value === 'object') {
      const inner = pick(value, ['bytes', 'size', 'value']);
      if (typeof inner === 'number') return inner;
    }
  }
  return undefined;
}

const GZIP = ['gzip', 'gzipped', 'gzipBytes', 'gz', 'gzipKb', 'gzipKB'];
const RAW = ['raw', 'rawBytes', 'bytes', 'minified', 'min', 'size', 'rawKb', 'rawKB'];
const BUDGET = ['budget', 'budgetBytes', 'limit', 'max', 'maxBytes', 'budgetKb', 'budgetKB'];

/** Objects that carry a gzip size, found anywhere in the document (bounded walk). */
function sizeEntries(value, trail = [], out = [], depth = 0) {
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  if (!Array.isArray(value) && bytesOf(value, GZIP) !== undefined) {
    out.push({ entry: value, trail });
    return out;
  }
  for (const [key, inner] of Object.entries(value)) sizeEntries(inner, Array.isArray(value) ? trail : [...trail, key], out, depth + 1);
  return out;
}

const kB = (bytes) => (typeof bytes === 'number' ? `${(bytes / 1000).toFixed(1)} kB` : '—');

/** Rows of the sizes; printed as a table unless `print` is false (the script printed its own). */
function sizeRows(json, print) {
  const entries = sizeEntries(json);
  if (entries.length === 0) {
    console.log('\nSizes: scripts/size.mjs gave no entry with a gzip size; see bench/results/size.json');
    return [];
  }
  const rows = entries.map(({ entry, trail }) => {
    const own = String(pick(entry, ['name', 'entry', 'label', 'file', 'path', 'id']) ?? trail.join(' / '));
    const name = typeof entry.group === 'string' ? `${entry.group}: ${own}` : own;
    const gzip = bytesOf(entry, GZIP);
    const raw = bytesOf(entry, RAW);
    const budget = bytesOf(entry, BUDGET);
    const stated = pick(entry, ['ok', 'met', 'pass', 'withinBudget']);
    const met = typeof stated === 'boolean' ? stated : budget !== undefined && gzip !== undefined ? gzip <= budget : null;
    return { name, raw, gzip, budget, met };
  });
  const header = ['entry', 'raw', 'gzip', 'budget (gzip)', ''];
  const cells = rows.map((r) => [
    r.name,
    kB(r.raw),
    kB(r.gzip),
    r.budget === undefined ? '—' : `≤ ${kB(r.budget)}`,
    r.met === null ? '' : `${r.met ? 'met' : 'OVER'}${r.budget ? ` ${(r.gzip / r.budget).toFixed(2)}×` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => (i === 1 || i === 2 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  const title = 'Sizes (scripts/size.mjs)';
  if (print) console.log([`\n${title}`, '='.repeat(title.length), line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n'));
  return rows
    .filter((r) => r.budget !== undefined)
    .map((r) => ({
      group: 'Sizes',
      measure: `${r.name}, gzipped`,
      available: r.gzip !== undefined,
      unit: 'kB',
      n: 1,
      failed: 0,
      median: r.gzip / 1000,
      budget: `≤ ${kB(r.budget)}`,
      limit: r.budget / 1000,
      met: r.met,
    }));
}

// --- main -------------------------------------------------------------------------------

const failures = [];
const summary = [];

if (parts.includes('size')) {
  if (!existsSync(sizeScript)) {
    console.log('\nSizes: « not available » — scripts/size.mjs does not exist yet (it is being written with the builds).');
    summary.push(unavailable('Sizes', 'gzipped size of each entry point and of the CDN bundle', 'scripts/size.mjs does not exist yet'));
  } else {
    console.warn('\n━━ Sizes: node scripts/size.mjs --json');
    const sizeFile = path.join(results, 'size.json');
    const before = Date.now();
    const { code, stdout } = await run(sizeScript, ['--json'], { timeoutMs: Math.min(180_000, left() - 240_000), capture: true });
    // The script prints its own table (echoed as is) and writes bench/results/size.json; older
    // versions may print the JSON itself. A size.json older than this run is not used.
    const printed = jsonFromStdout(stdout.trim().startsWith('{') || stdout.trim().startsWith('[') ? stdout : '');
    if (!printed && stdout.trim()) console.log(`\n${stdout.trimEnd()}`);
    const fresh = existsSync(sizeFile) && statSync(sizeFile).mtimeMs >= before - 1000;
    const json = printed ?? (fresh ? readJson(sizeFile) : undefined);
    if (json) {
      // It exits 1 when a size is over budget: that is a figure of the table, not a failure of the bench.
      summary.push(...sizeRows(json, Boolean(printed)));
    } else {
      const reason = `scripts/size.mjs exited with code ${code} and wrote no bench/results/size.json (see its message above)`;
      console.log(`\nSizes: « not available » — ${reason}.`);
      summary.push(unavailable('Sizes', 'gzipped size of each entry point and of the CDN bundle', reason));
    }
  }
}

if (parts.includes('sdk')) {
  console.warn('\n━━ SDK (Node): node --expose-gc bench/sdk.mjs');
  const { code } = await run(path.join(benchDir, 'sdk.mjs'), quick ? ['--quick'] : [], {
    nodeArgs: ['--expose-gc'],
    timeoutMs: Math.max(60_000, Math.min(180_000, left() - 200_000)),
  });
  if (code !== 0) failures.push(`bench/sdk.mjs exited with ${code}`);
  else summary.push(...(readJson(path.join(results, 'sdk.json'))?.rows ?? []));
}

if (parts.includes('browser')) {
  const seconds = Math.max(90, Math.floor((left() - 45_000) / 1000));
  console.warn(`\n━━ Browser (headless Chromium): node bench/browser.mjs (measurements stop after ${seconds} s)`);
  const browserArgs = [`--deadline=${seconds}`, ...(quick ? ['--quick'] : [])];
  const { code } = await run(path.join(benchDir, 'browser.mjs'), browserArgs, { timeoutMs: (seconds + 90) * 1000 });
  if (code !== 0) failures.push(`bench/browser.mjs exited with ${code}`);
  else summary.push(...(readJson(path.join(results, 'browser.json'))?.rows ?? []));
}

if (parts.includes('cls')) {
  // Layout shift of both partner pages, with and without web fonts, and the blank under the widgets (issue 16).
  console.warn('\n━━ Layout shift of the partner pages (headless Chromium): node bench/cls.mjs');
  const { code } = await run(path.join(benchDir, 'cls.mjs'), quick ? ['--quick'] : [], { timeoutMs: 300_000 });
  if (code !== 0) failures.push(`bench/cls.mjs exited with ${code}`);
  else summary.push(...(readJson(path.join(results, 'cls.json'))?.rows ?? []));
}

if (parts.includes('cdn')) {
  // Pages on the CDN build against DSFR Chart, old-phone emulation (issue 14): prints its own table.
  console.warn('\n━━ CDN pages vs DSFR Chart (headless Chromium): node bench/cdn-pages.mjs --json');
  const { code } = await run(path.join(benchDir, 'cdn-pages.mjs'), ['--json', ...(quick ? ['--runs', '3'] : [])], { timeoutMs: 600_000 });
  if (code !== 0) failures.push(`bench/cdn-pages.mjs exited with ${code}`);
}

const budgeted = summary.filter((row) => row.budget && (row.available || row.reason));
if (budgeted.length) {
  printTable(
    'Budgets (PRODUCT.md) — every budgeted figure of this run',
    budgeted.map(({ note: _note, ...row }) => row),
  );
}
const missing = summary.filter((row) => !row.available);
if (missing.length) {
  console.log('\nNot available yet:');
  const byReason = new Map();
  for (const row of missing) {
    const reason = row.reason ?? 'unknown';
    const item = byReason.get(reason) ?? { measures: new Set(), groups: new Set() };
    item.measures.add(row.measure);
    item.groups.add(row.group);
    byReason.set(reason, item);
  }
  for (const [reason, { measures, groups }] of byReason) {
    console.log(`  ${reason}\n    → ${[...measures].join('; ')} (${[...groups].join(', ')})`);
  }
}
console.log(`\nResults: ${path.relative(process.cwd(), results)}/ (${parts.map((p) => `${p}.json`).join(', ')}); ${Math.round((Date.now() - started) / 1000)} s in all.`);
if (failures.length) {
  console.error(`\nFailed: ${failures.join('; ')}`);
  process.exit(1);
}
