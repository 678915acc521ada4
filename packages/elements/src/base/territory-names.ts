import { describeTerritoryId } from '@cnr-widgets/sdk';
import type { Territory } from '@cnr-widgets/sdk';
import type { Locale } from '../i18n/locale.js';

/**
 * A territory id in words, for when its name is not known: `commune:49007` →
 * « commune 49007 », `departement:44` → « département 44 ». From the SDK.
 */
export { describeTerritoryId } from '@cnr-widgets/sdk';

/** The name of the territory `id` in `territories`, or its id in words ({@link describeTerritoryId}). */
export function territoryLabel(id: string, territories: ReadonlyMap<string, Pick<Territory, 'name'>> | undefined, lang: Locale): string {
  const name = territories?.get(id)?.name;
  // The SDK names a commune it places from its INSEE code in French (« commune 49007 »): say it in the page's language.
  return name === undefined || name === describeTerritoryId(id, 'fr') ? describeTerritoryId(id, lang) : name;
}
