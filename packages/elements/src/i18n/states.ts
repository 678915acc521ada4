import type { Locale } from './locale.js';
import { plural } from './plural.js';
import type { Messages } from './locale.js';
import * as en from './en/states.js';

/** The texts of the states every data widget shares (base/states.ts). */
export const messages: Messages<'loading' | 'error' | 'network' | 'notFound' | 'unreadable' | 'notDataset' | 'file' | 'at' | 'retry' | 'stale' | 'problems' | 'problem'> = {
  fr: {
    loading: 'Chargement des données…',
    error: 'Les données n’ont pas pu être chargées.',
    network: 'Le serveur de données ne répond pas ou a refusé la demande.',
    notFound: 'Rien à cette adresse (erreur 404)\u202f: vérifiez l’URL des données.',
    unreadable: 'Le fichier de données est illisible\u202f: ce n’est pas du JSON valide.',
    notDataset: 'Le fichier de données est illisible\u202f: ce n’est pas un jeu de données CNR.',
    file: 'Fichier',
    at: 'ligne {line}, colonne {column}',
    retry: 'Réessayer',
    stale: 'Ces données peuvent ne pas être à jour\u202f: la dernière actualisation a échoué.',
    problems: 'enregistrements écartés ou incomplets',
    problem: 'enregistrement écarté ou incomplet',
  },
  en: en.messages,
};

/** What a widget loads, to name its « Réessayer » button and its failure (`loadSubject` of a data element). */
export type LoadSubject = 'data' | 'projects' | 'project' | 'axes' | 'funding' | 'figures' | 'map';

/** What each data element loads, in the accessible name of its « Réessayer » button (`retryLabel`). */
const subjects: Record<Locale, Record<LoadSubject, string>> = {
  fr: { data: 'des données', projects: 'des projets', project: 'du projet', axes: 'des axes', funding: 'des financements', figures: 'des chiffres clés', map: 'de la carte' },
  en: { data: 'the data', projects: 'the projects', project: 'the project', axes: 'the axes', funding: 'the funding', figures: 'the key figures', map: 'the map' },
};

/**
 * The accessible name of a « Réessayer » button: the visible word first
 * (WCAG 2.5.3, label in name), then what it loads again — « Réessayer le
 * chargement des projets » — so that the buttons of one page are told apart.
 */
export function retryLabel(locale: Locale, subject: LoadSubject): string {
  return `${locale === 'fr' ? 'Réessayer le chargement' : 'Try again to load'} ${subjects[locale][subject]}`;
}

/** The console's report of the problems of a source: « [cnr-widgets] 2 problèmes dans les données (…) ; … ». */
export function problemsHeader(count: number, source: string | undefined, locale: Locale): string {
  if (locale === 'en') {
    return `[cnr-widgets] ${count} ${plural(count, locale, 'problem', 'problems')} in the data (${source ?? 'embedded dataset'}); the valid records are shown:`;
  }
  return `[cnr-widgets] ${count} ${plural(count, locale, 'problème', 'problèmes')} dans les données (${source ?? 'jeu de données intégré'})\u202f; les enregistrements valides sont affichés\u202f:`;
}
