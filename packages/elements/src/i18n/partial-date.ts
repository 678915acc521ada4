import { formatDate } from './format.js';
import type { Locale } from './locale.js';

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Month names as `Intl.DateTimeFormat` writes them with `month: 'long'` (French in lower case). */
const MONTHS: Record<Locale, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A date as precise as the data states it: `2023`, `2023-12`, `2023-12-05`,
 * or a quarter `2024-Q1` (« 1er trimestre 2024 », "Q1 2024").
 */
export function formatPartialDate(date: string, locale: Locale): string {
  const quarter = QUARTER.exec(date);
  if (quarter) {
    const [, year, q] = quarter;
    if (locale === 'en') return `Q${q} ${year}`;
    return `${q === '1' ? '1er' : `${q}e`} trimestre ${year}`;
  }
  const [year, month, day] = date.split('-').map(Number);
  // Years 1000–9999 without Intl (its first DateTimeFormat is costly on the first paint): the same text as Intl's.
  if (Number.isInteger(year) && year! >= 1000 && year! <= 9999 && (!month || (month >= 1 && month <= 12))) {
    const monthName = month ? MONTHS[locale][month - 1]! : '';
    if (!month) return String(year);
    if (!day) return `${monthName} ${year}`;
    if (Number.isInteger(day) && day >= 1 && day <= new Date(Date.UTC(year!, month, 0)).getUTCDate()) return locale === 'fr' ? `${day} ${monthName} ${year}` : `${monthName} ${day}, ${year}`;
  }
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return formatDate(new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1)), locale, options);
}
