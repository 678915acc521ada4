import type { FigureQualifier } from '@cnr-widgets/sdk';
import type { Locale } from './locale.js';
import { plural } from './plural.js';

/**
 * Number and euro formatting in French and English, through `Intl` only, so
 * that every widget writes « 2,9 M€ », « 2 900 000 euros » and « plus de
 * 1 100 » the same way.
 */

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
  const number = numberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
  return `${number} ${plural(amount, locale, 'euro', 'euros')}`;
}

/** A count with the locale's digit grouping: « 1 100 », « 1,100 ». */
export function formatCount(n: number, locale: Locale): string {
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
