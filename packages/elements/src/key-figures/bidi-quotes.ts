import { html, type TemplateResult } from 'lit';
import { isolate } from '../base/bidi.js';
import type { Locale } from '../i18n/locale.js';

/*
 * Bidi-isolated data in our sentences (base/bidi.ts) that only the key
 * figures use: in their chunk, not in core.
 */

/** A value of the data between « », isolated from them (no-break spaces inside in French). */
export function quoteData(value: string, locale: Locale): TemplateResult {
  return locale === 'fr' ? html`«\u00a0<bdi>${value}</bdi>\u00a0»` : html`« <bdi>${value}</bdi> »`;
}

/**
 * The separators `Intl.ListFormat(locale, { type: 'conjunction' })` puts
 * between `count` items (« a, b et c », « a, b, and c »), written by plain
 * code: creating the first `Intl.ListFormat` costs 5–15 ms in Chromium, on the
 * key figures' first paint. bidi-quotes.test.ts compares them with Intl's.
 */
export function conjunctionSeparators(count: number, locale: Locale): string[] {
  const separators: string[] = [];
  for (let k = 1; k < count; k++) {
    const last = k === count - 1;
    separators.push(!last ? ', ' : locale === 'fr' ? ' et ' : count === 2 ? ' and ' : ', and ');
  }
  return separators;
}

/**
 * Items joined the locale's way (« a, b et c »), each of them isolated: the
 * separators are ours, the items may be data.
 */
export function isolatedList(items: readonly string[], locale: Locale): (string | TemplateResult)[] {
  const separators = conjunctionSeparators(items.length, locale);
  return items.flatMap((item, k) => (k === 0 ? [isolate(item)] : [separators[k - 1]!, isolate(item)]));
}
