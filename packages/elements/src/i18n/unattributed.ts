import type { FigureMetric } from '@cnr-widgets/sdk';
import type { Locale, Messages } from './locale.js';
import * as en from './en/unattributed.js';

/** The texts of the « Chiffres non attribués » disclosure (key-figures/unattributed.ts, a chunk loaded on demand). */
export const messages: Messages<'button' | 'intro' | 'position' | 'candidate' | 'source' | 'count'> = {
  fr: {
    button: 'Chiffres non attribués',
    intro:
      'Ces chiffres figurent dans les documents sans que le texte dise de quel territoire ils sont\u202f: ils ne sont attribués à aucun territoire et ne sont comptés dans aucun total ci-dessus.',
    position: 'Place dans le document',
    candidate: 'Région suggérée par la mise en page, non confirmée',
    source: 'Source',
    count: '{n} blocs de chiffres',
  },
  en: en.messages,
};

export const METRIC_WORDS: Record<Locale, Record<FigureMetric, string>> = {
  fr: {
    reunions: 'réunions',
    participants: 'participants',
    contributions: 'contributions',
    propositions: 'propositions',
    constats: 'constats',
    projets: 'projets',
    projetsRealises: 'projets réalisés',
    projetsEnCours: 'projets en cours',
  },
  en: en.METRIC_WORDS,
};
