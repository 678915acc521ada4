#!/usr/bin/env node
// Generates src/territories.referential.json — the French territorial
// referential the dataset uses — from @etalab/decoupage-administratif
// (INSEE's Code officiel géographique; EPCI from the DGCL):
//
// - pays:FR;
// - the 18 régions and 101 départements (metropolitan and overseas
//   départements; the collectivités d'outre-mer are left out);
// - only the communes and EPCI that the hand-written sources name
//   (`commune:<INSEE>` / `epci:<SIREN>` anywhere in src/*.json).
//
// The output is committed: run `node scripts/referential.mjs` after adding a
// commune or an EPCI to a record, or after upgrading the package.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.resolve(here, '../src');
const OUTPUT = 'territories.referential.json';
const require = createRequire(import.meta.url);

const PACKAGE = '@etalab/decoupage-administratif';
const pkg = require(`${PACKAGE}/package.json`);
const regions = require(`${PACKAGE}/data/regions.json`);
const departements = require(`${PACKAGE}/data/departements.json`);
const communes = require(`${PACKAGE}/data/communes.json`);
const epcis = require(`${PACKAGE}/data/epci.json`);

/** Ids of the communes and EPCI that the hand-written sources reference. */
function referencedIds() {
  const ids = { commune: new Set(), epci: new Set() };
  for (const file of readdirSync(srcDir).sort()) {
    if (!file.endsWith('.json') || file === OUTPUT) continue;
    const text = readFileSync(path.join(srcDir, file), 'utf8');
    for (const match of text.matchAll(/"(commune|epci):([0-9A-Za-z]+)"/g)) ids[match[1]].add(match[2]);
  }
  return { commune: [...ids.commune].sort(), epci: [...ids.epci].sort() };
}

const fail = (message) => {
  console.error(`referential: ${message}`);
  process.exit(1);
};

const territories = [{ id: 'pays:FR', kind: 'pays', code: 'FR', name: 'France' }];

// Régions and départements of France (metropolitan and overseas régions);
// the collectivités d'outre-mer (zone `com`) are not régions or départements.
const keptRegions = regions.filter((r) => r.zone !== 'com');
const regionCodes = new Set(keptRegions.map((r) => r.code));
for (const r of keptRegions) {
  territories.push({ id: `region:${r.code}`, kind: 'region', code: r.code, name: r.nom, parent: 'pays:FR' });
}
const keptDepartements = departements.filter((d) => d.zone !== 'com');
for (const d of keptDepartements) {
  if (!regionCodes.has(d.region)) fail(`département ${d.code} has an unknown région ${d.region}`);
  territories.push({ id: `departement:${d.code}`, kind: 'departement', code: d.code, name: d.nom, parent: `region:${d.region}` });
}
if (keptRegions.length !== 18) fail(`expected 18 régions, found ${keptRegions.length}`);
if (keptDepartements.length !== 101) fail(`expected 101 départements, found ${keptDepartements.length}`);
const departementCodes = new Set(keptDepartements.map((d) => d.code));

const wanted = referencedIds();

for (const siren of wanted.epci) {
  const epci = epcis.find((e) => e.code === siren);
  if (!epci) fail(`EPCI ${siren} is not in ${PACKAGE} ${pkg.version}`);
  // The département of most member communes (an EPCI may straddle two).
  const counts = new Map();
  for (const member of epci.membres) {
    const commune = communes.find((c) => c.code === member.code && c.type === 'commune-actuelle');
    if (commune) counts.set(commune.departement, (counts.get(commune.departement) ?? 0) + 1);
  }
  const [departement] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!departement || !departementCodes.has(departement)) fail(`EPCI ${siren}: no département found`);
  territories.push({ id: `epci:${siren}`, kind: 'epci', code: siren, name: epci.nom, parent: `departement:${departement}` });
}

for (const code of wanted.commune) {
  const commune = communes.find((c) => c.code === code && c.type === 'commune-actuelle');
  if (!commune) fail(`commune ${code} is not a current commune in ${PACKAGE} ${pkg.version}`);
  if (!departementCodes.has(commune.departement)) fail(`commune ${code}: unknown département ${commune.departement}`);
  territories.push({ id: `commune:${code}`, kind: 'commune', code, name: commune.nom, parent: `departement:${commune.departement}` });
}

const output = {
  referential: { name: `${PACKAGE} (INSEE Code officiel géographique, EPCI DGCL)`, edition: pkg.version },
  territories,
};
writeFileSync(path.join(srcDir, OUTPUT), JSON.stringify(output, null, 2) + '\n');
process.stdout.write(
  `referential: ${PACKAGE} ${pkg.version}: 1 pays, ${keptRegions.length} régions, ${keptDepartements.length} départements, ` +
    `${wanted.epci.length} EPCI, ${wanted.commune.length} communes → src/${OUTPUT}\n`,
);
