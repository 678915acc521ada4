/**
 * The validation of dataset documents, synchronous (Node, the CLI, an
 * application's bundle): the compiled checks first, zod for the records they
 * doubt (explain.ts), the texts of the other problems (problem-texts.ts).
 * Browsers use validate.ts's lazy variants, which load zod only when a record
 * is doubtful, and the texts only when there is a problem.
 */
import type { Dataset } from '../schemas/dataset.js';
import * as zod from './explain.js';
import * as texts from './problem-texts.js';
import { mergeWith, type DocumentPart, type MergeResult, type ParseOptions, type ParseResult } from './validate.js';

export type { DocumentPart, MergeResult, ParseOptions, ParseResult } from './validate.js';

/**
 * Validates one or several producers' documents record by record, over an
 * optional base (the reference), and merges them into one dataset.
 *
 * - Every valid record is kept; every invalid one is left out and reported
 *   (`src`, collection, index, id, field path, why, in French and English).
 * - Base records come first and win: a document record with the id of a base
 *   record is ignored (not counted, not reported), whatever it says.
 * - An id found in two documents is an error on the second one, which is left out.
 * - With several documents, projects, fundings, figures and milestones
 *   without a `publisher` take their document's `publisher` (one document:
 *   the dataset's own `publisher` says it).
 * - A `commune:<INSEE>` id that no record describes is placed in its
 *   département (and so its région) from the code itself: a territory
 *   `{ kind: 'commune', code, name: 'commune <code>', parent: 'departement:<dd>' }`
 *   is added when that département is known; a commune record without a
 *   `parent` gets the same. An EPCI (`epci:<SIREN>`) needs its record.
 * - References are checked against the merged records.
 *
 * The metadata (version, generatedAt, publisher…) is the first document's
 * (the base's `referential` edition when the document gives none). Only a
 * document whose top-level shape is unusable throws a {@link CnrDataError}
 * (`not-a-dataset`) — with `skipUnusable`, such a document is left out and
 * listed in `unusable` instead.
 */
export function mergeDocuments(parts: readonly DocumentPart[], base?: Dataset, options: { skipUnusable?: boolean } = {}): MergeResult {
  return mergeWith(parts, base, options, { zod, texts });
}

/**
 * Validates a dataset document record by record.
 *
 * Every valid record is kept; every invalid one is left out and reported
 * (collection, index, id, field path, why, in French and English). References
 * between records are checked too. With `options.base` (the reference), the
 * document stands on it: see {@link mergeDocuments}. Only a document whose
 * top-level shape is unusable — not an object, or a collection that is not a
 * list — throws a {@link CnrDataError} (`not-a-dataset`).
 */
export function parseDataset(input: unknown, options: ParseOptions = {}): ParseResult {
  const { dataset, report } = mergeDocuments([{ document: input, ...(options.src === undefined ? {} : { src: options.src }) }], options.base);
  return { dataset, report };
}
