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

/** The fields of each collection that point to `territories`. */
const territoryFields = () =>
  (Object.entries(FIELDS) as [CollectionName, (typeof FIELDS)['axes']][]).map(
    ([collection, fields]) => [collection, fields.filter(([, target]) => target === 'territories')] as const,
  );

/** Calls `visit` with every territory id the records reference (fields that point to `territories`), in order, repeats included. */
export function forEachTerritoryReference(records: Partial<Record<CollectionName, readonly KeptRecord[]>>, visit: (id: string) => void): void {
  for (const [collection, fields] of territoryFields()) {
    const kept = records[collection];
    if (!kept || fields.length === 0) continue;
    for (const { record } of kept) {
      for (const [field, , list] of fields) {
        const value = record[field];
        if (!list) {
          if (typeof value === 'string') visit(value);
        } else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') visit(item);
      }
    }
  }
}

/** Every territory id the records reference (fields that point to `territories`), once each, in order. */
export function territoryReferences(records: Partial<Record<CollectionName, readonly KeptRecord[]>>): string[] {
  const found = new Set<string>();
  forEachTerritoryReference(records, (id) => found.add(id));
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

/** FIELDS as a list, in the order of FIELDS. */
const FIELD_LIST = Object.entries(FIELDS) as [CollectionName, (typeof FIELDS)['axes']][];

/** The ids a reference may name, per target, built on first use (most documents name no project or funding). */
function idSets(dataset: Dataset): (target: Target) => Set<string> {
  const sets = new Map<Target, Set<string>>();
  return (target) => {
    let set = sets.get(target);
    if (!set) {
      set = new Set<string>();
      if (target === 'subgroups') for (const axis of dataset.axes) for (const subgroup of axis.subgroups ?? []) set.add(subgroup.id);
      else for (const record of dataset[target]) set.add(record.id);
      sets.set(target, set);
    }
    return set;
  };
}

/**
 * The unresolved references of `records` (per collection, with their index in
 * their document), resolved against the ids of `dataset`. A project's `axes`
 * may name an axis or one of its sub-groups. Why each one is a problem:
 * reference-problems.ts (loaded with the problems only).
 */
export function danglingReferences(records: Partial<Record<CollectionName, readonly KeptRecord[]>>, dataset: Dataset): Dangling[] {
  const ids = idSets(dataset);
  const documents = ids('documents');
  const territories = ids('territories');
  const dangling: Dangling[] = [];
  for (const [collection, fields] of FIELD_LIST) {
    const kept = records[collection];
    if (!kept || kept.length === 0) continue;
    const nestedSources = NESTED_SOURCES[collection] ?? [];
    const add = (entry: KeptRecord, value: string, target: Target, path: (string | number)[]): void => {
      dangling.push({ collection, index: entry.index, id: entry.record['id'] as string, path, target, value });
    };
    // Per field, the ids it may name (a project's axis may also be a sub-group).
    const names = fields.map(([field]) => field);
    const targets = fields.map(([, target]) => target);
    const lists = fields.map(([, , list]) => list === true);
    const known = targets.map((target) => ids(target));
    const also = targets.map((target) => (target === 'axes' && collection === 'projects' ? ids('subgroups') : undefined));
    for (let r = 0; r < kept.length; r++) {
      const entry = kept[r]!;
      const record = entry.record;
      const document = (record['source'] as { document?: string } | undefined)?.document;
      if (document !== undefined && !documents.has(document)) add(entry, document, 'documents', ['source', 'document']);
      // A territory the layout suggests for a value (`derivation.candidateTerritory`) must exist too.
      const derivation = record['derivation'] as { candidateTerritory?: unknown } | undefined;
      const candidate = derivation?.candidateTerritory;
      if (typeof candidate === 'string' && !territories.has(candidate)) add(entry, candidate, 'territories', ['derivation', 'candidateTerritory']);
      for (let n = 0; n < nestedSources.length; n++) {
        for (const [ref, at] of objectsAt(record, nestedSources[n]!)) {
          const cited = ref['document'];
          if (typeof cited === 'string' && !documents.has(cited)) add(entry, cited, 'documents', [...at, 'document']);
        }
      }
      for (let f = 0; f < names.length; f++) {
        const value = record[names[f]!];
        if (value === undefined) continue;
        const set = known[f]!;
        const other = also[f];
        if (!lists[f]) {
          if (typeof value === 'string' && !set.has(value) && !other?.has(value)) add(entry, value, targets[f]!, [names[f]!]);
        } else if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const item = String(value[i]);
            if (!set.has(item) && !other?.has(item)) add(entry, item, targets[f]!, [names[f]!, i]);
          }
        }
      }
    }
  }
  return dangling;
}
