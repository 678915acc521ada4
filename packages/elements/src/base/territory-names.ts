import type { Territory } from '@cnr-widgets/sdk';
import type { Locale } from './locale.js';

// TODO(merge issue 12): the SDK exports `describeTerritoryId(id, lang)`; once it
// has landed, re-export it here (`export { describeTerritoryId } from '@cnr-widgets/sdk'`)
// and drop this copy. Every widget imports it from this module.

const kindWords: Record<Locale, Record<string, string>> = {
  fr: {
    pays: 'pays',
    region: 'région',
    departement: 'département',
    tds: 'territoire de démocratie sanitaire',
    epci: 'EPCI',
    commune: 'commune',
  },
  en: {
    pays: 'country',
    region: 'region',
    departement: 'department',
    tds: 'health democracy territory',
    epci: 'EPCI',
    commune: 'commune',
  },
};

/**
 * A territory id in words, for when its name is not known: `commune:49007` →
 * « commune 49007 », `departement:44` → « département 44 ». A bare code or an
 * unknown kind stays as written (never a `kind:` prefix shown to a visitor).
 */
export function describeTerritoryId(id: string, lang: Locale): string {
  const value = id.trim();
  const colon = value.indexOf(':');
  if (colon <= 0) return value;
  const kind = value.slice(0, colon).toLowerCase();
  const code = value.slice(colon + 1);
  const words = kindWords[lang][kind];
  return words === undefined ? code : `${words} ${code}`;
}

/** The name of the territory `id` in `territories`, or its id in words ({@link describeTerritoryId}). */
export function territoryLabel(id: string, territories: ReadonlyMap<string, Pick<Territory, 'name'>> | undefined, lang: Locale): string {
  return territories?.get(id)?.name ?? describeTerritoryId(id, lang);
}
