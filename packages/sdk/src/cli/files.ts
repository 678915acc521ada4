/** The files the commands read and write: JSON or CSV input, a CSV as a dataset document, output to `--out` or stdout. */
import {
  datasetFromCsv,
  detectCsvCollection,
  figuresFromCsv,
  isDatasetCsv,
  projectsFromCsv,
  type CsvImportResult,
  type CsvProblem,
} from '../csv/index.js';
import { CnrDataError } from '../errors.js';
import { COLLECTION_NAMES } from '../schemas/dataset.js';
import type { LocalizedMessage } from '../validation/index.js';
import { describeJsonFault, findJsonSyntaxFault, parseJsonText } from '../validation/json-text.js';
import { collectionOption, separatorOption, type Options } from './args.js';
import { UsageError, errorMessage, type Output } from './output.js';

const SCHEMA_URL = 'https://cdn.jsdelivr.net/npm/@cnr-widgets/sdk/schema/cnr-dataset.schema.json';

export function isCsvFile(path: string, text: string): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return true;
  if (lower.endsWith('.json')) return false;
  return !/^[\uFEFF\s]*[[{]/.test(text.slice(0, 1024));
}

export async function readText(o: Output, path: string): Promise<string> {
  try {
    return await o.io.readFile(path);
  } catch (error) {
    throw new UsageError({
      fr: `Impossible de lire « ${path} » : ${errorMessage(error)}`,
      en: `Cannot read "${path}": ${errorMessage(error)}`,
    });
  }
}

/** Parses JSON text (a BOM allowed); invalid JSON is a file error (exit 2), said with its line and column. */
export function parseJsonFile(path: string, text: string): unknown {
  try {
    return parseJsonText(text);
  } catch (error) {
    if (!(error instanceof CnrDataError)) throw error;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const fault = findJsonSyntaxFault(body) ?? { offset: 0, line: 1, column: 1, found: body[0] };
    const what = describeJsonFault(fault);
    throw new UsageError({ fr: `${path} : JSON invalide : ${what.fr}.`, en: `${path}: invalid JSON: ${what.en}.` });
  }
}

/** A CSV file as a dataset document, with the spreadsheet row of each record. */
export interface CsvDocument {
  document: Record<string, unknown>;
  problems: CsvProblem[];
  rows: Partial<Record<string, number[]>>;
}

export function csvToDocument(o: Output, path: string, text: string, options: Options): CsvDocument | undefined {
  const separator = separatorOption(options.separator);
  if (isDatasetCsv(text, { separator })) {
    const imported = datasetFromCsv(text, { separator });
    return { document: { ...imported.collections }, problems: imported.problems, rows: imported.rows };
  }
  const collection = collectionOption(options.collection) ?? detectCsvCollection(text, { separator });
  if (collection === undefined) {
    o.out(
      o.lang === 'fr'
        ? `${o.severity('error')} ${path} : impossible de savoir ce que contient le CSV : ajoutez une colonne « collection » (forme tableur, voir cnr-widgets template), ou précisez --collection projects|figures.`
        : `${o.severity('error')} ${path}: cannot tell what the CSV holds: add a "collection" column (one-sheet form, see cnr-widgets template), or pass --collection projects|figures.`,
    );
    return undefined;
  }
  const imported: CsvImportResult = (collection === 'projects' ? projectsFromCsv : figuresFromCsv)(text, { separator });
  return { document: { [collection]: imported.records }, problems: imported.problems, rows: { [collection]: imported.rows } };
}

/** Writes `text` to `--out`, or to standard output. */
export async function emit(o: Output, text: string, out: string | undefined, done: LocalizedMessage): Promise<void> {
  if (out === undefined) {
    o.io.stdout(text);
    return;
  }
  try {
    await o.io.writeFile(out, text);
  } catch (error) {
    throw new UsageError({
      fr: `Impossible d’écrire « ${out} » : ${errorMessage(error)}`,
      en: `Cannot write "${out}": ${errorMessage(error)}`,
    });
  }
  o.err(done);
}

/** The JSON document of a CSV: metadata from the options (or the first document), then the collections in document order. */
export function documentOfCsv(o: Output, csv: CsvDocument, options: Options): Record<string, unknown> {
  const documents = (csv.document['documents'] ?? []) as Record<string, unknown>[];
  const publisher = options.publisher ?? (documents[0]?.['publisher'] as string | undefined);
  const now = o.io.now();
  const document: Record<string, unknown> = {
    $schema: SCHEMA_URL,
    version: options.version ?? now.slice(0, 10),
    generatedAt: now,
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(publisher === undefined ? {} : { publisher }),
  };
  for (const name of COLLECTION_NAMES) {
    const records = csv.document[name] as unknown[] | undefined;
    if (records !== undefined && records.length > 0) document[name] = records;
  }
  return document;
}
