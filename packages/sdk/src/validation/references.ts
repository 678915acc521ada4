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

/** A reference field: where it is in a record and which collection it points to. */
type Reference = [path: (string | number)[], target: Target, value: string];

function* referencesOf(collection: CollectionName, record: Record<string, unknown>): Generator<Reference> {
  const one = (field: string, target: Target) => {
    const value = record[field];
    return typeof value === 'string' ? [[[field], target, value] as Reference] : [];
  };
  const many = (field: string, target: Target) => {
    const value = record[field];
    return Array.isArray(value)
      ? value.map((item, i) => [[field, i], target, String(item)] as Reference)
      : [];
  };
  const source = record['source'] as { document?: string } | undefined;
  if (source?.document !== undefined) yield [['source', 'document'], 'documents', source.document];

  switch (collection) {
    case 'territories':
      yield* one('parent', 'territories');
      yield* many('covers', 'territories');
      break;
    case 'solutions':
      yield* one('axis', 'axes');
      yield* one('subgroup', 'subgroups');
      yield* one('territory', 'territories');
      break;
    case 'projects':
      yield* many('axes', 'axes');
      yield* one('solution', 'solutions');
      yield* many('territories', 'territories');
      break;
    case 'fundings':
      yield* one('territory', 'territories');
      yield* many('projects', 'projects');
      yield* one('envelope', 'fundings');
      break;
    case 'figures':
    case 'instances':
      yield* one('territory', 'territories');
      break;
    case 'milestones':
      yield* one('territory', 'territories');
      break;
    default:
      break;
  }
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
  const ids: Record<Target, Set<string>> = {
    documents: new Set(dataset.documents.map((r) => r.id)),
    territories: new Set(dataset.territories.map((r) => r.id)),
    axes: new Set(dataset.axes.map((r) => r.id)),
    solutions: new Set(dataset.solutions.map((r) => r.id)),
    projects: new Set(dataset.projects.map((r) => r.id)),
    fundings: new Set(dataset.fundings.map((r) => r.id)),
    subgroups: new Set(dataset.axes.flatMap((axis) => (axis.subgroups ?? []).map((s) => s.id))),
  };
  const problems: ValidationProblem[] = [];
  const collections: CollectionName[] = [
    'territories',
    'axes',
    'solutions',
    'projects',
    'fundings',
    'figures',
    'milestones',
    'instances',
  ];
  for (const collection of collections) {
    const records = dataset[collection] as unknown as Record<string, unknown>[];
    records.forEach((record, index) => {
      for (const [path, target, value] of referencesOf(collection, record)) {
        const known = ids[target].has(value) || (collection === 'projects' && target === 'axes' && ids.subgroups.has(value));
        if (known) continue;
        const name = TARGET_NAMES[target];
        problems.push({
          collection,
          index: sourceIndexes?.[collection]?.[index] ?? index,
          id: record['id'] as string,
          path,
          severity: 'error',
          message: {
            fr: `Référence inconnue : aucun ${name.fr} n’a l’identifiant « ${value} ».`,
            en: `Unknown reference: no ${name.en} has id "${value}".`,
          },
        });
      }
    });
  }
  return problems;
}
