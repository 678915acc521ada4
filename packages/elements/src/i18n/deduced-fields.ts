import type { Locale, Messages } from './locale.js';
import * as en from './en/deduced-fields.js';

/** Field names of the data model as a visitor reads them (the card's « déduit : territoire, date »). */
export const FIELD_NAMES: Messages<string> = {
  fr: {
    territories: 'territoires',
    territory: 'territoire',
    date: 'date',
    publisher: 'éditeur',
    funder: 'financeur',
    envelope: 'enveloppe',
    phase: 'phase',
    porteurs: 'porteurs',
    status: 'statut',
    year: 'année',
    amount: 'montant',
    projects: 'projets',
  },
  en: en.FIELD_NAMES,
};

/** The deduced fields in words (« territoires, date »); unknown field names are shown as they are. */
export function deducedFieldsText(fields: readonly string[], locale: Locale): string {
  return fields.map((field) => FIELD_NAMES[locale][field] ?? field).join(', ');
}
