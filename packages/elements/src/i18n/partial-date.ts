import { formatDate } from './format.js';
import type { Locale } from './locale.js';

const QUARTER = /^(\d{4})-Q([1-4])$/;

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
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return formatDate(new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1)), locale, options);
}
