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
 * Items joined the locale's way (« a, b et c »), each of them isolated: the
 * separators are ours, the items may be data.
 */
export function isolatedList(items: readonly string[], locale: Locale): (string | TemplateResult)[] {
  const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(items);
  let next = 0;
  return parts.map((part) => (part.type === 'element' ? isolate(items[next++] ?? part.value) : part.value));
}
