/**
 * CSV forms of projects and concertation figures: one record per row, one
 * field per column, the header naming the fields (`source.document` for a
 * nested one). Columns are documented in `README.md` beside this file.
 *
 * Reading does not validate against the schemas: it shapes objects like the
 * schemas (lists from `|`-separated cells, numbers from numeric cells) and
 * reports what the CSV itself gets wrong (missing or unknown columns, a
 * number that is not one). Validate the records with `parseDataset`.
 */
import type { ConcertationFigures } from '../schemas/figures.js';
import type { Project } from '../schemas/project.js';
import type { LocalizedMessage } from '../validation/report.js';
import { parseCsv, writeCsv, type CsvParseOptions, type CsvSeparator, type CsvWriteOptions } from './csv.js';
import { joinList, splitList } from './lists.js';

/** A problem of a CSV file, located as a spreadsheet shows it. */
export interface CsvProblem {
  /** 1-based row number, the header being row 1 (a record spanning lines is one row). */
  row: number;
  /** 1-based physical line where the row starts, for text editors. */
  line: number;
  /** Header of the column, when the problem is in one. */
  column?: string;
  /** 1-based column number, when the problem is in one. */
  columnNumber?: number;
  message: LocalizedMessage;
  severity: 'error' | 'warning';
}

export interface CsvImportResult {
  /** One object per data row, shaped like the schema's records (not validated). */
  records: Record<string, unknown>[];
  /** The spreadsheet row (header = 1) of each record, for locating validation problems. */
  rows: number[];
  problems: CsvProblem[];
  /** The separator the file was read with. */
  separator: CsvSeparator;
}

export type CellKind =
  /** Free text, kept exactly. */
  | 'text'
  /** An identifier, code, enum value, date or URL: surrounding spaces trimmed. */
  | 'token'
  /** A list of items separated by `|`. */
  | 'list'
  /** A number; spaces (thousands separators) ignored, decimal comma accepted. */
  | 'number'
  /** Meetings of a figures record: `kind:count` or `kind:count:label` items. */
  | 'meetings'
  /** Qualifiers of a figures record: `metric:qualifier` items. */
  | 'qualifiers'
  /** Other counts (or targets) of a figures record: `count:label` or `count:qualifier:label` items. */
  | 'counts'
  /** Proportions of a figures record: `percent:label` or `percent:qualifier:label` items. */
  | 'proportions';

export interface ColumnSpec {
  /** Header, and path of the field (`source.document`). */
  readonly key: string;
  readonly kind: CellKind;
  /** The schema requires the field, so the file must have the column. */
  readonly required?: boolean;
}

/** The metrics of a figures record (kept equal to `FIGURE_METRICS` of the schemas by a test). */
export const FIGURE_CSV_METRICS = [
  'reunions',
  'participants',
  'contributions',
  'propositions',
  'constats',
  'projets',
  'projetsRealises',
  'projetsEnCours',
] as const;

/** How exact a figure is (kept equal to `FigureQualifier` of the schemas by a test). */
export const FIGURE_CSV_QUALIFIERS = ['exact', 'plus-de', 'pres-de', 'environ'] as const;

/** How strongly the source supports a record: `derivation.*` (see the schemas' `Derivation`). */
export const DERIVATION_COLUMNS: readonly ColumnSpec[] = [
  { key: 'derivation.kind', kind: 'token' },
  { key: 'derivation.reasoning', kind: 'text' },
  { key: 'derivation.fields', kind: 'list' },
  { key: 'derivation.position', kind: 'text' },
  { key: 'derivation.candidateTerritory', kind: 'token' },
];

export const PROJECT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'id', kind: 'token', required: true },
  { key: 'thematique', kind: 'token', required: true },
  { key: 'title', kind: 'text', required: true },
  { key: 'summary', kind: 'text' },
  { key: 'porteurs', kind: 'list', required: true },
  { key: 'acteurs', kind: 'list' },
  { key: 'partenaires', kind: 'list' },
  { key: 'objectifs', kind: 'list' },
  { key: 'axes', kind: 'list', required: true },
  { key: 'solution', kind: 'token' },
  { key: 'territories', kind: 'list', required: true },
  { key: 'place', kind: 'text' },
  { key: 'publics', kind: 'list' },
  { key: 'status', kind: 'token' },
  { key: 'stage', kind: 'text' },
  { key: 'presentation', kind: 'token' },
  { key: 'startDate', kind: 'token' },
  { key: 'endDate', kind: 'token' },
  { key: 'url', kind: 'token' },
  { key: 'publisher', kind: 'text' },
  ...DERIVATION_COLUMNS,
  { key: 'source.document', kind: 'token', required: true },
  { key: 'source.excerpt', kind: 'text', required: true },
  { key: 'source.page', kind: 'number' },
];

export const FIGURE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'id', kind: 'token', required: true },
  { key: 'thematique', kind: 'token', required: true },
  // Absent for an unattributed figure (`derivation.kind` `unattributed`).
  { key: 'territory', kind: 'token' },
  { key: 'phase', kind: 'text', required: true },
  { key: 'periodStart', kind: 'token' },
  { key: 'periodEnd', kind: 'token' },
  ...FIGURE_CSV_METRICS.map((key): ColumnSpec => ({ key, kind: 'number' })),
  { key: 'meetings', kind: 'meetings' },
  { key: 'qualifiers', kind: 'qualifiers' },
  { key: 'counts', kind: 'counts' },
  { key: 'publisher', kind: 'text' },
  { key: 'targets', kind: 'counts' },
  { key: 'proportions', kind: 'proportions' },
  ...DERIVATION_COLUMNS,
  { key: 'source.document', kind: 'token', required: true },
  { key: 'source.excerpt', kind: 'text', required: true },
  { key: 'source.page', kind: 'number' },
];

/** The columns of the projects CSV, in order. */
export const PROJECT_CSV_COLUMNS: readonly string[] = PROJECT_COLUMNS.map((c) => c.key);
/** The columns of the concertation figures CSV, in order. */
export const FIGURE_CSV_COLUMNS: readonly string[] = FIGURE_COLUMNS.map((c) => c.key);

// ---------------------------------------------------------------- writing

function getPath(record: unknown, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function scalar(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

function formatMeetings(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return joinList(
    value.map((meeting: unknown) => {
      const kind = scalar(getPath(meeting, ['kind']));
      const count = scalar(getPath(meeting, ['count']));
      const label = getPath(meeting, ['label']);
      return label === undefined ? `${kind}:${count}` : `${kind}:${count}:${scalar(label)}`;
    }),
  );
}

function formatQualifiers(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const items: string[] = [];
  for (const metric of FIGURE_CSV_METRICS) {
    const qualifier = getPath(value, [metric]);
    if (qualifier !== undefined) items.push(`${metric}:${scalar(qualifier)}`);
  }
  return joinList(items);
}

function formatCounts(value: unknown, numberKey = 'count'): string {
  if (!Array.isArray(value)) return '';
  return joinList(
    value.map((item: unknown) => {
      const count = scalar(getPath(item, [numberKey]));
      const qualifier = getPath(item, ['qualifier']);
      const label = scalar(getPath(item, ['label']));
      if (qualifier !== undefined) return `${count}:${scalar(qualifier)}:${label}`;
      // `count::label` keeps a label with a colon from reading as `count:qualifier:label`.
      return label.includes(':') ? `${count}::${label}` : `${count}:${label}`;
    }),
  );
}

export function formatCell(spec: ColumnSpec, record: unknown): string {
  const value = getPath(record, spec.key.split('.'));
  switch (spec.kind) {
    case 'list':
      return Array.isArray(value) ? joinList(value.map(scalar)) : scalar(value);
    case 'meetings':
      return formatMeetings(value);
    case 'qualifiers':
      return formatQualifiers(value);
    case 'counts':
      return formatCounts(value);
    case 'proportions':
      return formatCounts(value, 'percent');
    default:
      return scalar(value);
  }
}

export function recordsToCsv(columns: readonly ColumnSpec[], records: readonly unknown[], options: CsvWriteOptions): string {
  const rows: string[][] = [columns.map((c) => c.key)];
  for (const record of records) rows.push(columns.map((spec) => formatCell(spec, record)));
  return writeCsv(rows, options);
}

/**
 * Writes projects as CSV: a header row, then one row per project. Lists are
 * joined with ` | `. By default: `,` separator, CRLF, UTF-8 BOM, formula-like
 * cells prefixed with `'`.
 */
export function projectsToCsv(projects: readonly Project[], options: CsvWriteOptions = {}): string {
  return recordsToCsv(PROJECT_COLUMNS, projects, options);
}

/** Writes concertation figures as CSV (see {@link projectsToCsv} for the options). */
export function figuresToCsv(figures: readonly ConcertationFigures[], options: CsvWriteOptions = {}): string {
  return recordsToCsv(FIGURE_COLUMNS, figures, options);
}

// ---------------------------------------------------------------- reading

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
/** Spaces a spreadsheet may put in numbers: space, no-break space, narrow no-break space. */
const NUMBER_SPACES = /[\s\u00A0\u202F]/g;

function parseNumber(cell: string): number | undefined {
  const compact = cell.replace(NUMBER_SPACES, '');
  return NUMBER.test(compact) ? Number(compact.replace(',', '.')) : undefined;
}

export type Report = (message: LocalizedMessage, severity?: 'error' | 'warning') => void;

function setPath(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  // Paths come from the fixed column specs, never from the file.
  let target = record;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next === 'object' && next !== null) target = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      target[key] = created;
      target = created;
    }
  }
  target[path[path.length - 1]!] = value;
}

function notANumber(text: string): LocalizedMessage {
  return {
    fr: `« ${text} » n’est pas un nombre ; la valeur est ignorée.`,
    en: `"${text}" is not a number; the value is ignored.`,
  };
}

function readMeetings(cell: string, report: Report): unknown[] | undefined {
  const meetings: Record<string, unknown>[] = [];
  for (const item of splitList(cell)) {
    const first = item.indexOf(':');
    if (first === -1) {
      report({
        fr: `Réunion « ${item} » : la forme attendue est « type:nombre » ou « type:nombre:libellé » ; elle est ignorée.`,
        en: `Meeting "${item}": expected "kind:count" or "kind:count:label"; it is ignored.`,
      });
      continue;
    }
    const kind = item.slice(0, first).trim();
    const rest = item.slice(first + 1);
    const second = rest.indexOf(':');
    const countText = (second === -1 ? rest : rest.slice(0, second)).trim();
    const label = second === -1 ? '' : rest.slice(second + 1).trim();
    const count = parseNumber(countText);
    if (count === undefined) {
      report({
        fr: `Réunion « ${item} » : « ${countText} » n’est pas un nombre ; elle est ignorée.`,
        en: `Meeting "${item}": "${countText}" is not a number; it is ignored.`,
      });
      continue;
    }
    meetings.push(label === '' ? { kind, count } : { kind, count, label });
  }
  return meetings.length > 0 ? meetings : undefined;
}

function readQualifiers(cell: string, report: Report): Record<string, string> | undefined {
  const qualifiers: Record<string, string> = {};
  let any = false;
  for (const item of splitList(cell)) {
    const colon = item.indexOf(':');
    const metric = (colon === -1 ? item : item.slice(0, colon)).trim();
    const qualifier = colon === -1 ? '' : item.slice(colon + 1).trim();
    if (!(FIGURE_CSV_METRICS as readonly string[]).includes(metric) || qualifier === '') {
      report({
        fr: `Qualificatif « ${item} » : la forme attendue est « indicateur:qualificatif » (indicateurs : ${FIGURE_CSV_METRICS.join(', ')}) ; il est ignoré.`,
        en: `Qualifier "${item}": expected "metric:qualifier" (metrics: ${FIGURE_CSV_METRICS.join(', ')}); it is ignored.`,
      });
      continue;
    }
    qualifiers[metric] = qualifier;
    any = true;
  }
  return any ? qualifiers : undefined;
}

function readCounts(cell: string, report: Report, numberKey = 'count'): unknown[] | undefined {
  const counts: Record<string, unknown>[] = [];
  for (const item of splitList(cell)) {
    const first = item.indexOf(':');
    const countText = (first === -1 ? item : item.slice(0, first)).trim();
    const count = first === -1 ? undefined : parseNumber(countText);
    if (count === undefined) {
      report({
        fr: `Décompte « ${item} » : la forme attendue est « nombre:libellé » ou « nombre:qualificatif:libellé » ; il est ignoré.`,
        en: `Count "${item}": expected "count:label" or "count:qualifier:label"; it is ignored.`,
      });
      continue;
    }
    const rest = item.slice(first + 1);
    const second = rest.indexOf(':');
    const middle = second === -1 ? undefined : rest.slice(0, second).trim();
    let qualifier: string | undefined;
    let label = rest;
    if (middle !== undefined && (middle === '' || (FIGURE_CSV_QUALIFIERS as readonly string[]).includes(middle))) {
      qualifier = middle === '' ? undefined : middle;
      label = rest.slice(second + 1);
    }
    label = label.trim();
    const entry: Record<string, unknown> = { label, [numberKey]: count };
    if (qualifier !== undefined) entry['qualifier'] = qualifier;
    counts.push(entry);
  }
  return counts.length > 0 ? counts : undefined;
}

export function readCell(spec: ColumnSpec, cell: string, record: Record<string, unknown>, report: Report): void {
  const path = spec.key.split('.');
  switch (spec.kind) {
    case 'text':
      if (cell !== '') setPath(record, path, cell);
      return;
    case 'token': {
      const token = cell.trim();
      if (token !== '') setPath(record, path, token);
      return;
    }
    case 'list': {
      const items = splitList(cell);
      if (items.length > 0 || spec.required) setPath(record, path, items);
      return;
    }
    case 'number': {
      const text = cell.trim();
      if (text === '') return;
      const value = parseNumber(text);
      if (value === undefined) report(notANumber(text));
      else setPath(record, path, value);
      return;
    }
    case 'meetings': {
      const meetings = readMeetings(cell, report);
      if (meetings !== undefined) setPath(record, path, meetings);
      return;
    }
    case 'qualifiers': {
      const qualifiers = readQualifiers(cell, report);
      if (qualifiers !== undefined) setPath(record, path, qualifiers);
      return;
    }
    case 'counts': {
      const counts = readCounts(cell, report);
      if (counts !== undefined) setPath(record, path, counts);
      return;
    }
    case 'proportions': {
      const proportions = readCounts(cell, report, 'percent');
      if (proportions !== undefined) setPath(record, path, proportions);
      return;
    }
  }
}

function recordsFromCsv(columns: readonly ColumnSpec[], text: string, options: CsvParseOptions): CsvImportResult {
  const parsed = parseCsv(text, options);
  const problems: CsvProblem[] = parsed.problems.map((p) => ({
    row: p.row,
    line: p.line,
    message: p.message,
    severity: p.severity,
  }));
  const records: Record<string, unknown>[] = [];
  const rows: number[] = [];
  const header = parsed.rows[0];
  if (header === undefined) {
    problems.push({
      row: 1,
      line: 1,
      severity: 'error',
      message: {
        fr: 'Le fichier est vide : une ligne d’en-tête est attendue.',
        en: 'The file is empty: a header row is expected.',
      },
    });
    return { records, rows, problems, separator: parsed.separator };
  }

  // Header: which spec each column fills.
  const byName = new Map(columns.map((spec) => [spec.key.toLowerCase(), spec]));
  const mapping: (ColumnSpec | undefined)[] = [];
  const seen = new Set<ColumnSpec>();
  header.forEach((name, index) => {
    const label = name.trim();
    const spec = byName.get(label.toLowerCase());
    const where = { row: 1, line: parsed.lines[0] ?? 1, column: label, columnNumber: index + 1 };
    if (label === '') {
      mapping.push(undefined);
    } else if (spec === undefined) {
      mapping.push(undefined);
      problems.push({
        ...where,
        severity: 'warning',
        message: {
          fr: `Colonne inconnue « ${label} » : elle est ignorée.`,
          en: `Unknown column "${label}": it is ignored.`,
        },
      });
    } else if (seen.has(spec)) {
      mapping.push(undefined);
      problems.push({
        ...where,
        severity: 'error',
        message: {
          fr: `La colonne « ${label} » apparaît deux fois ; seule la première est lue.`,
          en: `Column "${label}" appears twice; only the first one is read.`,
        },
      });
    } else {
      mapping.push(spec);
      seen.add(spec);
    }
  });
  for (const spec of columns) {
    if (spec.required && !seen.has(spec)) {
      problems.push({
        row: 1,
        line: parsed.lines[0] ?? 1,
        column: spec.key,
        severity: 'error',
        message: {
          fr: `Colonne obligatoire absente : « ${spec.key} ».`,
          en: `Required column is missing: "${spec.key}".`,
        },
      });
    }
  }

  for (let r = 1; r < parsed.rows.length; r++) {
    const cells = parsed.rows[r]!;
    if (cells.every((cell) => cell.trim() === '')) continue; // blank line
    const row = r + 1;
    const line = parsed.lines[r] ?? row;
    const record: Record<string, unknown> = {};
    // A short row reads as if its missing cells were empty.
    for (let c = 0; c < mapping.length; c++) {
      const spec = mapping[c];
      if (spec === undefined) continue;
      readCell(spec, cells[c] ?? '', record, (message, severity = 'error') =>
        problems.push({ row, line, column: spec.key, columnNumber: c + 1, message, severity }),
      );
    }
    const extra = cells.slice(mapping.length).filter((cell) => cell.trim() !== '').length;
    if (extra > 0) {
      problems.push({
        row,
        line,
        columnNumber: mapping.length + 1,
        severity: 'warning',
        message: {
          fr: `${extra} cellule(s) au-delà de la dernière colonne d’en-tête : ignorée(s).`,
          en: `${extra} cell(s) beyond the last header column: ignored.`,
        },
      });
    }
    records.push(record);
    rows.push(row);
  }
  return { records, rows, problems, separator: parsed.separator };
}

/**
 * Reads projects from CSV. Returns objects shaped like `Project` (lists split
 * on `|`, `source.*` columns nested, `source.page` as a number), the row of
 * each, and the problems of the CSV itself. Blank rows are skipped; an empty
 * cell leaves its field out (an empty required list is `[]`).
 */
export function projectsFromCsv(text: string, options: CsvParseOptions = {}): CsvImportResult {
  return recordsFromCsv(PROJECT_COLUMNS, text, options);
}

/** Reads concertation figures from CSV (see {@link projectsFromCsv}). */
export function figuresFromCsv(text: string, options: CsvParseOptions = {}): CsvImportResult {
  return recordsFromCsv(FIGURE_COLUMNS, text, options);
}

/**
 * Tells from its header which collection a CSV holds: `figures` when it has a
 * `phase` column, `projects` when it has a `title` column.
 */
export function detectCsvCollection(text: string, options: CsvParseOptions = {}): 'projects' | 'figures' | undefined {
  // Only the header is needed: parse the first line or so, not the whole file.
  const head = parseCsv(text.slice(0, 64 * 1024), options).rows[0] ?? [];
  const names = new Set(head.map((name) => name.trim().toLowerCase()));
  if (names.has('phase')) return 'figures';
  if (names.has('title')) return 'projects';
  return undefined;
}
