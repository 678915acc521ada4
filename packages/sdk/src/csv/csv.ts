/**
 * RFC 4180 CSV, without dependencies, for the browser and Node.
 *
 * - Reading: quoted fields, doubled quotes, CRLF / LF / CR line breaks,
 *   line breaks inside quoted fields, a leading UTF-8 BOM stripped, `,` or `;`
 *   separator given or detected. Malformed input never throws: it is read as
 *   well as it can be and the problems are returned as data.
 * - Writing: a field is quoted only when needed; a UTF-8 BOM is written by
 *   default (so Excel reads accents right); `;` for French Excel; cells that a
 *   spreadsheet would run as a formula are neutralised (see {@link isFormulaLike}).
 */
import type { LocalizedMessage } from '../validation/report.js';

export type CsvSeparator = ',' | ';';

export interface CsvParseOptions {
  /** Field separator; `'auto'` (the default) picks `;` or `,` from the first records. */
  separator?: CsvSeparator | 'auto';
}

/** A syntax problem: the text was read anyway, as Excel would. */
export interface CsvSyntaxProblem {
  /** 1-based record number (the row a spreadsheet shows). */
  row: number;
  /** 1-based physical line where the problem is. */
  line: number;
  message: LocalizedMessage;
  /** `error`: the text is broken (an unclosed quote); `warning`: an oddity that was read anyway. */
  severity: 'error' | 'warning';
}

export interface CsvParseResult {
  /** The records, each a list of fields. A trailing line break does not make an extra record. */
  rows: string[][];
  /** 1-based physical line where each record starts (records may span lines). */
  lines: number[];
  /** The separator used (given or detected). */
  separator: CsvSeparator;
  problems: CsvSyntaxProblem[];
}

export interface CsvWriteOptions {
  /** Field separator: `,` (RFC 4180, the default) or `;` (French Excel). */
  separator?: CsvSeparator;
  /** Write a UTF-8 byte order mark first so Excel reads accents right. Default `true`. */
  bom?: boolean;
  /** Line break between records. Default `\r\n` (RFC 4180). */
  newline?: '\r\n' | '\n';
  /**
   * Prefix with `'` the cells a spreadsheet would run as a formula (CSV
   * injection). Default `true`. See {@link isFormulaLike}.
   */
  escapeFormulas?: boolean;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const BOM = '\uFEFF';

/** How many records the separator detection looks at, at most. */
const DETECTION_RECORDS = 100;

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR) {
      count++;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return count;
}

/**
 * Picks the separator: the more frequent of `;` and `,` outside quotes in the
 * first record that holds either (a `;` file whose first records have a
 * single column is read with `,` only if no record up to the 100th has a `;`).
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  let records = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) inQuotes = false; // a doubled quote reopens at once below
      continue;
    }
    if (c === QUOTE) inQuotes = true;
    else if (c === COMMA) commas++;
    else if (c === SEMICOLON) semicolons++;
    else if (c === LF || c === CR) {
      if (commas + semicolons > 0) break;
      records++;
      if (records >= DETECTION_RECORDS) break;
    }
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Parses CSV text (RFC 4180, with the usual leniencies of spreadsheets).
 * Linear in the size of the text; never throws.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvParseResult {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator =
    options.separator === ',' || options.separator === ';' ? options.separator : detectSeparator(input);
  const sep = separator.charCodeAt(0);
  const rows: string[][] = [];
  const lines: number[] = [];
  const problems: CsvSyntaxProblem[] = [];
  const n = input.length;
  if (n === 0) return { rows, lines, separator, problems };

  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  for (;;) {
    let field: string;
    if (i < n && input.charCodeAt(i) === QUOTE) {
      const openLine = line;
      field = '';
      let j = i + 1;
      for (;;) {
        const q = input.indexOf('"', j);
        if (q === -1) {
          field += input.slice(j);
          line += countLineBreaks(input, j, n);
          i = n;
          problems.push({
            row: rows.length + 1,
            line: openLine,
            message: {
              fr: 'Guillemet ouvrant sans guillemet fermant : le champ va jusqu’à la fin du fichier.',
              en: 'Opening quote without a closing quote: the field runs to the end of the file.',
            },
            severity: 'error',
          });
          break;
        }
        field += input.slice(j, q);
        line += countLineBreaks(input, j, q);
        if (input.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (i < n) {
        const c = input.charCodeAt(i);
        if (c !== sep && c !== CR && c !== LF) {
          // Text after the closing quote: kept, as spreadsheets do.
          let j = i;
          while (j < n) {
            const d = input.charCodeAt(j);
            if (d === sep || d === CR || d === LF) break;
            j++;
          }
          field += input.slice(i, j);
          i = j;
          problems.push({
            row: rows.length + 1,
            line,
            message: {
              fr: 'Texte après un guillemet fermant : il est ajouté au champ.',
              en: 'Text after a closing quote: it is appended to the field.',
            },
            severity: 'warning',
          });
        }
      }
    } else {
      let j = i;
      while (j < n) {
        const c = input.charCodeAt(j);
        if (c === sep || c === CR || c === LF) break;
        j++;
      }
      field = input.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      lines.push(rowLine);
      break;
    }
    const c = input.charCodeAt(i);
    if (c === sep) {
      i++;
      continue;
    }
    // A line break ends the record.
    i += c === CR && input.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rows.push(row);
    lines.push(rowLine);
    row = [];
    rowLine = line;
    if (i >= n) break;
  }
  return { rows, lines, separator, problems };
}

/** Characters that make a spreadsheet read a cell as a formula (ASCII and full-width). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain number (`-12`, `+3.5`, `-0,75`) is left alone: it is data, not a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * True when a spreadsheet would run `value` as a formula: it starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return (or their full-width forms) and is
 * not a plain number. The writer prefixes such cells with `'`; the reader
 * keeps the `'` (it cannot tell it from data), so only such cells change in a
 * round trip.
 */
export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value);
}

/** Formats one field: formula-neutralised if asked, quoted when needed. */
export function formatCsvField(value: string, options: CsvWriteOptions = {}, alone = false): string {
  const text = options.escapeFormulas !== false && isFormulaLike(value) ? `'${value}` : value;
  // Both separators are quoted whatever the one in use, so separator detection stays reliable.
  const needsQuotes =
    /[",;\r\n]/.test(text) ||
    text.startsWith(BOM) ||
    (alone && text === '');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes records as CSV. A record of one empty field is written `""` so it
 * stays a record; a record of no field is written as an empty line (read back
 * as one empty field).
 */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const separator = options.separator ?? ',';
  const newline = options.newline ?? '\r\n';
  const out: string[] = [];
  for (const row of rows) {
    const alone = row.length === 1;
    out.push(row.map((field) => formatCsvField(field, options, alone)).join(separator));
  }
  const body = out.length > 0 ? out.join(newline) + newline : '';
  return options.bom === false ? body : BOM + body;
}
