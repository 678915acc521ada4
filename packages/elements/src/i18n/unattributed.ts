import type { FigureMetric } from '@cnr-widgets/sdk';
import type { Locale, Messages } from './locale.js';

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
  en: {
    button: 'Figures not attributed',
    intro:
      'These figures are in the documents but the text does not say which territory they belong to: they are attributed to no territory and counted in none of the totals above.',
    position: 'Place in the document',
    candidate: 'Region suggested by the layout, not confirmed',
    source: 'Source',
    count: '{n} blocks of figures',
  },
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
  en: {
    reunions: 'meetings',
    participants: 'participants',
    contributions: 'contributions',
    propositions: 'proposals',
    constats: 'findings',
    projets: 'projects',
    projetsRealises: 'completed projects',
    projetsEnCours: 'projects in progress',
  },
};
