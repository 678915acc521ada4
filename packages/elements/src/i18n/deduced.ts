import type { Messages } from './locale.js';

/** The texts of the « déduit » mark (base/deduced.ts). */
export const messages: Messages<'deduced' | 'why' | 'fields'> = {
  fr: { deduced: 'déduit', why: 'Pourquoi «\u00a0déduit\u00a0»\u202f: ', fields: 'déduit\u202f: ' },
  en: { deduced: 'deduced', why: 'Why "deduced": ', fields: 'deduced: ' },
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
  en: {
    territories: 'territories',
    territory: 'territory',
    date: 'date',
    publisher: 'publisher',
    funder: 'funder',
    envelope: 'envelope',
    phase: 'phase',
    porteurs: 'leads',
    status: 'status',
    year: 'year',
    amount: 'amount',
    projects: 'projects',
  },
};
