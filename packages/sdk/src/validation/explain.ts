/**
 * zod's side of the validation: what the compiled checks doubted, checked by
 * the zod schemas themselves, with the issues turned into problems (which
 * record, which field, why, in French and English: messages.ts). Imported by
 * `parseDataset`/`mergeDocuments` (parse.ts) and, in browsers, on demand only
 * when a document has a doubtful record (validate.ts, `mergeDocumentsLazily`):
 * a page reading a valid document never downloads zod.
 */
import * as z from 'zod/mini';
import { COLLECTION_SCHEMAS, DatasetMeta, type CollectionName } from '../schemas/dataset.js';
import { issuesToProblems, readableId } from './problems.js';
import type { ValidationProblem } from './report.js';
import type { Verdict } from './validate.js';

export function record(name: CollectionName, value: unknown, where: Pick<ValidationProblem, 'src' | 'collection' | 'index'>): Verdict<unknown> {
  const result = z.safeParse(COLLECTION_SCHEMAS[name], value);
  return result.success
    ? { data: result.data, problems: [] }
    : { data: undefined, problems: issuesToProblems(result.error.issues, value, { ...where, id: readableId(value) }) };
}

export function meta(input: unknown, at: Pick<ValidationProblem, 'src'>): Verdict<DatasetMeta> {
  const result = z.safeParse(DatasetMeta, input);
  return result.success ? { data: result.data, problems: [] } : { data: undefined, problems: issuesToProblems(result.error.issues, input, at, 'warning') };
}
