#!/usr/bin/env node
// Checks that every `source.excerpt` of the dataset appears, word for word, in
// the document it cites: the seed file named by that document's `file`, in
// ../shared/seeds/ next to the repository. Whitespace is collapsed on both
// sides (the seeds are text extracted from PDFs and web pages); nothing else
// is normalised — apostrophes, hyphens and accents must be the document's.
// Exits 1 and prints every failure; exits 0 with "seeds not found, skipped"
// when the seeds folder does not exist (a clone without the documents), but 1
// under CI (`CI=true`), where the check must run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, mergeDataset, packageDir } from './merge.mjs';

const repoRoot = path.resolve(packageDir, '../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');

if (!existsSync(seedsDir)) {
  if (/^(true|1)$/i.test(process.env.CI ?? '')) {
    process.stderr.write(`verify-sources: ${seedsDir}: seeds not found; under CI the excerpts must be checked\n`);
    process.exit(1);
  }
  process.stdout.write(`verify-sources: ${seedsDir}: seeds not found, skipped\n`);
  process.exit(0);
}

const collapse = (text) => text.replace(/\s+/g, ' ').trim();
const dataset = mergeDataset();
const documents = new Map(dataset.documents.map((d) => [d.id, d]));
const seedTexts = new Map();
const failures = [];
let checked = 0;

function seedText(documentId) {
  if (!seedTexts.has(documentId)) {
    const document = documents.get(documentId);
    let text = null;
    if (document?.file) {
      const file = path.join(seedsDir, document.file);
      if (existsSync(file)) text = collapse(readFileSync(file, 'utf8'));
    }
    seedTexts.set(documentId, text);
  }
  return seedTexts.get(documentId);
}

/**
 * Every source reference of a record with its path: `source`, and the nested
 * ones (`composition.source`, `populationSource`, `counts[0].source`…), i.e.
 * any object with a `document` and an `excerpt`.
 */
function sourcesOf(value, path = '', out = []) {
  if (Array.isArray(value)) value.forEach((item, i) => sourcesOf(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    if (typeof value.document === 'string' && 'excerpt' in value) out.push([path, value]);
    else for (const [key, item] of Object.entries(value)) sourcesOf(item, path ? `${path}.${key}` : key, out);
  }
  return out;
}

for (const collection of COLLECTIONS) {
  for (const record of dataset[collection]) for (const [path, source] of sourcesOf(record)) {
    checked += 1;
    const where = `${collection}/${record.id}${path === 'source' ? '' : ` (${path})`}`;
    if (!documents.has(source.document)) {
      failures.push(`${where}: unknown document "${source.document}"`);
      continue;
    }
    const text = seedText(source.document);
    if (text === null) {
      failures.push(`${where}: no seed file for document "${source.document}" (file: ${documents.get(source.document).file ?? 'none'})`);
      continue;
    }
    const excerpt = collapse(source.excerpt ?? '');
    if (excerpt === '') failures.push(`${where}: empty excerpt`);
    else if (!text.includes(excerpt)) failures.push(`${where}: excerpt not found in ${source.document}: «${excerpt}»`);
  }
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`✗ ${failure}`);
  console.error(`verify-sources: ${failures.length} of ${checked} excerpts not found in their documents`);
  process.exit(1);
}
process.stdout.write(`verify-sources: all ${checked} excerpts found in their documents (${seedsDir})\n`);
