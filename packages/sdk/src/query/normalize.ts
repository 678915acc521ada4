/**
 * French text normalization for search and funder matching, and the shared
 * collator for sorting. Pure, locale-independent, same output in Node and
 * browsers (only ECMAScript `String.prototype.normalize` / `toLowerCase`).
 */

let collator: Intl.Collator | undefined;

/**
 * The single `Intl.Collator('fr', { sensitivity: 'base', numeric: true })`
 * every sort of the query engine uses (created on first use).
 */
export function frenchCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator('fr', { sensitivity: 'base', numeric: true }));
}

/*
 * The collator's order without the collator. Creating the first
 * `Intl.Collator` costs 8–16 ms in Chromium (its ICU data), on the critical
 * path of a list's first paint (the title sort) and of a counter's funders.
 * For the characters of French titles and names, the collator's order at base
 * strength is plain: whitespace, then punctuation and symbols in a fixed order,
 * then digit runs by numeric value (leading zeros ignored), then letters with
 * case and accents ignored (`œ` = `oe`, `æ` = `ae`, `ß` = `ss`). A text made of
 * those characters gets a key whose code-unit order is the collator's; any
 * other character (another script, a combining mark…) sends the comparison to
 * the collator. normalize.test.ts holds the two to the same sign on random
 * texts of those characters and others.
 */

/** Whitespace, punctuation and symbols in the collator's primary order; characters of one group are equal. */
const PUNCTUATION_ORDER = [
  '\t',
  ' \u00a0\u202f',
  '_',
  '-',
  '\u2013',
  '\u2014',
  ',',
  ';',
  ':',
  '!',
  '?',
  '.',
  "'\u2019",
  '"',
  '\u00ab',
  '\u00bb',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '@',
  '*',
  '/',
  '\\',
  '&',
  '#',
  '%',
  '`',
  '^',
  '+',
  '<',
  '=',
  '>',
  '|',
  '~',
  '$',
  '\u20ac',
];
/** Accented Latin letters, each after its base letter (`àâä` → `a`); the ligatures apart. */
const ACCENTED = 'aàâäáãåcçeéèêëiîïíìnñoôöóòõuùûüúyÿý';
const LIGATURE_KEYS: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Per UTF-16 code unit below 0x2100: its key (one unit, or a ligature's two), or undefined. */
let keyTable: (string | undefined)[] | undefined;
const DIGIT_RUN = 0x100;
const LETTER_BASE = 0x300;

function buildKeyTable(): (string | undefined)[] {
  const table = new Array<string | undefined>(0x2100);
  PUNCTUATION_ORDER.forEach((group, rank) => {
    for (const ch of group) table[ch.charCodeAt(0)] = String.fromCharCode(1 + rank);
  });
  for (let c = 97; c <= 122; c++) {
    const key = String.fromCharCode(LETTER_BASE + c - 97);
    table[c] = key;
    table[c - 32] = key;
  }
  let base = 'a';
  for (const ch of ACCENTED) {
    if (ch.charCodeAt(0) < 128) {
      base = ch;
      continue;
    }
    table[ch.charCodeAt(0)] = table[base.charCodeAt(0)];
    table[ch.toUpperCase().charCodeAt(0)] = table[base.charCodeAt(0)];
  }
  for (const [ligature, letters] of Object.entries(LIGATURE_KEYS)) {
    const key = table[letters.charCodeAt(0)]! + table[letters.charCodeAt(1)]!;
    table[ligature.charCodeAt(0)] = key;
    if (ligature !== 'ß') table[ligature.toUpperCase().charCodeAt(0)] = key;
  }
  return table;
}

/**
 * A key whose code-unit order (`<`, `===`) is the order of
 * {@link frenchCollator} (base strength, numeric), or undefined when `text`
 * holds a character outside the plain set above (compare with the collator).
 */
export function frenchSortKey(text: string): string | undefined {
  const table = (keyTable ??= buildKeyTable());
  let key = '';
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // A digit run: its length without leading zeros, then its digits (a longer number is larger).
      let start = i;
      while (start < n && text.charCodeAt(start) === 48) start++;
      let end = start;
      while (end < n && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      if (end - start > 200) return undefined;
      key += String.fromCharCode(DIGIT_RUN, DIGIT_RUN + 1 + (end - start)) + text.slice(start, end);
      i = end - 1;
      continue;
    }
    const mapped = c < table.length ? table[c] : undefined;
    if (mapped === undefined) return undefined;
    key += mapped;
  }
  return key;
}

/** `frenchCollator().compare(a, b)`, without creating the collator when both texts have a {@link frenchSortKey}. */
export function compareFrench(a: string, b: string): number {
  const x = frenchSortKey(a);
  const y = frenchSortKey(b);
  if (x === undefined || y === undefined) return frenchCollator().compare(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const LIGATURE_RE = /[œæß]/g;

/** Folds one non-ASCII character (or surrogate pair); `' '` stands for a separator. */
function foldSlow(ch: string): string {
  return ch
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(LIGATURE_RE, (l) => LIGATURES[l] ?? l)
    .replace(SEPARATORS, ' ');
}

/** Per ASCII code: its lowercase form when a letter or digit, 0 for a separator. */
let asciiTable: Uint8Array | undefined;
/** Folded form of each code point below `TABLE_SIZE` (Latin, Greek, Cyrillic, punctuation…), filled on demand. */
let foldTable: (string | null)[] | undefined;
const TABLE_SIZE = 0x3000;
/** Folded form of rarer code points; bounded so hostile input cannot grow it without limit. */
const foldCache = new Map<number, string>();
const FOLD_CACHE_MAX = 50_000;

function tables(): void {
  if (!asciiTable || !foldTable) {
    asciiTable = new Uint8Array(128);
    for (let c = 0; c < 128; c++) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) asciiTable[c] = c;
      else if (c >= 65 && c <= 90) asciiTable[c] = c + 32;
    }
    foldTable = new Array<string | null>(TABLE_SIZE).fill(null);
  }
}

function foldCodePoint(codePoint: number, table: (string | null)[]): string {
  if (codePoint < TABLE_SIZE) {
    const cached = table[codePoint];
    if (cached !== null && cached !== undefined) return cached;
    const folded = foldSlow(String.fromCharCode(codePoint));
    table[codePoint] = folded;
    return folded;
  }
  let folded = foldCache.get(codePoint);
  if (folded === undefined) {
    folded = foldSlow(String.fromCodePoint(codePoint));
    if (foldCache.size < FOLD_CACHE_MAX) foldCache.set(codePoint, folded);
  }
  return folded;
}

/** Output buffer reused across calls (normalization is synchronous, never re-entered). */
let shared = new Uint16Array(0);
const SHARED_MAX = 1 << 20;
let decoder: TextDecoder | undefined;

function decode(buffer: Uint16Array, length: number): string {
  if (typeof TextDecoder === 'function') {
    decoder ??= new TextDecoder('utf-16le');
    return decoder.decode(buffer.subarray(0, length));
  }
  let out = '';
  for (let k = 0; k < length; k += 8192) {
    out += String.fromCharCode(...buffer.subarray(k, Math.min(length, k + 8192)));
  }
  return out;
}

/**
 * Normalizes text for matching: lowercase, compatibility decomposition (NFKD)
 * with every combining mark removed (`é` → `e`), ligatures folded (`œ` → `oe`,
 * `æ` → `ae`, `ß` → `ss`), and every run of characters that are neither
 * letters nor digits (punctuation, apostrophes, hyphens, whitespace) collapsed
 * to one space, trimmed. Lowercasing is per character (context-free).
 *
 * `normalizeText("Main-d'Œuvre à Épinal")` → `"main d oeuvre a epinal"`.
 *
 * Table-driven: each
 * code point is folded once and cached; the result is written to a reused
 * buffer and decoded once, so indexing 10 000 projects creates little garbage.
 */
export function normalizeText(input: string): string {
  if (!asciiTable) tables();
  const ascii = asciiTable!;
  const table = foldTable!;
  const s = String(input);
  const n = s.length;
  let buffer = shared;
  if (buffer.length < 2 * n + 16) {
    buffer = new Uint16Array(2 * n + 16);
    if (buffer.length <= SHARED_MAX) shared = buffer;
  }
  let length = 0;
  let pendingSpace = false;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i++);
    if (c < 128) {
      const mapped = ascii[c]!;
      if (mapped === 0) {
        pendingSpace = true;
      } else {
        if (pendingSpace) {
          if (length > 0) buffer[length++] = 32;
          pendingSpace = false;
        }
        buffer[length++] = mapped;
      }
      continue;
    }
    let codePoint = c;
    if (c >= 0xd800 && c <= 0xdbff && i < n) {
      const low = s.charCodeAt(i);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const folded = foldCodePoint(codePoint, table);
    if (folded.length === 0) continue;
    // One character may fold to several: make room (ASCII needs at most 2 per character).
    const needed = length + folded.length + 2 * (n - i) + 2;
    if (needed > buffer.length) {
      const grown = new Uint16Array(2 * needed);
      grown.set(buffer.subarray(0, length));
      buffer = grown;
      if (buffer.length <= SHARED_MAX) shared = buffer;
    }
    for (let k = 0; k < folded.length; k++) {
      const d = folded.charCodeAt(k);
      if (d === 32) {
        pendingSpace = true;
      } else {
        if (pendingSpace) {
          if (length > 0) buffer[length++] = 32;
          pendingSpace = false;
        }
        buffer[length++] = d;
      }
    }
  }
  return decode(buffer, length);
}

/**
 * The search words of a query: normalized, split on separators, de-duplicated,
 * and with any word contained in a longer one dropped (it adds no constraint
 * under substring matching).
 */
export function tokenize(query: string): string[] {
  const words = [...new Set(normalizeText(query).split(' ').filter((w) => w.length > 0))];
  // Pruning is quadratic: skip it for absurdly long queries (the result is the same).
  if (words.length > 64) return words.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return words
    .filter((w) => !words.some((other) => other !== w && other.includes(w)))
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Text match rule: every query word must occur in the normalized text as a
 * **substring** (so `prevention` finds `Prévention`, `oeuvre` finds
 * `main-d'œuvre`, and `diab` finds `diabète`). Words never span a separator.
 */
export function matchesTokens(normalizedText: string, tokens: readonly string[]): boolean {
  for (const token of tokens) if (!normalizedText.includes(token)) return false;
  return true;
}
