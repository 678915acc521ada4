import { CnrDataError } from '../errors.js';
import { COLLECTION_NAMES, type CollectionName } from '../schemas/collections.js';
import type { Dataset, DatasetMeta } from '../schemas/dataset.js';
import type { Territory } from '../schemas/territory.js';
import { departementOfCommune, describeTerritoryId, parseTerritoryId } from '../territories/ids.js';
import { FAIL, prototypesIntact, reuse } from './check-kit.js';
import { COLLECTION_CHECKS, META_CHECK } from './compiled-checks.generated.js';
import { danglingReferences, type Dangling, type KeptRecord } from './references.js';
import type * as ProblemTexts from './problem-texts.js';
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

  constructor(private readonly texts: () => Texts) {}

  add(problem: ValidationProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
    else this.dropped += 1;
  }

  finish(): ValidationProblem[] {
    if (this.dropped > 0) this.problems.push({ path: [], severity: 'error', message: this.texts().notListed(this.dropped) });
    return this.problems;
  }
}

/** What zod says of a record (or of the metadata) that a compiled check doubted: its output, or why it is refused. */
export interface Verdict<T> {
  /** zod's output when it accepts (`problems` empty for a record; warnings only for the metadata). */
  data: T | undefined;
  problems: ValidationProblem[];
}

/** zod's side of the validation (explain.ts): needed only for a document with a doubtful record. */
export interface ZodSide {
  record(name: CollectionName, record: unknown, where: Pick<ValidationProblem, 'src' | 'collection' | 'index'>): Verdict<unknown>;
  meta(input: unknown, at: Pick<ValidationProblem, 'src'>): Verdict<DatasetMeta>;
}

/** The texts of every other problem (problem-texts.ts): needed only for a document that has one. */
export type Texts = typeof ProblemTexts;

/** What a validation needs beyond the compiled checks; each part is loaded on demand by the lazy variants. */
export interface Explainer {
  zod?: ZodSide;
  texts?: Texts;
}

/** Thrown by a validation that needs a part of its {@link Explainer} it was not given. */
class Needs {
  constructor(readonly part: keyof Explainer) {}
}

/** The part of `explain`, or a {@link Needs} thrown for it. */
function need<K extends keyof Explainer>(explain: Explainer, part: K): NonNullable<Explainer[K]> {
  const side = explain[part];
  if (side === undefined) throw new Needs(part);
  return side as NonNullable<Explainer[K]>;
}

/** A valid funding of kind `support` with an `amount`: kept, with a warning (problem-texts.ts, `ignoredAmount`). */
const ignoresAmount = (collection: CollectionName, raw: unknown): boolean =>
  collection === 'fundings' && (raw as Record<string, unknown>)['kind'] === 'support' && (raw as Record<string, unknown>)['amount'] !== undefined;

/** A document's records that passed their schema, before they meet the base and the other documents. */
interface ValidatedPart {
  src: string | undefined;
  meta: DatasetMeta | undefined;
  records: Record<CollectionName, KeptRecord[]>;
  invalid: Record<CollectionName, number>;
}

function validatePart({ document: input, src }: DocumentPart, problems: ProblemList, explain: Explainer): ValidatedPart {
  const at = src === undefined ? {} : { src };
  if (!isPlainObject(input)) throw need(explain, 'texts').notAnObject(src);
  const lists: Partial<Record<CollectionName, unknown[]>> = {};
  for (const name of COLLECTION_NAMES) {
    const value = Object.hasOwn(input, name) ? input[name] : undefined;
    if (value !== undefined && !Array.isArray(value)) throw need(explain, 'texts').notAList(name, src);
    lists[name] = value;
  }

  let meta = META_CHECK(input) as DatasetMeta | typeof FAIL | undefined;
  if (meta === FAIL) {
    const verdict = need(explain, 'zod').meta(input, at);
    meta = verdict.data;
    for (const problem of verdict.problems) problems.add(problem);
  }

  const records = {} as Record<CollectionName, KeptRecord[]>;
  const invalid = {} as Record<CollectionName, number>;
  for (const name of COLLECTION_NAMES) {
    const list = lists[name] ?? [];
    const kept: KeptRecord[] = [];
    const seen = new Set<string>();
    let rejected = 0;
    const check = COLLECTION_CHECKS[name];
    for (let index = 0; index < list.length; index++) {
      const record = list[index];
      // The compiled check first (valid records, the common case); zod itself for the others, and their issues.
      let data = check(record);
      if (data === FAIL) {
        const verdict = need(explain, 'zod').record(name, record, { ...at, collection: name, index });
        if (verdict.problems.length > 0) {
          rejected += 1;
          for (const problem of verdict.problems) problems.add(problem);
          continue;
        }
        data = verdict.data;
      }
      const parsedId = (data as { id: string }).id;
      if (seen.has(parsedId)) {
        rejected += 1;
        problems.add(need(explain, 'texts').duplicate({ ...at, collection: name, index, id: parsedId }));
        continue;
      }
      seen.add(parsedId);
      if (ignoresAmount(name, record)) problems.add(need(explain, 'texts').ignoredAmount({ ...at, collection: name, index, id: parsedId }));
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
 * `mergeDocuments` (parse.ts, where it is documented): the compiled checks,
 * zod (`explain.zod`) for the records they doubt, and the texts
 * (`explain.texts`) for the other problems. A part missing when it is needed
 * is thrown for ({@link Needs}): see {@link mergeDocumentsLazily}.
 */
export function mergeWith(
  parts: readonly DocumentPart[],
  base: Dataset | undefined,
  options: { skipUnusable?: boolean; reuse?: boolean },
  explain: Explainer,
): MergeResult {
  // The valid records themselves rather than copies (check-kit.ts, `reuse`), when asked and safe.
  reuse.ok = options.reuse === true && prototypesIntact();
  const problems = new ProblemList(() => need(explain, 'texts'));
  const unusable: MergeResult['unusable'] = [];
  const validated: ValidatedPart[] = [];
  for (const part of parts) {
    try {
      validated.push(validatePart(part, problems, explain));
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
    const owner = new Map<string, number>();
    for (const record of baseRecords) owner.set(record['id'] as string, -1);
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
        if (previous === -1) continue;
        if (previous !== undefined) {
          invalid += 1;
          problems.add(need(explain, 'texts').duplicateAcross({ ...at, collection: name, index: entry.index, id }, validated[previous]!.src));
          continue;
        }
        const publisher = validated.length > 1 ? part.meta?.publisher : undefined;
        if (STAMPED.has(name) && publisher !== undefined && record['publisher'] === undefined) record = { ...record, publisher };
        merged.push(record);
        owner.set(id, p);
        contributed.push(record === entry.record ? entry : { record, index: entry.index });
        valid += 1;
      }
      kept[p]![name] = contributed;
    });
    (dataset as unknown as Record<CollectionName, unknown[]>)[name] = merged;
    counts[name] = { valid, invalid };
  }

  // The references that resolve to nothing; the communes they name are placed from their code
  // (placeCommunes), and the references to those resolve.
  const dangling = kept.map((records) => danglingReferences(records, dataset));
  const placed = placeCommunes(dataset, dangling);

  validated.forEach((part, p) => {
    const left = placed.size === 0 ? dangling[p]! : dangling[p]!.filter((d) => d.target !== 'territories' || !placed.has(d.value));
    if (left.length === 0) return;
    const texts = need(explain, 'texts');
    for (const reference of left) {
      const problem = texts.referenceProblem(reference);
      problems.add(part.src === undefined ? problem : { src: part.src, ...problem });
    }
  });
  return { dataset, report: { problems: problems.finish(), counts }, unusable };
}

/**
 * Places communes from their INSEE code: a commune record without `parent`
 * gets its département; a `commune:` id that a territory field names and no
 * record describes (in `dangling`, in document order) gets a record (see
 * `mergeDocuments`) when its département is known. Returns the ids added.
 */
function placeCommunes(dataset: Dataset, dangling: readonly (readonly Dangling[])[]): Set<string> {
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
  const tried = new Set<string>();
  for (const part of dangling) {
    for (const { target, path, value: id } of part) {
      // A territory field's reference (not `derivation.candidateTerritory`, a mere candidate).
      if (target !== 'territories' || path[0] === 'derivation' || tried.has(id)) continue;
      tried.add(id);
      const parsed = parseTerritoryId(id);
      if (parsed?.kind !== 'commune' || id !== `commune:${parsed.code}`) continue;
      const parent = departementId(parsed.code);
      if (parent === undefined) continue;
      known.add(id);
      added.push({ id, kind: 'commune', code: parsed.code, name: describeTerritoryId(id, 'fr'), parent });
    }
  }
  if (added.length > 0) dataset.territories = [...dataset.territories, ...added];
  return new Set(added.map((territory) => territory.id));
}

/**
 * `mergeDocuments` for browsers: a valid document is checked without zod
 * (compiled-checks.generated.ts) and without the texts of problems. zod/mini
 * with its messages (explain.ts) is imported only when a check doubts a
 * record, the texts (problem-texts.ts) only when there is another problem (a
 * duplicate id, a reference that resolves to nothing…); the documents are
 * then validated again with them, so every problem is reported exactly as
 * `mergeDocuments` reports it while the valid records are kept. A valid
 * record that is exactly what zod would output (a plain object, no unknown
 * key: a parsed JSON file's records) is kept as it is rather than copied, so
 * the result shares those objects with `parts`: do not mutate either.
 */
export async function mergeDocumentsLazily(
  parts: readonly DocumentPart[],
  base?: Dataset,
  options: { skipUnusable?: boolean } = {},
): Promise<MergeResult> {
  const explain: Explainer = {};
  for (;;) {
    try {
      return mergeWith(parts, base, { ...options, reuse: true }, explain);
    } catch (error) {
      // Each part is loaded once: at most three passes, the last one with everything a problem needs.
      if (!(error instanceof Needs) || explain[error.part] !== undefined) throw error;
      if (error.part === 'zod') explain.zod = await import('./explain.js');
      else explain.texts = await import('./problem-texts.js');
    }
  }
}

/** {@link parseDataset}, loading zod only for a document with a doubtful record (see {@link mergeDocumentsLazily}). */
export async function parseDatasetLazily(input: unknown, options: ParseOptions = {}): Promise<ParseResult> {
  const { dataset, report } = await mergeDocumentsLazily([{ document: input, ...(options.src === undefined ? {} : { src: options.src }) }], options.base);
  return { dataset, report };
}
