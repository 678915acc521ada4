#!/usr/bin/env node
// Writes cog/cog.json: the compact table `cnr-widgets complete` reads (Node
// only, never bundled for browsers) — for every commune code (communes
// actuelles and arrondissements municipaux first, then communes déléguées and
// associées whose code is not taken) its name and département, and for every
// EPCI (SIREN) its name and the département of most of its member communes.
// From @etalab/decoupage-administratif (INSEE COG; EPCI from the DGCL), a
// devDependency: SDK users install a ~1 MB table, not the 13 MB package.
//
//   node scripts/generate-cog-table.mjs           write cog/cog.json
//   node scripts/generate-cog-table.mjs --check   exit 1 when the file is not what the package gives
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@etalab/decoupage-administratif';
const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const output = path.resolve(here, '../cog/cog.json');
const pkg = require(`${PACKAGE}/package.json`);
const communes = require(`${PACKAGE}/data/communes.json`);
const epcis = require(`${PACKAGE}/data/epci.json`);

const table = { source: PACKAGE, edition: pkg.version, communes: {}, epci: {} };
const rank = { 'commune-actuelle': 0, 'arrondissement-municipal': 1, 'commune-deleguee': 2, 'commune-associee': 3 };
const sorted = [...communes].sort((a, b) => (rank[a.type] ?? 9) - (rank[b.type] ?? 9));
const departementOf = new Map();
for (const commune of sorted) {
  if (!commune.departement || Object.hasOwn(table.communes, commune.code)) continue;
  table.communes[commune.code] = [commune.nom, commune.departement];
  if (commune.type === 'commune-actuelle') departementOf.set(commune.code, commune.departement);
}
for (const epci of epcis) {
  const counts = new Map();
  for (const member of epci.membres) {
    const departement = departementOf.get(member.code);
    if (departement) counts.set(departement, (counts.get(departement) ?? 0) + 1);
  }
  const departement = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (departement) table.epci[epci.code] = [epci.nom, departement];
}
const sortKeys = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
table.communes = sortKeys(table.communes);
table.epci = sortKeys(table.epci);
const text = JSON.stringify(table) + '\n';

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(output, 'utf8');
  } catch {
    // no file yet
  }
  if (current !== text) {
    console.error('cog/cog.json is out of date: run pnpm --filter @cnr-widgets/sdk run cog');
    process.exit(1);
  }
  console.log('cog/cog.json is up to date.');
} else {
  writeFileSync(output, text);
  console.log(
    `Wrote cog/cog.json (${(text.length / 1024).toFixed(0)} kB): ${Object.keys(table.communes).length} communes, ${Object.keys(table.epci).length} EPCI, ${PACKAGE} ${pkg.version}.`,
  );
}
