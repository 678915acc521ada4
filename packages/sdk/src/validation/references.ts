import type { CollectionName, Dataset } from '../schemas/dataset.js';
import { departementOfCommune, parseTerritoryId } from '../territories/ids.js';
import type { ValidationProblem } from './report.js';

type Target = 'documents' | 'territories' | 'axes' | 'solutions' | 'projects' | 'fundings' | 'subgroups';

const TARGET_NAMES: Record<Target, { fr: string; en: string }> = {
  documents: { fr: 'document', en: 'document' },
  territories: { fr: 'territoire', en: 'territory' },
  axes: { fr: 'axe', en: 'axis' },
  solutions: { fr: 'solution', en: 'solution' },
  projects: { fr: 'projet', en: 'project' },
  fundings: { fr: 'financement', en: 'funding' },
  subgroups: { fr: 'sous-groupe d’axe', en: 'axis sub-group' },
};

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

/** Why a territory id resolves to nothing, when its kind says more than "unknown". */
function unknownTerritory(value: string): { fr: string; en: string } | undefined {
  const parsed = parseTerritoryId(value);
  if (parsed?.kind === 'commune') {
    const departement = departementOfCommune(parsed.code);
    return departement === undefined
      ? {
          fr: `Référence inconnue : « ${value} » n’est pas un code commune INSEE (5 caractères, par exemple commune:05061).`,
          en: `Unknown reference: "${value}" is not an INSEE commune code (5 characters, e.g. commune:05061).`,
        }
      : {
          fr: `Référence inconnue : la commune « ${value} » serait dans le département ${departement}, qui n’existe pas ; vérifiez le code INSEE.`,
          en: `Unknown reference: commune "${value}" would be in département ${departement}, which does not exist; check the INSEE code.`,
        };
  }
  if (parsed?.kind === 'epci') {
    return {
      fr: `Référence inconnue : aucun territoire n’a l’identifiant « ${value} ». Un EPCI a besoin de sa fiche dans « territories » (son SIREN ne dit pas où il est) : « cnr-widgets complete » l’écrit.`,
      en: `Unknown reference: no territory has id "${value}". An EPCI needs its record in "territories" (its SIREN does not say where it is): "cnr-widgets complete" writes it.`,
    };
  }
  return undefined;
}

/**
 * The unresolved references of `records` (per collection, with their index in
 * their document), resolved against the ids of `dataset`. A project's `axes`
 * may name an axis or one of its sub-groups.
 */
export function referenceProblems(
  records: Partial<Record<CollectionName, readonly KeptRecord[]>>,
  dataset: Dataset,
): ValidationProblem[] {
  const ids = {
    subgroups: new Set(dataset.axes.flatMap((axis) => (axis.subgroups ?? []).map((s) => s.id))),
  } as Record<Target, Set<string>>;
  for (const target of ['documents', 'territories', 'axes', 'solutions', 'projects', 'fundings'] as const) {
    ids[target] = new Set(dataset[target].map((r) => r.id));
  }
  const problems: ValidationProblem[] = [];
  for (const [collection, fields] of Object.entries(FIELDS) as [CollectionName, (typeof FIELDS)['axes']][]) {
    const kept = records[collection] ?? [];
    /** Reports `value` unless it resolves; its path is `key` and `item` (or `path`), built only for a problem. */
    const check = (entry: KeptRecord, value: string, target: Target, key: string, item?: string | number, path?: (string | number)[]): void => {
      if (ids[target].has(value) || (target === 'axes' && collection === 'projects' && ids.subgroups.has(value))) return;
      const name = TARGET_NAMES[target];
      problems.push({
        collection,
        index: entry.index,
        id: entry.record['id'] as string,
        path: path ?? (item === undefined ? [key] : [key, item]),
        severity: 'error',
        message: (target === 'territories' ? unknownTerritory(value) : undefined) ?? {
          fr: `Référence inconnue : aucun ${name.fr} n’a l’identifiant « ${value} ».`,
          en: `Unknown reference: no ${name.en} has id "${value}".`,
        },
      });
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
  return problems;
}

/**
 * Checks that every reference between records resolves. A project's `axes`
 * may name an axis or one of its sub-groups. A dangling reference is reported
 * as an error; the record is kept (its own data is valid).
 */
export function checkReferences(
  dataset: Dataset,
  /** Per collection, the index in the source document of each kept record (records left out shift the rest). */
  sourceIndexes?: Partial<Record<CollectionName, readonly number[]>>,
): ValidationProblem[] {
  const records: Partial<Record<CollectionName, KeptRecord[]>> = {};
  for (const [collection] of Object.entries(FIELDS) as [CollectionName, unknown][]) {
    const kept = sourceIndexes?.[collection];
    records[collection] = (dataset[collection] as unknown as Record<string, unknown>[]).map((record, index) => ({
      record,
      index: kept?.[index] ?? index,
    }));
  }
  return referenceProblems(records, dataset);
}
