/** The English texts of i18n/states.ts (in a chunk of their own on the CDN build, loaded for English pages only). */
export const messages = {
  loading: 'Loading data…',
  error: 'The data could not be loaded.',
  retry: 'Try again',
  stale: 'This data may be out of date: the last refresh failed.',
} as const;
