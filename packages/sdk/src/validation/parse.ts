import * as z from 'zod/mini';
import { CnrDataError } from '../errors.js';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, DatasetMeta, type CollectionName, type Dataset } from '../schemas/dataset.js';
import type { Territory } from '../schemas/territory.js';
import { departementOfCommune, describeTerritoryId, parseTerritoryId } from '../territories/ids.js';
import { FAIL, fastParse } from './fast-parse.js';
import { issuesToProblems, readableId } from './problems.js';
import { recordWarnings } from './record-warnings.js';
import { referenceProblems, territoryReferences, type KeptRecord } from './references.js';
import type { ValidationProblem, ValidationReport } from './report.js';

/** How many problems one document may report before the rest are summed up in one line. */
const MAX_PROBLEMS = 10_000;

export interface ParseResult {
  /** Every valid record, ready to index (with `base`: the base's records, then the document's). */
  dataset: Dataset;
  report: ValidationReport;
}

export interface MergeResult extends ParseResult {
  /** With `skipUnusable`: the documents left out whole because they are not datasets. */
  unusable: { src: string | undefined; error: CnrDataError }[];
}

export interface ParseOptions {
  /**
   * The reference the document stands on — in practice `@cnr-widgets/data/referential`
   * (régions, départements, TDS, axes, solutions). Its records are trusted (not
   * validated again) and come first in the result; the document's references
   * to them resolve; the document's records are added. A document record whose
   * id is already in the base is ignored (the base's is kept). See
   * {@link mergeDocuments}.
   */
  base?: Dataset;
  /** The document's URL or file name: set as `src` on each of its problems. */
  src?: string;
}

/** One producer's document and where it comes from. */
export interface DocumentPart {
  document: unknown;
  /** Its URL or file name (set as `src` on its problems). */
  src?: string;
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

/** A document's records that passed their schema, before they meet the base and the other documents. */
interface ValidatedPart {
  src: string | undefined;
  meta: DatasetMeta | undefined;
  records: Record<CollectionName, KeptRecord[]>;
  invalid: Record<CollectionName, number>;
}

function validatePart({ document: input, src }: DocumentPart, problems: ProblemList): ValidatedPart {
  const at = src === undefined ? {} : { src };
  if (!isPlainObject(input)) {
    throw new CnrDataError({
      code: 'not-a-dataset',
      ...(src === undefined ? {} : { url: src }),
      message: 'Le document n’est pas un objet JSON de jeu de données. / The document is not a dataset JSON object.',
    });
  }
  const lists: Partial<Record<CollectionName, unknown[]>> = {};
  for (const name of COLLECTION_NAMES) {
    const value = Object.hasOwn(input, name) ? input[name] : undefined;
    if (value !== undefined && !Array.isArray(value)) {
      throw new CnrDataError({
        code: 'not-a-dataset',
        ...(src === undefined ? {} : { url: src }),
        message: `La collection « ${name} » n’est pas une liste. / Collection "${name}" is not an array.`,
        problems: [
          {
            ...at,
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

  const metaResult = z.safeParse(DatasetMeta, input);
  let meta: DatasetMeta | undefined;
  if (metaResult.success) meta = metaResult.data;
  else for (const problem of issuesToProblems(metaResult.error.issues, input, at, 'warning')) problems.add(problem);

  const records = {} as Record<CollectionName, KeptRecord[]>;
  const invalid = {} as Record<CollectionName, number>;
  for (const name of COLLECTION_NAMES) {
    const list = lists[name] ?? [];
    const kept: KeptRecord[] = [];
    const seen = new Set<string>();
    let rejected = 0;
    const schema = COLLECTION_SCHEMAS[name];
    for (let index = 0; index < list.length; index++) {
      const record = list[index];
      // The compiled check first (valid records, the common case); zod itself for the others, and their issues.
      let data = fastParse(schema, record);
      if (data === FAIL) {
        const result = z.safeParse(schema, record);
        if (!result.success) {
          rejected += 1;
          for (const problem of issuesToProblems(result.error.issues, record, { ...at, collection: name, index, id: readableId(record) })) {
            problems.add(problem);
          }
          continue;
        }
        data = result.data;
      }
      const parsedId = (data as { id: string }).id;
      if (seen.has(parsedId)) {
        rejected += 1;
        problems.add({
          ...at,
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
      for (const problem of recordWarnings(name, record, { ...at, index, id: parsedId })) problems.add(problem);
      kept.push({ record: data as Record<string, unknown>, index });
    }
    records[name] = kept;
    invalid[name] = rejected;
  }
  return { src, meta, records, invalid };
}

/** Collections whose records carry the `publisher` of the document they came in. */
const STAMPED = new Set<CollectionName>(['projects', 'fundings', 'figures', 'milestones']);

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
export function mergeDocuments(
  parts: readonly DocumentPart[],
  base?: Dataset,
  options: { skipUnusable?: boolean } = {},
): MergeResult {
  const problems = new ProblemList();
  const unusable: MergeResult['unusable'] = [];
  const validated: ValidatedPart[] = [];
  for (const part of parts) {
    try {
      validated.push(validatePart(part, problems));
    } catch (error) {
      if (!options.skipUnusable || !(error instanceof CnrDataError)) throw error;
      unusable.push({ src: part.src, error });
    }
  }

  const firstMeta = validated.find((part) => part.meta)?.meta;
  const meta: DatasetMeta = firstMeta ?? { version: 'inconnue', generatedAt: new Date(0).toISOString() };
  const dataset = { ...meta } as Dataset;
  if (dataset.referential === undefined && base?.referential !== undefined) dataset.referential = base.referential;

  const counts: ValidationReport['counts'] = {};
  /** Per part, the records it contributed (for the reference check, with their index in the document). */
  const kept = validated.map(() => ({}) as Partial<Record<CollectionName, KeptRecord[]>>);
  for (const name of COLLECTION_NAMES) {
    const baseRecords = (base?.[name] ?? []) as unknown as Record<string, unknown>[];
    const merged: Record<string, unknown>[] = [...baseRecords];
    /** Where each id comes from: -1 for the base, else the part's position. */
    const owner = new Map<string, { part: number; record: Record<string, unknown> }>();
    for (const record of baseRecords) owner.set(record['id'] as string, { part: -1, record });
    let valid = 0;
    let invalid = 0;
    validated.forEach((part, p) => {
      invalid += part.invalid[name];
      const at = part.src === undefined ? {} : { src: part.src };
      const contributed: KeptRecord[] = [];
      for (const entry of part.records[name]) {
        let record = entry.record;
        const id = record['id'] as string;
        const previous = owner.get(id);
        // The reference's record is the one kept: a repetition is ignored (names may differ in
        // typography only, « Provence-Alpes-Côte d’Azur »; the reference is the authority).
        if (previous?.part === -1) continue;
        if (previous) {
          invalid += 1;
          const other = validated[previous.part]!.src;
          problems.add({
            ...at,
            collection: name,
            index: entry.index,
            id,
            path: ['id'],
            severity: 'error',
            message: {
              fr: `L’identifiant « ${id} » est aussi dans ${other === undefined ? 'un autre fichier' : `« ${other} »`} ; ce doublon est écarté (les identifiants doivent être uniques d’un fichier à l’autre).`,
              en: `Id "${id}" is also in ${other === undefined ? 'another file' : `"${other}"`}; this duplicate is left out (ids must be unique across files).`,
            },
          });
          continue;
        }
        const publisher = validated.length > 1 ? part.meta?.publisher : undefined;
        if (STAMPED.has(name) && publisher !== undefined && record['publisher'] === undefined) record = { ...record, publisher };
        merged.push(record);
        owner.set(id, { part: p, record });
        contributed.push({ record, index: entry.index });
        valid += 1;
      }
      kept[p]![name] = contributed;
    });
    (dataset as unknown as Record<CollectionName, unknown[]>)[name] = merged;
    counts[name] = { valid, invalid };
  }

  placeCommunes(dataset, kept);

  validated.forEach((part, p) => {
    for (const problem of referenceProblems(kept[p]!, dataset)) problems.add(part.src === undefined ? problem : { src: part.src, ...problem });
  });
  return { dataset, report: { problems: problems.finish(), counts }, unusable };
}

/**
 * Places communes from their INSEE code: a commune record without `parent`
 * gets its département; a `commune:` id no record describes gets a record
 * (see {@link mergeDocuments}) when its département is known.
 */
function placeCommunes(dataset: Dataset, kept: readonly Partial<Record<CollectionName, KeptRecord[]>>[]): void {
  const known = new Set(dataset.territories.map((t) => t.id));
  const departementId = (code: string): string | undefined => {
    const departement = departementOfCommune(code);
    const id = departement === undefined ? undefined : `departement:${departement}`;
    return id !== undefined && known.has(id) ? id : undefined;
  };
  dataset.territories = dataset.territories.map((territory) => {
    if (territory.kind !== 'commune' || territory.parent !== undefined) return territory;
    const parent = departementId(territory.code);
    return parent === undefined ? territory : { ...territory, parent };
  });
  const added: Territory[] = [];
  for (const part of kept) {
    for (const id of territoryReferences(part)) {
      if (known.has(id)) continue;
      const parsed = parseTerritoryId(id);
      if (parsed?.kind !== 'commune' || id !== `commune:${parsed.code}`) continue;
      const parent = departementId(parsed.code);
      if (parent === undefined) continue;
      known.add(id);
      added.push({ id, kind: 'commune', code: parsed.code, name: describeTerritoryId(id, 'fr'), parent });
    }
  }
  if (added.length > 0) dataset.territories = [...dataset.territories, ...added];
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
