import type { CollectionName, Dataset } from '../schemas/dataset.js';

export type Target = 'documents' | 'territories' | 'axes' | 'solutions' | 'projects' | 'fundings' | 'subgroups';

/**
 * The reference fields of each collection, in the order they are checked
 * (after `source.document`, which any record may have): the field, the
 * collection it points to, and `true` when it holds a list of ids.
 */
const FIELDS: Record<CollectionName, [field: string, target: Target, list?: true][]> = {
  documents: [],
  territories: [
    ['parent', 'territories'],
    ['covers', 'territories', true],
  ],
  axes: [],
  solutions: [
    ['axis', 'axes'],
    ['subgroup', 'subgroups'],
    ['territory', 'territories'],
  ],
  projects: [
    ['axes', 'axes', true],
    ['solution', 'solutions'],
    ['territories', 'territories', true],
  ],
  fundings: [
    ['territory', 'territories'],
    ['projects', 'projects', true],
    ['envelope', 'fundings'],
  ],
  figures: [['territory', 'territories']],
  milestones: [['territory', 'territories']],
  instances: [['territory', 'territories']],
};

/**
 * Passages cited inside a record, besides its own `source`: where each
 * `SourceRef` sits (`[]` steps into every item of a list). Their `document`
 * must resolve like a record's.
 */
const NESTED_SOURCES: Partial<Record<CollectionName, readonly (readonly string[])[]>> = {
  territories: [['populationSource']],
  instances: [
    ['composition', 'source'],
    ['counts', '[]', 'source'],
  ],
};

/** Every object at `path` in `record` (a list step yields each item), with its concrete path. */
function* objectsAt(value: unknown, path: readonly string[], at: (string | number)[] = []): Generator<[Record<string, unknown>, (string | number)[]]> {
  if (value === null || typeof value !== 'object') return;
  if (path.length === 0) {
    yield [value as Record<string, unknown>, at];
    return;
  }
  const [step, ...rest] = path;
  if (step === '[]') {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* objectsAt(value[i], rest, [...at, i]);
  } else {
    yield* objectsAt((value as Record<string, unknown>)[step!], rest, [...at, step!]);
  }
}

/** A record kept from a document, with its index in that document. */
export interface KeptRecord {
  record: Record<string, unknown>;
  index: number;
}

/** Every territory id the records reference (fields that point to `territories`), once each, in order. */
export function territoryReferences(records: Partial<Record<CollectionName, readonly KeptRecord[]>>): string[] {
  const found = new Set<string>();
  for (const [collection, fields] of Object.entries(FIELDS) as [CollectionName, (typeof FIELDS)['axes']][]) {
    for (const { record } of records[collection] ?? []) {
      for (const [field, target, list] of fields) {
        if (target !== 'territories') continue;
        const value = record[field];
        if (!list && typeof value === 'string') found.add(value);
        else if (list && Array.isArray(value)) for (const item of value) if (typeof item === 'string') found.add(item);
      }
    }
  }
  return [...found];
}

/** A reference that resolves to nothing: where it is, and what it names. */
export interface Dangling {
  collection: CollectionName;
  index: number;
  id: string;
  path: (string | number)[];
  target: Target;
  value: string;
}

/**
 * The unresolved references of `records` (per collection, with their index in
 * their document), resolved against the ids of `dataset`. A project's `axes`
 * may name an axis or one of its sub-groups. Why each one is a problem:
 * reference-problems.ts (loaded with the problems only).
 */
export function danglingReferences(records: Partial<Record<CollectionName, readonly KeptRecord[]>>, dataset: Dataset): Dangling[] {
  const ids = {
    subgroups: new Set(dataset.axes.flatMap((axis) => (axis.subgroups ?? []).map((s) => s.id))),
  } as Record<Target, Set<string>>;
  for (const target of ['documents', 'territories', 'axes', 'solutions', 'projects', 'fundings'] as const) {
    ids[target] = new Set(dataset[target].map((r) => r.id));
  }
  const dangling: Dangling[] = [];
  for (const [collection, fields] of Object.entries(FIELDS) as [CollectionName, (typeof FIELDS)['axes']][]) {
    const kept = records[collection] ?? [];
    /** Records `value` unless it resolves; its path is `key` and `item` (or `path`), built only when it does not. */
    const check = (entry: KeptRecord, value: string, target: Target, key: string, item?: string | number, path?: (string | number)[]): void => {
      if (ids[target].has(value) || (target === 'axes' && collection === 'projects' && ids.subgroups.has(value))) return;
      dangling.push({ collection, index: entry.index, id: entry.record['id'] as string, path: path ?? (item === undefined ? [key] : [key, item]), target, value });
    };
    for (const entry of kept) {
      const record = entry.record;
      const document = (record['source'] as { document?: string } | undefined)?.document;
      if (document !== undefined) check(entry, document, 'documents', 'source', 'document');
      // A territory the layout suggests for a value (`derivation.candidateTerritory`) must exist too.
      const candidate = (record['derivation'] as { candidateTerritory?: unknown } | undefined)?.candidateTerritory;
      if (typeof candidate === 'string') check(entry, candidate, 'territories', 'derivation', 'candidateTerritory');
      for (const nested of NESTED_SOURCES[collection] ?? []) {
        for (const [ref, at] of objectsAt(record, nested)) {
          if (typeof ref['document'] === 'string') check(entry, ref['document'], 'documents', '', undefined, [...at, 'document']);
        }
      }
      for (const [field, target, list] of fields) {
        const value = record[field];
        if (!list) {
          if (typeof value === 'string') check(entry, value, target, field);
        } else if (Array.isArray(value)) {
          value.forEach((item, i) => check(entry, String(item), target, field, i));
        }
      }
    }
  }
  return dangling;
}
