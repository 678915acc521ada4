import type { Locale, Messages } from './locale.js';
import { plural } from './plural.js';
import * as en from './en/failures.js';

/**
 * The texts of the failure path (base/failure-details.ts): what a failed
 * load's fault is, the records left out. Loaded with it, on the first
 * failure or problem; the texts every first render may need (loading, the
 * error's first sentence, « Réessayer », the stale notice) are in states.ts.
 */
export const messages: Messages<'network' | 'notFound' | 'unreadable' | 'notDataset' | 'file' | 'at' | 'problems' | 'problem'> = {
  fr: {
    network: 'Le serveur de données ne répond pas ou a refusé la demande.',
    notFound: 'Rien à cette adresse (erreur 404)\u202f: vérifiez l’URL des données.',
    unreadable: 'Le fichier de données est illisible\u202f: ce n’est pas du JSON valide.',
    notDataset: 'Le fichier de données est illisible\u202f: ce n’est pas un jeu de données CNR.',
    file: 'Fichier',
    at: 'ligne {line}, colonne {column}',
    problems: 'enregistrements écartés ou incomplets',
    problem: 'enregistrement écarté ou incomplet',
  },
  en: en.messages,
};

/** The console's report of the problems of a source: « [cnr-widgets] 2 problèmes dans les données (…) ; … ». */
export function problemsHeader(count: number, source: string | undefined, locale: Locale): string {
  if (locale === 'en') {
    return `[cnr-widgets] ${count} ${plural(count, locale, 'problem', 'problems')} in the data (${source ?? 'embedded dataset'}); the valid records are shown:`;
  }
  return `[cnr-widgets] ${count} ${plural(count, locale, 'problème', 'problèmes')} dans les données (${source ?? 'jeu de données intégré'})\u202f; les enregistrements valides sont affichés\u202f:`;
}
