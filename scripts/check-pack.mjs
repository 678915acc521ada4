#!/usr/bin/env node
// Packs each published package (`pnpm pack`, into a temporary directory) and
// checks what its tarball holds, after `pnpm build`:
//   1. no test, story or fixture file (`*.test.ts`, `*.test-d.ts(x)`,
//      `*.stories.ts`, `__fixtures__/`, `fixtures/`, `test/`);
//   2. every file that `exports`, `main`, `types` and `bin` name is in it;
//   3. no Lit development build in what it ships (`Lit is in dev mode`): a
//      production build resolves Lit's `production` files.
// Usage: node scripts/check-pack.mjs [package dir…] (default: every packages/*
// that is not private). Exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Paths (inside the tarball, without `package/`) that must never ship. */
const UNPUBLISHABLE = [
  [/\.test\.[cm]?[jt]sx?$/, 'a test'],
  [/\.test-d\.[cm]?tsx?$/, 'a type test'],
  [/\.stories\.[cm]?[jt]sx?$/, 'a story'],
  [/(^|\/)__fixtures__\//, 'a test fixture'],
  [/(^|\/)fixtures\//, 'a test fixture'],
  [/(^|\/)tests?\//, 'a test directory'],
];

/** Why `file` must not ship, or undefined. */
function unpublishable(file) {
  return UNPUBLISHABLE.find(([pattern]) => pattern.test(file))?.[1];
}

/** Every file path an export condition, `main`, `types` or `bin` names (wildcard targets left out). */
function namedFiles(pkg) {
  const files = [];
  const collect = (key, value, condition) => {
    if (typeof value === 'string') files.push([`exports["${key}"].${condition}`, value]);
    else if (value && typeof value === 'object') for (const [c, v] of Object.entries(value)) collect(key, v, c);
  };
  for (const [key, value] of Object.entries(pkg.exports ?? {})) collect(key, value, 'default');
  for (const field of ['main', 'types']) if (typeof pkg[field] === 'string') files.push([field, pkg[field]]);
  const bin = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
  for (const [name, file] of Object.entries(bin)) files.push([`bin["${name}"]`, file]);
  return files.filter(([, file]) => !file.includes('*')).map(([where, file]) => [where, path.posix.normalize(file)]);
}

function checkPackage(dir, tmp) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const failures = [];
  const before = new Set(readdirSync(tmp));
  execFileSync('pnpm', ['pack', '--pack-destination', tmp], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz') && !before.has(f));
  if (tarball === undefined) return { name: pkg.name, count: 0, failures: ['pnpm pack wrote no tarball'] };
  const unpacked = path.join(tmp, tarball.slice(0, -'.tgz'.length));
  execFileSync('mkdir', ['-p', unpacked]);
  execFileSync('tar', ['xzf', path.join(tmp, tarball), '-C', unpacked]);
  const files = execFileSync('tar', ['tzf', path.join(tmp, tarball)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
  const shipped = new Set(files);

  for (const file of files) {
    const why = unpublishable(file);
    if (why !== undefined) failures.push(`${file} is ${why}`);
  }
  for (const [where, file] of namedFiles(pkg)) {
    if (!shipped.has(file)) failures.push(`${where}: ${file} is not in the tarball`);
  }
  for (const file of files.filter((f) => /\.[cm]?js$/.test(f))) {
    if (readFileSync(path.join(unpacked, 'package', file), 'utf8').includes('Lit is in dev mode')) {
      failures.push(`${file} holds Lit's development build`);
    }
  }
  return { name: pkg.name, count: files.length, failures };
}

const dirs =
  process.argv.length > 2
    ? process.argv.slice(2).map((d) => path.resolve(d))
    : readdirSync(path.join(root, 'packages'))
        .map((d) => path.join(root, 'packages', d))
        .filter((d) => existsSync(path.join(d, 'package.json')))
        .filter((d) => !JSON.parse(readFileSync(path.join(d, 'package.json'), 'utf8')).private);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnr-pack-'));
let failed = false;
try {
  for (const dir of dirs) {
    const { name, count, failures } = checkPackage(dir, tmp);
    if (failures.length === 0) {
      console.log(`✓ ${name}: ${count} files, no test, story or fixture; every exported file present`);
    } else {
      failed = true;
      console.error(`✗ ${name}: ${failures.length} problem(s)`);
      for (const failure of failures) console.error(`  - ${failure}`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
