// Prints the closing lines of a scripts/test.sh run: the results of each
// browser engine (Chromium, Firefox ESR, WebKit) and of Node, then one line
// "N passed, N failed[, N skipped]" over everything, from the Vitest JSON
// reports, the web-test-runner log and the node --test (TAP) logs.
// Exits non-zero if anything failed or nothing passed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];

/** engine → { passed, failed, skipped } */
const engines = new Map();
const ENGINES = { chrome: 'Chromium', chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKit', node: 'Node' };
function add(engine, passed, failed, skipped) {
  const name = ENGINES[engine.toLowerCase()] ?? engine;
  const counts = engines.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
  counts.passed += passed;
  counts.failed += failed;
  counts.skipped += skipped;
  engines.set(name, counts);
}

/** The engine of a test of the examples' smoke tests (examples/test), from its describe blocks. */
function examplesEngine(ancestors) {
  const top = ancestors[0] ?? '';
  if (/WebKit/.test(top)) return 'webkit';
  if (/sdk-node|dev server/.test(top)) return 'node';
  return 'chromium';
}

for (const file of readdirSync(dir).sort()) {
  const path = join(dir, file);
  if (file.endsWith('.json')) {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    const browser = file === 'vitest-examples.json';
    for (const suite of report.testResults ?? []) {
      for (const test of suite.assertionResults ?? []) {
        const engine = browser ? examplesEngine(test.ancestorTitles ?? []) : 'node';
        const status = test.status;
        add(engine, status === 'passed' ? 1 : 0, status === 'failed' ? 1 : 0, ['skipped', 'pending', 'todo', 'disabled'].includes(status) ? 1 : 0);
      }
    }
    // A file that failed to load has no assertion results: count it as one failure.
    for (const suite of report.testResults ?? []) {
      if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) add(browser ? 'chromium' : 'node', 0, 1, 0);
    }
  } else if (file.startsWith('node-test-')) {
    // TAP: suites "SRI of the CDN snippet in <engine>" hold indented subtests;
    // top-level tests outside a suite run in Node.
    let engine = 'node';
    let nested = 0;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const subtest = /^# Subtest: .* in (chromium|firefox|webkit)$/.exec(line);
      if (subtest) engine = subtest[1];
      const result = /^(\s*)(not )?ok \d+ - .*?(# SKIP|# TODO)?$/.exec(line);
      if (!result) continue;
      const indent = result[1].length;
      if (indent === 0 && nested > 0) {
        // The closing line of a suite, after its subtests.
        nested = 0;
        engine = 'node';
        continue;
      }
      if (indent === 0) {
        add('node', result[2] || result[3] ? 0 : 1, result[2] ? 1 : 0, result[3] && !result[2] ? 1 : 0);
        continue;
      }
      if (indent !== 4) continue; // deeper: steps of a subtest
      nested++;
      add(engine, result[2] || result[3] ? 0 : 1, result[2] ? 1 : 0, result[3] && !result[2] ? 1 : 0);
    }
  } else if (file === 'wtr.log') {
    // The last progress line of each browser: "Chrome: |███| 3/3 test files | 12 passed, 0 failed"
    const last = new Map();
    const pattern = /^(\w+):\s.*\|\s*(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      // eslint-disable-next-line no-control-regex -- strips terminal colour codes
      const match = pattern.exec(line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim());
      if (match) last.set(match[1], match);
    }
    for (const match of last.values()) add(match[1], Number(match[2]), Number(match[3]), Number(match[4] ?? 0));
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const order = ['Chromium', 'Firefox ESR', 'WebKit', 'Node'];
const names = [...engines.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
for (const name of names) {
  const counts = engines.get(name);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  console.log(`${`${name}:`.padEnd(13)}${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exit(1);
