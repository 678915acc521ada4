import * as z from 'zod/mini';
import { CnrDataError } from '../errors.js';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, DatasetMeta, type CollectionName, type Dataset } from '../schemas/dataset.js';
import { issuesToProblems, readableId } from './problems.js';
import { checkReferences } from './references.js';
import type { ValidationProblem, ValidationReport } from './report.js';

/** How many problems one document may report before the rest are summed up in one line. */
const MAX_PROBLEMS = 10_000;

export interface ParseResult {
  /** Every valid record, ready to index. */
  dataset: Dataset;
  report: ValidationReport;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects problems, up to a bound, so a hostile file cannot exhaust memory through its report. */
class ProblemList {
  readonly problems: ValidationProblem[] = [];
  private dropped = 0;

  add(problem: ValidationProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
    else this.dropped += 1;
  }

  finish(): ValidationProblem[] {
    if (this.dropped > 0) {
      this.problems.push({
        path: [],
        severity: 'error',
        message: {
          fr: `${this.dropped} autres problèmes ne sont pas détaillés.`,
          en: `${this.dropped} more problems are not listed.`,
        },
      });
    }
    return this.problems;
  }
}

/**
 * Validates a dataset document record by record.
 *
 * Every valid record is kept; every invalid one is left out and reported
 * (collection, index, id, field path, why, in French and English). References
 * between records are checked too. Only a document whose top-level shape is
 * unusable — not an object, or a collection that is not a list — throws a
 * {@link CnrDataError}.
 */
export function parseDataset(input: unknown): ParseResult {
  if (!isPlainObject(input)) {
    throw new CnrDataError({
      message: 'Le document n’est pas un objet JSON de jeu de données. / The document is not a dataset JSON object.',
    });
  }
  const problems = new ProblemList();

  const lists: Partial<Record<CollectionName, unknown[]>> = {};
  for (const name of COLLECTION_NAMES) {
    const value = Object.hasOwn(input, name) ? input[name] : undefined;
    if (value !== undefined && !Array.isArray(value)) {
      throw new CnrDataError({
        message: `La collection « ${name} » n’est pas une liste. / Collection "${name}" is not an array.`,
        problems: [
          {
            collection: name,
            path: [name],
            severity: 'error',
            message: { fr: 'Une liste est attendue.', en: 'An array is expected.' },
          },
        ],
      });
    }
    lists[name] = value;
  }

  const meta = z.safeParse(DatasetMeta, input);
  let metaData: DatasetMeta;
  if (meta.success) {
    metaData = meta.data;
  } else {
    for (const problem of issuesToProblems(meta.error.issues, input, {}, 'warning')) problems.add(problem);
    metaData = { version: 'inconnue', generatedAt: new Date(0).toISOString() };
  }

  const dataset = { ...metaData } as Dataset;
  const counts: ValidationReport['counts'] = {};
  const sourceIndexes: Partial<Record<CollectionName, number[]>> = {};
  for (const name of COLLECTION_NAMES) {
    const records = lists[name] ?? [];
    const valid: unknown[] = [];
    const keptIndexes: number[] = [];
    const seen = new Set<string>();
    let invalid = 0;
    const schema = COLLECTION_SCHEMAS[name];
    for (let index = 0; index < records.length; index++) {
      const record = records[index];
      const result = z.safeParse(schema, record);
      if (!result.success) {
        invalid += 1;
        for (const problem of issuesToProblems(result.error.issues, record, { collection: name, index, id: readableId(record) })) {
          problems.add(problem);
        }
        continue;
      }
      const parsedId = (result.data as { id: string }).id;
      if (seen.has(parsedId)) {
        invalid += 1;
        problems.add({
          collection: name,
          index,
          id: parsedId,
          path: ['id'],
          severity: 'error',
          message: {
            fr: `L’identifiant « ${parsedId} » est déjà utilisé dans « ${name} » ; ce doublon est écarté.`,
            en: `Id "${parsedId}" is already used in "${name}"; this duplicate is left out.`,
          },
        });
        continue;
      }
      seen.add(parsedId);
      valid.push(result.data);
      keptIndexes.push(index);
    }
    sourceIndexes[name] = keptIndexes;
    (dataset as Record<CollectionName, unknown[]>)[name] = valid;
    counts[name] = { valid: valid.length, invalid };
  }

  for (const problem of checkReferences(dataset, sourceIndexes)) problems.add(problem);
  return { dataset, report: { problems: problems.finish(), counts } };
}
