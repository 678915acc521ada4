#!/usr/bin/env node
// Checks the generated map geometry and prints its size:
//   node packages/elements/scripts/check-geometry.mjs
//
// - 18 régions and 101 départements, codes exactly the INSEE ones, each with a
//   name, a non-empty path, a box inside the map and a label point inside it;
// - every département in its right région (counts per région), the five
//   overseas ones in their own, non-overlapping inset boxes;
// - names and régions agree with @etalab/decoupage-administratif when that
//   package is installed (packages/data), skipped otherwise;
// - the committed file is what extract-geometry.mjs produces now (skipped if
//   @gouvfr/dsfr-chart is not installed);
// - the module is within the budget: ≤ 25 kB gzipped.

import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PKG_ROOT = path.resolve(HERE, '..');
const GEN = path.join(PKG_ROOT, 'src/territory-map/geometry/france.generated.js');
const BUDGET_GZIP = 25 * 1024;

const failures = [];
const check = (cond, msg) => {
  if (!cond) failures.push(msg);
};

// Independent of the extractor's table: INSEE COG codes.
const REGION_CODES = ['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'];
const DEPARTMENT_CODES = [
  ...Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, '0')),
  '2A',
  '2B',
  ...Array.from({ length: 75 }, (_, i) => String(i + 21)),
  '971',
  '972',
  '973',
  '974',
  '976',
];
/** Number of départements per région. */
const PER_REGION = {
  '01': 1, '02': 1, '03': 1, '04': 1, '06': 1,
  11: 8, 24: 6, 27: 8, 28: 5, 32: 5, 44: 10, 52: 5, 53: 4, 75: 12, 76: 13, 84: 12, 93: 6, 94: 2,
};
const OVERSEAS = { 971: '01', 972: '02', 973: '03', 974: '04', 976: '06' };

const geo = await import(pathToFileURL(GEN).href);
const { VIEWBOX, METRO_BOX, INSETS, REGIONS, DEPARTMENTS, SOURCE } = geo;

const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
const inside = (b, outer) =>
  b[0] >= outer[0] && b[1] >= outer[1] && b[0] + b[2] <= outer[0] + outer[2] && b[1] + b[3] <= outer[1] + outer[3];
const overlap = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
const PATH_RE = /^M[-\d.]+[ -][-\d.]+[MmLlHhVvZz\d .-]*z$/;

function checkShape(level, code, name, box, d) {
  const what = `${level} ${code}`;
  check(typeof name === 'string' && name.trim().length > 0, `${what}: no name`);
  check(typeof d === 'string' && d.length > 10 && PATH_RE.test(d), `${what}: empty or malformed path`);
  check(Array.isArray(box) && box.length === 6 && box.every(Number.isFinite), `${what}: bad box ${box}`);
  check(box[2] > 0 && box[3] > 0 && inside(box.slice(0, 4), VIEWBOX), `${what}: box ${box.slice(0, 4)} outside the map`);
  check(inside([box[4], box[5], 0, 0], box.slice(0, 4)), `${what}: label point outside its box`);
}

check(same(REGIONS.map((r) => r[0]), REGION_CODES), `région codes: ${REGIONS.map((r) => r[0]).join(' ')}`);
check(REGIONS.length === 18, `${REGIONS.length} régions, expected 18`);
check(same(DEPARTMENTS.map((r) => r[0]), DEPARTMENT_CODES), `département codes: ${DEPARTMENTS.map((r) => r[0]).join(' ')}`);
check(DEPARTMENTS.length === 101, `${DEPARTMENTS.length} départements, expected 101`);
for (const [code, name, box, d] of REGIONS) checkShape('région', code, name, box, d);
for (const [code, name, reg, box, d] of DEPARTMENTS) {
  checkShape('département', code, name, box, d);
  check(REGION_CODES.includes(reg), `département ${code}: unknown région ${reg}`);
}
for (const [reg, n] of Object.entries(PER_REGION)) {
  const got = DEPARTMENTS.filter((r) => r[2] === reg).length;
  check(got === n, `région ${reg}: ${got} départements, expected ${n}`);
}
check(new Set(DEPARTMENTS.map((r) => r[4])).size === 101, 'two départements share a path');

// Insets.
check(INSETS.length === 5, `${INSETS.length} insets, expected 5`);
check(inside(METRO_BOX, VIEWBOX), 'metropolitan box outside the map');
INSETS.forEach(([dep, reg, box], i) => {
  check(OVERSEAS[dep] === reg, `inset ${dep}: région ${reg}`);
  check(inside(box, VIEWBOX), `inset ${dep} outside the map`);
  check(!overlap(box, METRO_BOX), `inset ${dep} overlaps metropolitan France`);
  INSETS.slice(i + 1).forEach(([other, , b]) => check(!overlap(box, b), `insets ${dep} and ${other} overlap`));
  const depRow = DEPARTMENTS.find((r) => r[0] === dep);
  const regRow = REGIONS.find((r) => r[0] === reg);
  check(depRow && inside(depRow[3].slice(0, 4), box), `département ${dep} outside its inset`);
  check(regRow && depRow && regRow[3] === depRow[4], `région ${reg} and département ${dep} differ`);
});
for (const [code, , reg, box] of DEPARTMENTS) {
  if (OVERSEAS[code]) continue;
  check(inside(box.slice(0, 4), METRO_BOX), `département ${code} (région ${reg}) outside metropolitan France`);
}

// Attribution.
check(SOURCE?.package === '@gouvfr/dsfr-chart' && SOURCE.license === 'MIT' && /^Copyright/.test(SOURCE.copyright), 'SOURCE attribution incomplete');
const text = readFileSync(GEN, 'utf8');
check(text.includes('extract-geometry.mjs') && text.includes(SOURCE.copyright), 'header: regeneration command or copyright missing');

// Cross-check names and régions with @etalab/decoupage-administratif (optional).
const etalab = path.resolve(PKG_ROOT, '../data/node_modules/@etalab/decoupage-administratif/data');
if (existsSync(etalab)) {
  const deps = JSON.parse(readFileSync(path.join(etalab, 'departements.json'), 'utf8'));
  const regs = JSON.parse(readFileSync(path.join(etalab, 'regions.json'), 'utf8'));
  for (const [code, name, reg] of DEPARTMENTS) {
    const e = deps.find((x) => x.code === code);
    check(e && e.nom === name && e.region === reg, `département ${code}: ${name}/${reg} vs etalab ${e?.nom}/${e?.region}`);
  }
  for (const [code, name] of REGIONS) {
    const e = regs.find((x) => x.code === code);
    check(e && e.nom === name, `région ${code}: ${name} vs etalab ${e?.nom}`);
  }
  console.log('names and régions agree with @etalab/decoupage-administratif');
} else {
  console.log('skipped: @etalab/decoupage-administratif not installed in packages/data');
}

// Freshness: regenerate in memory and compare (needs @gouvfr/dsfr-chart).
if (existsSync(path.join(PKG_ROOT, 'node_modules/@gouvfr/dsfr-chart/package.json'))) {
  const { generate, OUT_DTS } = await import(pathToFileURL(realpathSync(path.join(HERE, 'extract-geometry.mjs'))).href);
  const { jsText, dtsText } = generate();
  const fresh = jsText === text && dtsText === readFileSync(OUT_DTS, 'utf8');
  check(fresh, 'generated files are stale: run node packages/elements/scripts/extract-geometry.mjs');
  if (fresh) console.log('generated files match a fresh extraction');
} else {
  console.log('skipped freshness check: @gouvfr/dsfr-chart not installed');
}

// Size.
const raw = Buffer.byteLength(text);
const gz = gzipSync(text, { level: 9 }).length;
check(gz <= BUDGET_GZIP, `geometry is ${gz} B gzipped, budget ${BUDGET_GZIP} B`);

console.log(`${REGIONS.length} régions, ${DEPARTMENTS.length} départements, ${INSETS.length} insets; viewBox ${VIEWBOX.join(' ')}`);
console.log(`france.generated.js: ${raw} B raw, ${gz} B gzip (${(gz / 1024).toFixed(1)} kB; budget 25 kB)`);
if (failures.length) {
  console.error(`\n${failures.length} problem(s):\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('geometry OK');
