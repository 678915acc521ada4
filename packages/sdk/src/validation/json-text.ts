/**
 * Reading JSON text with an error that says where it is wrong: line and
 * column, in French and English. No zod: the HTTP transport and the CLI use it.
 * Engines' `JSON.parse` messages differ (V8 no longer gives a position), so
 * on failure a small scanner finds the first fault itself.
 */
import { CnrDataError } from '../errors.js';
import type { LocalizedMessage } from './report.js';

/** Where JSON text first goes wrong. */
export interface JsonSyntaxFault {
  /** Offset in the text (UTF-16 units; the text's length when it ends too early). */
  offset: number;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** The character found there, `undefined` at the end of the text. */
  found: string | undefined;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** 1-based line and column of `offset` (a CRLF or a lone CR ends a line too). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * The first syntax fault of `text` as JSON (RFC 8259), or `undefined` when it
 * is valid JSON — exactly when `JSON.parse` accepts it (property-tested).
 * Iterative: deep nesting cannot overflow the stack.
 */
export function findJsonSyntaxFault(text: string): JsonSyntaxFault | undefined {
  let i = 0;
  const n = text.length;
  const stack: ('array' | 'object')[] = [];
  const fault = (at: number): JsonSyntaxFault => ({ offset: at, ...lineAndColumn(text, at), found: at < n ? text[at] : undefined });
  const skip = () => {
    while (i < n && WHITESPACE.has(text[i]!)) i++;
  };
  /** Scans a string starting at `i` (a quote); returns false at a fault, `i` on it. */
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return true;
      }
      if (c.charCodeAt(0) < 0x20) return false;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX.test(text.slice(i + 2, i + 6))) {
            i += 1;
            return false;
          }
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) {
          i += 2;
        } else {
          i += 1;
          return false;
        }
        continue;
      }
      i++;
    }
    return false;
  };
  /** After `{` or `,` in an object: a key and a colon. */
  const key = (): boolean => {
    skip();
    if (text[i] !== '"' || !string()) return false;
    skip();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  for (;;) {
    // A value.
    skip();
    const c = text[i];
    let opened = false;
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') i++;
      else {
        stack.push('object');
        if (!key()) return fault(i);
        opened = true;
      }
    } else if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') i++;
      else {
        stack.push('array');
        opened = true;
      }
    } else if (c === '"') {
      if (!string()) return fault(i);
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match || match[0] === '-') return fault(i + (match?.[0].length ?? 0));
      i += match[0].length;
    } else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else return fault(i);
    if (opened) continue;

    // After a value: close containers, or a comma and the next value.
    for (;;) {
      skip();
      const top = stack.at(-1);
      if (top === undefined) return i < n ? fault(i) : undefined;
      const d = text[i];
      if (d === ',') {
        i++;
        if (top === 'object' && !key()) return fault(i);
        break;
      }
      if ((top === 'array' && d === ']') || (top === 'object' && d === '}')) {
        i++;
        stack.pop();
        continue;
      }
      return fault(i);
    }
  }
}

/** The words of a fault: « caractère inattendu « < », ligne 1, colonne 1 ». */
export function describeJsonFault(fault: JsonSyntaxFault): LocalizedMessage {
  const where = { fr: `ligne ${fault.line}, colonne ${fault.column}`, en: `line ${fault.line}, column ${fault.column}` };
  if (fault.found === undefined) {
    return { fr: `le texte s’arrête avant la fin (${where.fr})`, en: `the text ends too early (${where.en})` };
  }
  const shown = JSON.stringify(fault.found).slice(1, -1);
  const html = fault.found === '<' ? { fr: ' — une page HTML ?', en: ' — an HTML page?' } : { fr: '', en: '' };
  return {
    fr: `caractère inattendu « ${shown} », ${where.fr}${html.fr}`,
    en: `unexpected character "${shown}" at ${where.en}${html.en}`,
  };
}

/**
 * Parses JSON text (a leading byte order mark allowed). Invalid JSON throws a
 * {@link CnrDataError} with code `unreadable`, `url`, `line` and `column`:
 * « Le fichier de données « … » est illisible (JSON invalide) : caractère inattendu « < », ligne 1, colonne 1 — une page HTML ? »
 */
export function parseJsonText(text: string, url?: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (cause) {
    throw unreadableJsonError(body, url, cause);
  }
}

/** The {@link CnrDataError} `unreadable` for JSON text that `JSON.parse` refused (see {@link parseJsonText}). */
export function unreadableJsonError(text: string, url: string | undefined, cause?: unknown): CnrDataError {
  const fault = findJsonSyntaxFault(text) ?? { offset: 0, line: 1, column: 1, found: text[0] };
  const what = describeJsonFault(fault);
  const named = url === undefined ? { fr: '', en: '' } : { fr: ` « ${url} »`, en: ` "${url}"` };
  return new CnrDataError({
    code: 'unreadable',
    message: `Le fichier de données${named.fr} est illisible (JSON invalide) : ${what.fr}. / The data file${named.en} is unreadable (invalid JSON): ${what.en}.`,
    ...(url === undefined ? {} : { url }),
    line: fault.line,
    column: fault.column,
    cause,
  });
}
