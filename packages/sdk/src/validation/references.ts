import type { CollectionName, Dataset } from '../schemas/dataset.js';
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
const FIELDS: Record<Exclude<CollectionName, 'documents'>, [field: string, target: Target, list?: true][]> = {
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
 * Checks that every reference between records resolves. A project's `axes`
 * may name an axis or one of its sub-groups. A dangling reference is reported
 * as an error; the record is kept (its own data is valid).
 */
export function checkReferences(
  dataset: Dataset,
  /** Per collection, the index in the source document of each kept record (records left out shift the rest). */
  sourceIndexes?: Partial<Record<CollectionName, readonly number[]>>,
): ValidationProblem[] {
  const ids = {
    subgroups: new Set(dataset.axes.flatMap((axis) => (axis.subgroups ?? []).map((s) => s.id))),
  } as Record<Target, Set<string>>;
  for (const target of ['documents', 'territories', 'axes', 'solutions', 'projects', 'fundings'] as const) {
    ids[target] = new Set(dataset[target].map((r) => r.id));
  }
  const problems: ValidationProblem[] = [];
  for (const [collection, fields] of Object.entries(FIELDS) as [CollectionName, (typeof FIELDS)['axes']][]) {
    const records = dataset[collection] as unknown as Record<string, unknown>[];
    const kept = sourceIndexes?.[collection];
    /** Reports `value` unless it resolves; its path is `key` and `item`, built only for a problem. */
    const check = (index: number, value: string, target: Target, key: string, item?: string | number): void => {
      if (ids[target].has(value) || (target === 'axes' && collection === 'projects' && ids.subgroups.has(value))) return;
      const name = TARGET_NAMES[target];
      problems.push({
        collection,
        index: kept?.[index] ?? index,
        id: records[index]!['id'] as string,
        path: item === undefined ? [key] : [key, item],
        severity: 'error',
        message: {
          fr: `Référence inconnue : aucun ${name.fr} n’a l’identifiant « ${value} ».`,
          en: `Unknown reference: no ${name.en} has id "${value}".`,
        },
      });
    };
    records.forEach((record, index) => {
      const document = (record['source'] as { document?: string } | undefined)?.document;
      if (document !== undefined) check(index, document, 'documents', 'source', 'document');
      for (const [field, target, list] of fields) {
        const value = record[field];
        if (!list) {
          if (typeof value === 'string') check(index, value, target, field);
        } else if (Array.isArray(value)) {
          value.forEach((item, i) => check(index, String(item), target, field, i));
        }
      }
    });
  }
  return problems;
}
