import type { Locale } from './locale.js';

/** U+202F, before `:`, `;`, `!`, `?` in French. */
const NARROW_NBSP = '\u202f';
/** U+00A0, inside « ». */
const NBSP = '\u00a0';

/**
 * French typography, in one place (the French message tables are written
 * typeset, and a test checks each against this): a narrow no-break space before `:`, `;`,
 * `!` and `?` (where the text has a space, or none before a closing `!`/`?`
 * after a word would be wrong to add — only spaces are replaced), and a
 * no-break space inside « ». English text is left alone.
 */
export function typeset(text: string, locale: Locale = 'fr'): string {
  if (locale !== 'fr') return text;
  return text
    .replace(/[ \u00a0\u202f]+([:;!?])/g, `${NARROW_NBSP}$1`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`);
}

/** The colon between a label and its value: « Territoire : Vosges », "Territory: Vosges". */
export function colon(locale: Locale): string {
  return locale === 'fr' ? `${NARROW_NBSP}: ` : ': ';
}

/** A value between « », with no-break spaces in French (the English texts keep the guillemets they had). */
export function quote(text: string, locale: Locale): string {
  return locale === 'fr' ? `«${NBSP}${text}${NBSP}»` : `« ${text} »`;
}
