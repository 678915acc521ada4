// One table row per rule of the data model: every reference field that
// checkReferences resolves, and every numeric bound of the schemas. Each row
// breaks one field of an otherwise valid document and expects exactly one
// problem, on that record and that field. The tables are written out here, not
// read from the code under test; a last test walks the zod schemas so that a
// new reference or numeric field without a row fails.
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionName } from '../schemas/dataset.js';
import { Identifier } from '../schemas/primitives.js';
import { parseDataset } from './parse.js';
import type { ValidationProblem } from './report.js';

const source = { document: 'doc-1', excerpt: 'Un passage du document.', page: 3 };

/** One valid record of every collection, every reference resolved (a project's axes name an axis and a sub-group). */
function validDocument(): Record<string, unknown> & Record<CollectionName, Record<string, unknown>[]> {
  // Through JSON: the records must not share their `source` object.
  return JSON.parse(JSON.stringify({
    version: '1.0.0',
    generatedAt: '2026-11-23T10:00:00Z',
    documents: [{ id: 'doc-1', title: 'Dossier de presse', publisher: 'ARS Grand Est' }],
    territories: [
      { id: 'pays:FR', kind: 'pays', code: 'FR', name: 'France', population: 68_000_000, source },
      { id: 'region:44', kind: 'region', code: '44', name: 'Grand Est', parent: 'pays:FR' },
      {
        id: 'tds:88',
        kind: 'tds',
        code: '88',
        name: 'TDS des Vosges',
        parent: 'region:44',
        covers: ['region:44'],
        population: 360_000,
        populationSource: source,
        source,
      },
    ],
    axes: [
      {
        id: 'sante-1',
        thematique: 'sante',
        number: 1,
        label: 'Accès à un médecin traitant',
        subgroups: [{ id: 'sante-1-a', label: 'Premier recours' }],
        source,
      },
    ],
    solutions: [{ id: 's-1', axis: 'sante-1', subgroup: 'sante-1-a', title: 'Une solution', territory: 'region:44', source }],
    projects: [
      {
        id: 'p-1',
        thematique: 'sante',
        title: 'Téléconsultation assistée',
        porteurs: ['CH de Remiremont'],
        axes: ['sante-1', 'sante-1-a'],
        solution: 's-1',
        territories: ['tds:88'],
        source,
      },
    ],
    fundings: [
      { id: 'f-env', kind: 'envelope', thematique: 'sante', label: 'FIR', funder: 'ARS', amount: 1_000_000, year: 2024, source },
      {
        id: 'f-1',
        kind: 'allocation',
        thematique: 'sante',
        label: 'Allocation',
        funder: 'ARS',
        amount: 50_000,
        year: 2024,
        durationYears: 5,
        territory: 'region:44',
        projects: ['p-1'],
        envelope: 'f-env',
        source,
      },
    ],
    figures: [
      {
        id: 'fig-1',
        thematique: 'sante',
        territory: 'region:44',
        phase: 'acte-1',
        meetings: [{ kind: 'atelier', count: 4 }],
        reunions: 4,
        participants: 120,
        contributions: 30,
        propositions: 12,
        constats: 5,
        projets: 3,
        projetsRealises: 1,
        projetsEnCours: 2,
        counts: [{ label: 'écoles', count: 19_000 }],
        targets: [{ label: 'médicobus', count: 100 }],
        proportions: [{ label: 'projets inter-écoles', percent: 30 }],
        source,
      },
    ],
    milestones: [{ id: 'm-1', date: '2023-02', title: 'Lancement', territory: 'region:44', source }],
    instances: [
      {
        id: 'i-1',
        kind: 'cts',
        name: 'CTS des Vosges',
        territory: 'tds:88',
        composition: { members: 50, mandateYears: 5, colleges: 6, source },
        counts: [{ label: 'membres', count: 50, source }],
        source,
      },
    ],
  })) as ReturnType<typeof validDocument>;
}

/** The record of `collection` whose field the table rows break: the last one (`f-1` among the fundings). */
function target(doc: ReturnType<typeof validDocument>, collection: CollectionName): Record<string, unknown> {
  const records = doc[collection];
  return records[records.length - 1]!;
}

/** Sets `value` at `path` (`[]` steps into the first item of a list). */
function setAt(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node: unknown = record;
  for (const key of path.slice(0, -1)) node = key === '[]' ? (node as unknown[])[0] : (node as Record<string, unknown>)[key];
  const last = path[path.length - 1]!;
  if (last === '[]') (node as unknown[])[0] = value;
  else (node as Record<string, unknown>)[last] = value;
}

/** The problem path of `path` (`[]` → index 0). */
const problemPath = (path: readonly string[]): (string | number)[] => path.map((key) => (key === '[]' ? 0 : key));

const brief = (problems: readonly ValidationProblem[]) =>
  problems.map((p) => ({ collection: p.collection, id: p.id, path: p.path, severity: p.severity, en: p.message.en }));

it('the document the tables break is valid, every reference resolved', () => {
  const { dataset, report } = parseDataset(validDocument());
  expect(brief(report.problems)).toEqual([]);
  for (const name of COLLECTION_NAMES) expect(dataset[name].length, name).toBe(validDocument()[name].length);
});

// ---------------------------------------------------------------- references

/** collection, field path, the kind of record it must name (as the message says it). */
type ReferenceRow = [collection: CollectionName, path: readonly string[], names: string];

const SOURCED: CollectionName[] = ['territories', 'axes', 'solutions', 'projects', 'fundings', 'figures', 'milestones', 'instances'];

const REFERENCES: ReferenceRow[] = [
  ...SOURCED.map((c): ReferenceRow => [c, ['source', 'document'], 'document']),
  ['territories', ['parent'], 'territory'],
  ['territories', ['covers', '[]'], 'territory'],
  ['solutions', ['axis'], 'axis'],
  ['solutions', ['subgroup'], 'axis sub-group'],
  ['solutions', ['territory'], 'territory'],
  ['projects', ['axes', '[]'], 'axis'],
  ['projects', ['solution'], 'solution'],
  ['projects', ['territories', '[]'], 'territory'],
  ['fundings', ['territory'], 'territory'],
  ['fundings', ['projects', '[]'], 'project'],
  ['fundings', ['envelope'], 'funding'],
  ['figures', ['territory'], 'territory'],
  ['milestones', ['territory'], 'territory'],
  ['instances', ['territory'], 'territory'],
  // A territory the layout suggests, on any record that says how strongly its source supports it.
  ...(['documents', 'territories', 'projects', 'fundings', 'figures', 'milestones', 'instances'] as const).map(
    (c): ReferenceRow => [c, ['derivation', 'candidateTerritory'], 'territory'],
  ),
  // Passages cited inside a record.
  ['territories', ['populationSource', 'document'], 'document'],
  ['instances', ['composition', 'source', 'document'], 'document'],
  ['instances', ['counts', '[]', 'source', 'document'], 'document'],
];

describe('every reference field is resolved (validation/references.ts)', () => {
  it.each(REFERENCES.map(([c, path, names]) => [`${c}.${path.join('.')}`, c, path, names] as const))(
    '%s: a dangling id is reported on that record and field; the record is kept',
    (_name, collection, path, names) => {
      const doc = validDocument();
      const record = target(doc, collection);
      // A candidate territory belongs to an unattributed value's derivation.
      if (path[0] === 'derivation') record['derivation'] = { kind: 'unattributed', position: 'en marge de la carte' };
      setAt(record, path, 'absent:404');
      const { dataset, report } = parseDataset(doc);
      expect(brief(report.problems)).toEqual([
        {
          collection,
          id: record['id'],
          path: problemPath(path),
          severity: 'error',
          en: `Unknown reference: no ${names} has id "absent:404".`,
        },
      ]);
      expect(dataset[collection].map((r) => r.id)).toContain(record['id']);
    },
  );
});

// ---------------------------------------------------------------- numeric bounds

/** collection, field path, smallest and largest valid value (undefined: none), whole numbers only. */
type BoundRow = [collection: CollectionName, path: readonly string[], min: number, max: number | undefined, integer: boolean];

const COUNTS = ['reunions', 'participants', 'contributions', 'propositions', 'constats', 'projets', 'projetsRealises', 'projetsEnCours'];

const BOUNDS: BoundRow[] = [
  ...SOURCED.map((c): BoundRow => [c, ['source', 'page'], 1, undefined, true]),
  ['territories', ['population'], 0, undefined, true],
  ['axes', ['number'], 1, 99, true],
  ['fundings', ['amount'], 0, 1e13, false],
  ['fundings', ['year'], 1900, 2200, true],
  ...COUNTS.map((field): BoundRow => ['figures', [field], 0, undefined, true]),
  ['figures', ['meetings', '[]', 'count'], 0, undefined, true],
  ['figures', ['counts', '[]', 'count'], 0, undefined, true],
  ['figures', ['targets', '[]', 'count'], 0, undefined, true],
  ['figures', ['proportions', '[]', 'percent'], 0, 100, false],
  ['fundings', ['durationYears'], 1, 100, true],
  ['territories', ['populationSource', 'page'], 1, undefined, true],
  ['instances', ['composition', 'members'], 0, undefined, true],
  ['instances', ['composition', 'mandateYears'], 1, 100, true],
  ['instances', ['composition', 'colleges'], 0, undefined, true],
  ['instances', ['composition', 'source', 'page'], 1, undefined, true],
  ['instances', ['counts', '[]', 'count'], 0, undefined, true],
  ['instances', ['counts', '[]', 'source', 'page'], 1, undefined, true],
];

/** [case name, value, refused?, message (English) when refused by a bound]. */
function cases(min: number, max: number | undefined, integer: boolean): [string, number, boolean, string?][] {
  const step = integer ? 1 : 0.01;
  const list: [string, number, boolean, string?][] = [
    [`${min} (the minimum)`, min, false],
    [`${min - step} (below)`, min - step, true, `The value must be at least ${min}.`],
    ['-Infinity', -Infinity, true],
    ['NaN', Number.NaN, true],
  ];
  if (max !== undefined) list.push([`${max} (the maximum)`, max, false], [`${max + step} (above)`, max + step, true, `The value must be at most ${max}.`]);
  else list.push(['Infinity', Infinity, true]);
  if (integer) list.push([`${min + 0.5} (not whole)`, min + 0.5, true]);
  else list.push([`${min + 0.5} (a fraction)`, min + 0.5, false]);
  return list;
}

describe('every numeric bound of the schemas', () => {
  const rows = BOUNDS.flatMap(([collection, path, min, max, integer]) =>
    cases(min, max, integer).map(([name, value, refused, message]) => [`${collection}.${path.join('.')} = ${name}`, collection, path, value, refused, message] as const),
  );
  it.each(rows)('%s', (_name, collection, path, value, refused, message) => {
    const doc = validDocument();
    const record = target(doc, collection);
    setAt(record, path, value);
    const { dataset, report } = parseDataset(doc);
    const kept = dataset[collection].some((r) => r.id === record['id']);
    if (!refused) {
      expect(brief(report.problems)).toEqual([]);
      expect(kept).toBe(true);
      return;
    }
    // The record is left out; the rest of the document stays.
    expect(kept).toBe(false);
    const problems = report.problems.filter((p) => p.collection === collection && p.id === record['id']);
    expect(problems.map((p) => p.path)).toEqual([problemPath(path)]);
    if (message !== undefined) expect(problems[0]!.message.en).toBe(message);
    // Only that record's problem, and the references to it when another record names it.
    expect(report.problems.filter((p) => !problems.includes(p)).every((p) => p.message.en.startsWith('Unknown reference'))).toBe(true);
  });

  it('a project names at least one territory', () => {
    const doc = validDocument();
    setAt(target(doc, 'projects'), ['territories'], []);
    const { dataset, report } = parseDataset(doc);
    expect(dataset.projects).toEqual([]);
    expect(brief(report.problems).filter((p) => p.collection === 'projects').map((p) => p.path)).toEqual([['territories']]);
  });
});

// ---------------------------------------------------------------- every field has a row

type Walked = { path: string; schema: z.core.$ZodType };

/** Every leaf field of a record schema, with its path (`[]` for a list's items). */
function leaves(schema: z.core.$ZodType, path: string[] = []): Walked[] {
  const def = schema._zod.def as unknown as {
    type: string;
    innerType?: z.core.$ZodType;
    element?: z.core.$ZodType;
    shape?: Record<string, z.core.$ZodType>;
    options?: z.core.$ZodType[];
  };
  // A union (a funding is an amount or a support): every option's fields, each path once.
  if (def.type === 'union' && def.options) {
    const seen = new Set<string>();
    return def.options.flatMap((option) => leaves(option, path)).filter((leaf) => !seen.has(leaf.path) && (seen.add(leaf.path), true));
  }
  if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) return leaves(def.innerType, path);
  if (def.type === 'array' && def.element) return leaves(def.element, [...path, '[]']);
  if (def.type === 'object' && def.shape) return Object.entries(def.shape).flatMap(([key, value]) => leaves(value, [...path, key]));
  return [{ path: path.join('.'), schema }];
}

describe('the tables cover the data model', () => {
  const fields = COLLECTION_NAMES.flatMap((c) => leaves(COLLECTION_SCHEMAS[c]).map((leaf) => ({ ...leaf, key: `${c}.${leaf.path}` })));

  it('every identifier field (but ids) has a reference row', () => {
    const referencing = fields
      .filter((f) => f.schema === Identifier && !/(^|\.)id$/.test(f.path))
      .map((f) => f.key)
      .sort();
    expect(referencing).toEqual(REFERENCES.map(([c, path]) => `${c}.${path.join('.')}`).sort());
  });

  it('every numeric field has a bounds row', () => {
    const numeric = fields
      .filter((f) => (f.schema._zod.def as { type: string }).type === 'number')
      .map((f) => f.key)
      .sort();
    expect(numeric).toEqual(BOUNDS.map(([c, path]) => `${c}.${path.join('.')}`).sort());
  });
});
