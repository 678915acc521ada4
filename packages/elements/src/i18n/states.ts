import type { Locale } from './locale.js';
import type { Messages } from './locale.js';
import * as en from './en/states.js';

/**
 * The texts of the states every data widget shares (base/states.ts); the
 * failure path's details (the fault, the records left out) are in failures.ts.
 */
export const messages: Messages<'loading' | 'error' | 'retry' | 'retryLoad' | 'stale'> = {
  fr: {
    loading: 'Chargement des données…',
    error: 'Les données n’ont pas pu être chargées.',
    retry: 'Réessayer',
    retryLoad: 'Réessayer le chargement',
    stale: 'Ces données peuvent ne pas être à jour\u202f: la dernière actualisation a échoué.',
  },
  en: en.messages,
};

/** What a widget loads, to name its « Réessayer » button and its failure (`loadSubject` of a data element). */
export type LoadSubject = 'data' | 'projects' | 'project' | 'axes' | 'funding' | 'figures' | 'map';

/** What each data element loads, in the accessible name of its « Réessayer » button (`retryLabel`). */
export const subjects: Record<Locale, Record<LoadSubject, string>> = {
  fr: { data: 'des données', projects: 'des projets', project: 'du projet', axes: 'des axes', funding: 'des financements', figures: 'des chiffres clés', map: 'de la carte' },
  en: en.subjects,
};

/**
 * The accessible name of a « Réessayer » button: the visible word first
 * (WCAG 2.5.3, label in name), then what it loads again — « Réessayer le
 * chargement des projets » — so that the buttons of one page are told apart.
 */
export function retryLabel(locale: Locale, subject: LoadSubject): string {
  return `${messages[locale].retryLoad} ${subjects[locale][subject]}`;
}
