/**
 * Writing projects and concertation figures as CSV (no reader here, so an
 * export pulls only this module, the columns and the RFC 4180 writer).
 */
import type { ConcertationFigures } from '../schemas/figures.js';
import type { Project } from '../schemas/project.js';
import { writeCsv, type CsvWriteOptions } from './csv.js';
import { FIGURE_COLUMNS, FIGURE_CSV_METRICS, PROJECT_COLUMNS, type ColumnSpec } from './columns.js';
import { joinList } from './lists.js';

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

