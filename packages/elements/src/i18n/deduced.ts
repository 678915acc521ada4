import type { Messages } from './locale.js';
import * as en from './en/deduced.js';

/** The texts of the « déduit » mark (base/deduced.ts). */
export const messages: Messages<'deduced' | 'why' | 'fields'> = {
  fr: { deduced: 'déduit', why: 'Pourquoi «\u00a0déduit\u00a0»\u202f: ', fields: 'déduit\u202f: ' },
  en: en.messages,
};

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
