import type { Locale } from './locale.js';

const rules = new Map<Locale, Intl.PluralRules>();

/** Whether `n` takes the singular in `locale` (CLDR plural rules: French 0 and 1, English 1), through a cached `Intl.PluralRules`. */
export function isOne(n: number, locale: Locale): boolean {
  // Whole numbers without Intl (its first PluralRules costs a few ms on the first paint): French
  // « one » is 0 and 1 (and their negatives), English 1 and -1.
  if (Number.isSafeInteger(n)) return locale === 'fr' ? n === 0 || n === 1 || n === -1 : n === 1 || n === -1;
  let rule = rules.get(locale);
  if (rule === undefined) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule.select(n) === 'one';
}

/** `one` or `other` after `n`: « 1 projet », « 2 projets ». */
export function plural(n: number, locale: Locale, one: string, other: string): string {
  return isOne(n, locale) ? one : other;
}
