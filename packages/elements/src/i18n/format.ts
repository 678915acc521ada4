import type { FigureQualifier } from '@cnr-widgets/sdk';
import type { Locale } from './locale.js';
import { plural } from './plural.js';

/**
 * Number and euro formatting in French and English, so that every widget
 * writes « 2,9 M€ », « 2 900 000 euros » and « plus de 1 100 » the same way.
 *
 * Whole numbers (safe integers) are written without `Intl`: creating the first
 * `Intl.NumberFormat` of a page costs about 10 ms (its locale data), on the
 * critical path of the first paint (issue 14). The output is the same as
 * `Intl`'s, character for character (i18n.test.ts compares them over many
 * integers, in each browser). Everything else (fractions, -0, huge values) goes
 * through cached `Intl` formatters, created on first use.
 */

/** The group separator: a narrow no-break space (U+202F) in French, a comma in English. */
const GROUP: Record<Locale, string> = { fr: '\u202f', en: ',' };

/**
 * The digits of a whole, non-negative number grouped by three, as `Intl.NumberFormat` writes them
 * (French and English group from 1 000 on: their minimum grouping digits is 1).
 */
function grouped(digits: string, locale: Locale): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += GROUP[locale] + digits.slice(i, i + 3);
  return out;
}

/** Whether `n` can be written without `Intl`: a safe integer, not -0. */
const whole = (n: number): boolean => Number.isSafeInteger(n) && !Object.is(n, -0);

/** `-1 234` / `-1,234`: a whole number with its sign and groups. */
function formatWhole(n: number, locale: Locale): string {
  return (n < 0 ? '-' : '') + grouped(String(Math.abs(n)), locale);
}

/** Compact units from 10³ to 10¹² (CLDR short forms). */
const COMPACT_UNITS: Record<Locale, readonly string[]> = { fr: ['', 'k', 'M', 'Md', 'Bn'], en: ['', 'K', 'M', 'B', 'T'] };
const DECIMAL: Record<Locale, string> = { fr: ',', en: '.' };

/**
 * A whole number in compact notation with at most one decimal, as `Intl.NumberFormat`'s
 * `{ notation: 'compact', maximumFractionDigits: 1 }` splits it: the number (« 2,9 ») and the unit
 * (« M »). Undefined beyond 10¹⁵ (where `Intl` starts grouping the number).
 */
function compactWhole(n: number, locale: Locale, roundDown: boolean): { number: string; unit: string } | undefined {
  const abs = Math.abs(n);
  if (abs >= 1e15) return undefined;
  const sign = n < 0 ? '-' : '';
  if (abs < 1000) return { number: sign + String(abs), unit: '' };
  let power = Math.floor((String(abs).length - 1) / 3); // 1: thousands, 2: millions…
  // Tenths of the unit, rounded half away from zero (Intl's default) or towards zero: exact in integers.
  let tenths = Math.floor(abs / 10 ** (3 * power - 1));
  const rest = abs % 10 ** (3 * power - 1);
  if (!roundDown && rest * 2 >= 10 ** (3 * power - 1)) tenths += 1;
  if (tenths >= 10_000 && power < 4) {
    // 999 950 → 1 000,0 k → « 1 M »: the next unit (exact: only 10 000 tenths can reach here).
    power += 1;
    tenths = 10;
  }
  const integer = Math.floor(tenths / 10);
  const decimal = tenths % 10;
  return { number: `${sign}${integer}${decimal ? DECIMAL[locale] + decimal : ''}`, unit: COMPACT_UNITS[locale][power]! };
}

/** The `Intl` formatters made so far, one per kind, locale and options: created when first used, then reused. */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(kind: string, locale: Locale, options: object, create: () => F): F {
  const key = kind + locale + JSON.stringify(options);
  let format = formats.get(key) as F | undefined;
  if (format === undefined) {
    format = create();
    formats.set(key, format);
  }
  return format;
}

/** A cached `Intl.NumberFormat`. */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
}

/** A date with a cached `Intl.DateTimeFormat`. */
export function formatDate(date: Date, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  return cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(date);
}

/** « A, B et C », "A, B and C", with a cached `Intl.ListFormat`. */
export function formatList(items: readonly string[], locale: Locale): string {
  const options = { type: 'conjunction' } as const;
  return cached('l', locale, options, () => new Intl.ListFormat(locale, options)).format(items);
}

/** Whole euros, rounded half away from zero: `2 900 001 €` / `€2,900,001` (a project card's amounts). */
export function formatWholeEuros(amount: number, locale: Locale): string {
  if (whole(amount)) return formatEuros(amount, locale);
  return numberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);
}

export interface EurosOptions {
  /** `2,9 M€` / `€2.9M` instead of `2 900 000 €` / `€2,900,000`. */
  compact?: boolean;
  /** Round towards zero, so a lower bound (« plus de ») is never overstated. */
  roundDown?: boolean;
}

/**
 * An amount of euros as people write it: `2,9 M€`, `950 €`, `1 M€` in French
 * (compact), `€2.9M` in English; `2 900 000 €` / `€2,900,000` in full.
 */
export function formatEuros(amount: number, locale: Locale, { compact = false, roundDown = false }: EurosOptions = {}): string {
  if (whole(amount)) {
    if (!compact) {
      const sign = amount < 0 ? '-' : '';
      const digits = grouped(String(Math.abs(amount)), locale);
      return locale === 'fr' ? `${sign}${digits}\u00a0€` : `${sign}€${digits}`;
    }
    const short = compactWhole(amount, locale, roundDown);
    if (short) return locale === 'fr' ? `${short.number}\u00a0${short.unit}€` : `€${short.number}${short.unit}`;
  }
  const rounding = roundDown ? ({ roundingMode: 'trunc' } as Intl.NumberFormatOptions) : {};
  if (!compact) {
    return numberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2, ...rounding }).format(amount);
  }
  const parts = numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1, ...rounding }).formatToParts(amount);
  const number = parts
    .filter((part) => part.type !== 'compact' && part.type !== 'literal')
    .map((part) => part.value)
    .join('');
  const unit = parts.find((part) => part.type === 'compact')?.value ?? '';
  // French writes the multiplier and the symbol together (« 2,9 M€ »), after a no-break space.
  return locale === 'fr' ? `${number}\u00a0${unit}€` : `€${number}${unit}`;
}

/** The full amount in words for assistive technologies: « 2 900 000 euros », « 1 euro ». */
export function formatEurosAccessible(amount: number, locale: Locale): string {
  const number = whole(amount) ? formatWhole(amount, locale) : numberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
  return `${number} ${plural(amount, locale, 'euro', 'euros')}`;
}

/** A count with the locale's digit grouping: « 1 100 », « 1,100 ». */
export function formatCount(n: number, locale: Locale): string {
  if (whole(n)) return formatWhole(n, locale);
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

const QUALIFIERS: Record<Locale, Record<FigureQualifier, string>> = {
  fr: { exact: '', 'plus-de': 'plus de', 'pres-de': 'près de', environ: 'environ' },
  en: { exact: '', 'plus-de': 'more than', 'pres-de': 'nearly', environ: 'about' },
};

/** The words before an approximate figure (« plus de », « more than »); empty when exact or unknown. */
export function qualifierText(qualifier: FigureQualifier | undefined, locale: Locale): string {
  return qualifier === undefined ? '' : QUALIFIERS[locale][qualifier] ?? '';
}

/**
 * The one qualifier of a total made of several stated figures: none when all
 * are exact, the shared one when they agree, `environ` when they differ.
 */
export function combineQualifiers(qualifiers: readonly (FigureQualifier | undefined)[]): FigureQualifier | undefined {
  const inexact = new Set(qualifiers.filter((q): q is FigureQualifier => q !== undefined && q !== 'exact'));
  if (inexact.size === 0) return undefined;
  return inexact.size === 1 ? [...inexact][0] : 'environ';
}
