/** The English texts of i18n/states.ts (in a chunk of their own on the CDN build, loaded for English pages only). */
export const messages = {
  loading: 'Loading data…',
  error: 'The data could not be loaded.',
  retry: 'Try again',
  retryLoad: 'Try again to load',
  stale: 'This data may be out of date: the last refresh failed.',
} as const;

/** What each data element loads, after « Try again to load » (i18n/states.ts `retryLabel`). */
export const subjects = { data: 'the data', projects: 'the projects', project: 'the project', axes: 'the axes', funding: 'the funding', figures: 'the key figures', map: 'the map' } as const;
