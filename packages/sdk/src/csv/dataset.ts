/**
 * The one-sheet CSV form of a whole dataset document: a `collection` column
 * says what each row is (`documents`, `territories`, `projects`, `fundings`,
 * `figures`, `milestones`); the other columns are the fields of that
 * collection (the union of every collection's columns, one header). A cell in
 * a column that does not apply to the row's collection is ignored with a
 * warning. What a producer fills in a spreadsheet, then turns into the JSON
 * document with `cnr-widgets convert`.
 */
import type { LocalizedMessage } from '../validation/report.js';
import { parseCsv, writeCsv, type CsvParseOptions, type CsvWriteOptions } from './csv.js';
import { DERIVATION_COLUMNS, FIGURE_COLUMNS, PROJECT_COLUMNS, formatCell, readCell, type ColumnSpec, type CsvProblem } from './entities.js';

/** The collections the one-sheet form holds (instances and axes are the reference's). */
export const DATASET_CSV_COLLECTIONS = ['documents', 'territories', 'projects', 'fundings', 'figures', 'milestones'] as const;
export type DatasetCsvCollection = (typeof DATASET_CSV_COLLECTIONS)[number];

const source: ColumnSpec[] = [
  { key: 'publisher', kind: 'text' },
  { key: 'source.document', kind: 'token' },
  { key: 'source.excerpt', kind: 'text' },
  { key: 'source.page', kind: 'number' },
];

const SPECS: Record<DatasetCsvCollection, readonly ColumnSpec[]> = {
  documents: [
    { key: 'id', kind: 'token' },
    { key: 'title', kind: 'text' },
    { key: 'publisher', kind: 'text' },
    { key: 'date', kind: 'token' },
    { key: 'kind', kind: 'token' },
    { key: 'url', kind: 'token' },
    ...DERIVATION_COLUMNS,
  ],
  territories: [
    { key: 'id', kind: 'token' },
    { key: 'kind', kind: 'token' },
    { key: 'code', kind: 'token' },
    { key: 'name', kind: 'text' },
    { key: 'parent', kind: 'token' },
    { key: 'covers', kind: 'list' },
    { key: 'population', kind: 'number' },
    { key: 'populationDate', kind: 'token' },
    ...DERIVATION_COLUMNS,
  ],
  projects: PROJECT_COLUMNS,
  fundings: [
    { key: 'id', kind: 'token' },
    { key: 'kind', kind: 'token' },
    { key: 'thematique', kind: 'token' },
    { key: 'label', kind: 'text' },
    { key: 'funder', kind: 'text' },
    { key: 'fund', kind: 'text' },
    { key: 'amount', kind: 'number' },
    { key: 'qualifier', kind: 'token' },
    { key: 'year', kind: 'number' },
    { key: 'durationYears', kind: 'number' },
    { key: 'territory', kind: 'token' },
    { key: 'projects', kind: 'list' },
    { key: 'envelope', kind: 'token' },
    ...DERIVATION_COLUMNS,
    ...source,
  ],
  figures: FIGURE_COLUMNS,
  milestones: [
    { key: 'id', kind: 'token' },
    { key: 'date', kind: 'token' },
    { key: 'endDate', kind: 'token' },
    { key: 'title', kind: 'text' },
    { key: 'kind', kind: 'token' },
    { key: 'thematique', kind: 'token' },
    { key: 'territory', kind: 'token' },
    ...DERIVATION_COLUMNS,
    ...source,
  ],
};

/** The header of the one-sheet form: `collection`, then every collection's columns once, in a spreadsheet-friendly order. */
export const DATASET_CSV_COLUMNS: readonly string[] = [
  'collection',
  ...new Set(DATASET_CSV_COLLECTIONS.flatMap((name) => SPECS[name].map((spec) => spec.key)).sort(byColumnOrder)),
];

/** Identity and provenance columns first and last; the rest in the order the collections give them. */
function byColumnOrder(a: string, b: string): number {
  const rank = (key: string) => (key === 'id' ? 0 : key.startsWith('source.') ? 2 : 1);
  return rank(a) - rank(b);
}

export interface DatasetCsvImportResult {
  /** The dataset document's collections (records shaped like the schemas, not validated). */
  collections: Record<DatasetCsvCollection, Record<string, unknown>[]>;
  /** Per collection, the spreadsheet row (header = 1) of each record. */
  rows: Record<DatasetCsvCollection, number[]>;
  problems: CsvProblem[];
  separator: ',' | ';';
}

/** True when a CSV's header has a `collection` column: the one-sheet form. */
export function isDatasetCsv(text: string, options: CsvParseOptions = {}): boolean {
  const head = parseCsv(text.slice(0, 64 * 1024), options).rows[0] ?? [];
  return head.some((name) => name.trim().toLowerCase() === 'collection');
}

/**
 * Reads the one-sheet CSV form: each row goes to the collection its
 * `collection` cell names (`documents`, `territories`, `projects`,
 * `fundings`, `figures`, `milestones`; singular forms and French names —
 * `document`, `territoire`, `projet`, `financement`, `chiffres`, `jalon` —
 * are read too). Problems of the CSV itself are reported; validate the
 * records with `parseDataset`.
 */
export function datasetFromCsv(text: string, options: CsvParseOptions = {}): DatasetCsvImportResult {
  const parsed = parseCsv(text, options);
  const problems: CsvProblem[] = parsed.problems.map((p) => ({ row: p.row, line: p.line, message: p.message, severity: p.severity }));
  const collections = Object.fromEntries(DATASET_CSV_COLLECTIONS.map((name) => [name, []])) as unknown as DatasetCsvImportResult['collections'];
  const rows = Object.fromEntries(DATASET_CSV_COLLECTIONS.map((name) => [name, []])) as unknown as DatasetCsvImportResult['rows'];
  const header = (parsed.rows[0] ?? []).map((name) => name.trim().toLowerCase());
  const headerLine = parsed.lines[0] ?? 1;
  const collectionColumn = header.indexOf('collection');
  if (collectionColumn === -1) {
    problems.push({
      row: 1,
      line: headerLine,
      column: 'collection',
      severity: 'error',
      message: {
        fr: 'Colonne obligatoire absente : « collection » (documents, territories, projects, fundings, figures ou milestones).',
        en: 'Required column is missing: "collection" (documents, territories, projects, fundings, figures or milestones).',
      },
    });
    return { collections, rows, problems, separator: parsed.separator };
  }
  const known = new Set(DATASET_CSV_COLUMNS);
  header.forEach((name, index) => {
    if (name !== '' && !known.has(name) && !DATASET_CSV_COLUMNS.some((column) => column.toLowerCase() === name)) {
      problems.push({
        row: 1,
        line: headerLine,
        column: parsed.rows[0]![index]!.trim(),
        columnNumber: index + 1,
        severity: 'warning',
        message: { fr: `Colonne inconnue « ${name} » : elle est ignorée.`, en: `Unknown column "${name}": it is ignored.` },
      });
    }
  });
  const columnOf = new Map<string, number>();
  header.forEach((name, index) => {
    if (!columnOf.has(name)) columnOf.set(name, index);
  });

  for (let r = 1; r < parsed.rows.length; r++) {
    const cells = parsed.rows[r]!;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const row = r + 1;
    const line = parsed.lines[r] ?? row;
    const given = (cells[collectionColumn] ?? '').trim();
    const collection = collectionName(given);
    if (collection === undefined) {
      problems.push({
        row,
        line,
        column: 'collection',
        columnNumber: collectionColumn + 1,
        severity: 'error',
        message: unknownCollection(given),
      });
      continue;
    }
    const specs = SPECS[collection];
    const record: Record<string, unknown> = {};
    const used = new Set<number>([collectionColumn]);
    for (const spec of specs) {
      const column = columnOf.get(spec.key.toLowerCase());
      if (column === undefined) continue;
      used.add(column);
      readCell(spec, cells[column] ?? '', record, (message, severity = 'error') =>
        problems.push({ row, line, column: spec.key, columnNumber: column + 1, message, severity }),
      );
    }
    cells.forEach((cell, column) => {
      if (used.has(column) || cell.trim() === '' || column >= header.length || !known.has(header[column]!)) return;
      problems.push({
        row,
        line,
        column: parsed.rows[0]![column]!.trim(),
        columnNumber: column + 1,
        severity: 'warning',
        message: {
          fr: `La colonne « ${header[column]} » ne s’applique pas à « ${collection} » : cette cellule est ignorée.`,
          en: `Column "${header[column]}" does not apply to "${collection}": this cell is ignored.`,
        },
      });
    });
    collections[collection].push(record);
    rows[collection].push(row);
  }
  return { collections, rows, problems, separator: parsed.separator };
}

const ALIASES: Record<string, DatasetCsvCollection> = {
  documents: 'documents',
  document: 'documents',
  territories: 'territories',
  territory: 'territories',
  territoire: 'territories',
  territoires: 'territories',
  projects: 'projects',
  project: 'projects',
  projet: 'projects',
  projets: 'projects',
  fundings: 'fundings',
  funding: 'fundings',
  financement: 'fundings',
  financements: 'fundings',
  figures: 'figures',
  chiffres: 'figures',
  milestones: 'milestones',
  milestone: 'milestones',
  jalon: 'milestones',
  jalons: 'milestones',
};

function collectionName(value: string): DatasetCsvCollection | undefined {
  return Object.hasOwn(ALIASES, value.toLowerCase()) ? ALIASES[value.toLowerCase()] : undefined;
}

function unknownCollection(value: string): LocalizedMessage {
  const list = DATASET_CSV_COLLECTIONS.join(', ');
  return value === ''
    ? { fr: `Cellule « collection » vide : indiquez ${list}. La ligne est ignorée.`, en: `Empty "collection" cell: give ${list}. The row is ignored.` }
    : {
        fr: `Collection inconnue « ${value} » : ${list} sont attendues. La ligne est ignorée.`,
        en: `Unknown collection "${value}": expected ${list}. The row is ignored.`,
      };
}

/** Writes records of several collections as one sheet (the template, `cnr-widgets export --format csv --collection all`). */
export function datasetToCsv(
  collections: Partial<Record<DatasetCsvCollection, readonly unknown[]>>,
  options: CsvWriteOptions = {},
): string {
  const rows: string[][] = [[...DATASET_CSV_COLUMNS]];
  for (const name of DATASET_CSV_COLLECTIONS) {
    for (const record of collections[name] ?? []) {
      const cells = DATASET_CSV_COLUMNS.map(() => '');
      cells[0] = name;
      for (const spec of SPECS[name]) {
        const column = DATASET_CSV_COLUMNS.indexOf(spec.key);
        cells[column] = formatCell(spec, record);
      }
      rows.push(cells);
    }
  }
  return writeCsv(rows, options);
}
