/**
 * Reading projects and concertation figures from CSV.
 *
 * Reading does not validate against the schemas: it shapes objects like the
 * schemas (lists from `|`-separated cells, numbers from numeric cells) and
 * reports what the CSV itself gets wrong (missing or unknown columns, a
 * number that is not one). Validate the records with `parseDataset`.
 */
import type { LocalizedMessage } from '../validation/report.js';
import { parseCsv, type CsvParseOptions } from './csv.js';
import {
  FIGURE_COLUMNS,
  FIGURE_CSV_METRICS,
  FIGURE_CSV_QUALIFIERS,
  PROJECT_COLUMNS,
  type ColumnSpec,
  type CsvImportResult,
  type CsvProblem,
} from './columns.js';
import { splitList } from './lists.js';

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
