// Prints one closing line, "N passed, N failed", over the Vitest JSON reports
// and the web-test-runner log of a scripts/test.sh run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir)) {
  const path = join(dir, file);
  if (file.endsWith('.json')) {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (file.startsWith('node-test-')) {
    // node --test closes with "# pass N", "# fail N", "# skipped N".
    const text = readFileSync(path, 'utf8');
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    passed += count('pass');
    failed += count('fail');
    skipped += count('skipped');
  } else if (file === 'wtr.log') {
    // The last progress line of each browser: "Chrome: |███| 3/3 test files | 12 passed, 0 failed"
    const last = new Map();
    const pattern = /^(\w+):\s.*\|\s*(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      // eslint-disable-next-line no-control-regex -- strips terminal colour codes
      const match = pattern.exec(line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim());
      if (match) last.set(match[1], match);
    }
    for (const match of last.values()) {
      passed += Number(match[2]);
      failed += Number(match[3]);
      skipped += Number(match[4] ?? 0);
    }
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exit(1);
