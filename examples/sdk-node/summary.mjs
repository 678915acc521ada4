#!/usr/bin/env node
// Regional summary of the CNR santé with the SDK, in Node: one line per région
// (projects, funding, participants) from the embedded reference dataset, and
// every project written to a CSV file.
//
//   pnpm build                                      # the SDK is used as published: packages/sdk/dist
//   node examples/sdk-node/summary.mjs [out.csv]    # default: summary.csv in a new temporary folder
//
// See README.md next to this file.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@cnr-widgets/sdk';
import { projectsToCsv } from '@cnr-widgets/sdk/csv';

/** Where to write the CSV: the argument (a file, or a folder to put summary.csv in), else a temporary folder. */
function outputPath(argument) {
  if (!argument) return path.join(mkdtempSync(path.join(os.tmpdir(), 'cnr-summary-')), 'summary.csv');
  const resolved = path.resolve(argument);
  const isFolder = argument.endsWith('/') || argument.endsWith(path.sep) || (statSync(resolved, { throwIfNoEntry: false })?.isDirectory() ?? false);
  return isFolder ? path.join(resolved, 'summary.csv') : resolved;
}

const count = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** Every project matching `filters`, page by page. */
async function allProjects(client, filters = {}) {
  const items = [];
  let cursor;
  do {
    const { data } = await client.projects(filters, { limit: 1000, sort: 'title', cursor });
    items.push(...data.items);
    cursor = data.nextCursor;
  } while (cursor);
  return items;
}

const client = createClient(); // no option: the embedded reference dataset
const { data: territories } = await client.territories();
const regions = territories.filter((t) => t.kind === 'region').sort((a, b) => a.name.localeCompare(b.name, 'fr'));

const rows = [];
for (const region of regions) {
  const filters = { territory: region.id };
  const [projects, funding, figures] = await Promise.all([
    client.projects(filters, { limit: 1 }),
    client.fundingTotal(filters),
    client.figures({ territory: region.id }),
  ]);
  const approximate = figures.data.approximate?.includes('participants') ?? false;
  rows.push({
    code: region.code,
    name: region.name,
    projects: projects.data.total,
    // No funding record at all is « not known », not zero.
    funding: funding.data.fundings.length > 0 ? funding.data.total : undefined,
    participants: figures.data.participants,
    approximate,
  });
}

// ---- the table
const columns = [
  { title: 'Code', align: 'left', cell: (r) => r.code },
  { title: 'Région', align: 'left', cell: (r) => r.name },
  { title: 'Projets', align: 'right', cell: (r) => count.format(r.projects) },
  { title: 'Financements', align: 'right', cell: (r) => (r.funding === undefined ? '—' : euros.format(r.funding)) },
  {
    title: 'Participants',
    align: 'right',
    cell: (r) => (r.participants === undefined ? '—' : `${count.format(r.participants)}${r.approximate ? '*' : ''}`),
  },
];
const widths = columns.map((c) => Math.max(c.title.length, ...rows.map((r) => c.cell(r).length)));
const line = (cells) => cells.map((text, i) => (columns[i].align === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i]))).join('  ');

console.log('CNR santé — synthèse par région (jeu de données de référence)\n');
console.log(line(columns.map((c) => c.title)));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const row of rows) console.log(line(columns.map((c) => c.cell(row))));
console.log('\n— : les documents sources ne donnent pas ce chiffre pour la région.');
if (rows.some((r) => r.approximate)) console.log('* : chiffre approché dans les documents (« plus de », « environ »).');

// ---- the CSV: every project (semicolons and a byte order mark, for French spreadsheets)
const projects = await allProjects(client);
const file = outputPath(process.argv[2]);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, projectsToCsv(projects, { separator: ';' }));
console.log(`\n${count.format(projects.length)} projets écrits dans ${file}`);
