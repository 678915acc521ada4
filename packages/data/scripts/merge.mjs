// Merges the JSON sources of src/ into one dataset document (the format of
// @cnr-widgets/sdk's `Dataset`). Plain Node, no dependency: used by
// build.mjs, verify-sources.mjs and the tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const srcDir = path.join(packageDir, 'src');

/** The collections of a dataset document, in the order they are written. */
export const COLLECTIONS = [
  'documents',
  'territories',
  'axes',
  'solutions',
  'projects',
  'fundings',
  'figures',
  'milestones',
  'instances',
];

const readJson = (dir, file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

/**
 * The merged dataset: `meta.json`, the referential of
 * `territories.referential.json` (pays, régions, départements, and the
 * communes and EPCI the records name) followed by the hand-written
 * territories of `territories.json` (TDS), and one file per other collection.
 * Throws when two records of a collection share an id.
 */
export function mergeDataset(dir = srcDir) {
  const meta = readJson(dir, 'meta.json');
  const referential = readJson(dir, 'territories.referential.json');
  const dataset = { ...meta, referential: referential.referential };
  for (const name of COLLECTIONS) {
    dataset[name] =
      name === 'territories'
        ? [...referential.territories, ...readJson(dir, 'territories.json')]
        : readJson(dir, `${name}.json`);
    const seen = new Set();
    for (const record of dataset[name]) {
      if (seen.has(record.id)) throw new Error(`${name}: duplicate id ${record.id}`);
      seen.add(record.id);
    }
  }
  return dataset;
}

/** Territory kinds of the reference that a producer's file inherits (communes and EPCI are the producer's). */
export const REFERENTIAL_KINDS = ['pays', 'region', 'departement', 'tds'];

/**
 * The reference a producer's own file stands on: the territories of
 * {@link REFERENTIAL_KINDS}, the axes, the solutions, and the documents these
 * cite; every other collection empty.
 */
export function referentialOf(dataset) {
  const territories = dataset.territories.filter((t) => REFERENTIAL_KINDS.includes(t.kind));
  const axes = dataset.axes;
  const solutions = dataset.solutions;
  const cited = new Set([...territories, ...axes, ...solutions].map((r) => r.source?.document).filter(Boolean));
  const referential = {
    version: dataset.version,
    generatedAt: dataset.generatedAt,
    title: 'CNR Widgets : référentiel (territoires, axes, solutions)',
    publisher: dataset.publisher,
    license: dataset.license,
    referential: dataset.referential,
  };
  for (const name of COLLECTIONS) referential[name] = [];
  Object.assign(referential, { documents: dataset.documents.filter((d) => cited.has(d.id)), territories, axes, solutions });
  return referential;
}
