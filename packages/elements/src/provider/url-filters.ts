import type { ProjectFilters } from '@cnr-widgets/sdk';
import { filtersFromAttributes, filtersKey } from '../base/filters.js';

/*
 * The provider's `sync-url` (the filters in the page's query string): only the
 * provider uses it, so it travels in the provider's chunk, not in core.
 */

/** Whether two sets of filters are the same once normalized. */
export function sameFilters(a: ProjectFilters, b: ProjectFilters): boolean {
  return filtersKey(a) === filtersKey(b);
}

/** The query-string parameters a provider with `sync-url` owns. */
const URL_KEYS = {
  territory: 'cnr-territoire',
  axes: 'cnr-axe',
  statuses: 'cnr-statut',
  thematique: 'cnr-thematique',
  q: 'cnr-q',
} as const;

/** Writes the filters into a copy of `url`'s query string, leaving the page's other parameters alone. */
export function filtersToUrl(filters: ProjectFilters, url: URL): URL {
  const next = new URL(url.href);
  for (const key of Object.values(URL_KEYS)) next.searchParams.delete(key);
  if (filters.territory) next.searchParams.set(URL_KEYS.territory, filters.territory);
  if (filters.axes?.length) next.searchParams.set(URL_KEYS.axes, filters.axes.join(','));
  if (filters.statuses?.length) next.searchParams.set(URL_KEYS.statuses, filters.statuses.join(','));
  if (filters.thematique && filters.thematique !== 'sante') next.searchParams.set(URL_KEYS.thematique, filters.thematique);
  if (filters.q) next.searchParams.set(URL_KEYS.q, filters.q);
  return next;
}

/** Reads the filters a `sync-url` provider wrote; undefined when the URL holds none. */
export function filtersFromUrl(url: URL): ProjectFilters | undefined {
  const params = url.searchParams;
  if (!Object.values(URL_KEYS).some((key) => params.has(key))) return undefined;
  return filtersFromAttributes({
    territory: params.get(URL_KEYS.territory),
    axis: params.get(URL_KEYS.axes),
    status: params.get(URL_KEYS.statuses),
    thematique: params.get(URL_KEYS.thematique),
    q: params.get(URL_KEYS.q),
  });
}
