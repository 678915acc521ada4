/**
 * The columns of the project and concertation-figure CSV forms: one field per
 * column, the header naming the fields (`source.document` for a nested one).
 * Documented in `README.md` beside this file. Shared by the writers
 * (`write.ts`) and the readers (`read.ts`).
 */
import type { LocalizedMessage } from '../validation/report.js';
import { FIGURE_METRICS } from '../schemas/collections.js';
import type { CsvSeparator } from './csv.js';


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

/** The metrics of a figures record: the schemas' `FIGURE_METRICS` (a zod-free module). */
export const FIGURE_CSV_METRICS = FIGURE_METRICS;

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
