/** The English texts of i18n/unattributed.ts (in a chunk of their own on the CDN build, loaded for English pages only). */
export const messages = {
  button: 'Figures not attributed',
  intro:
    'These figures are in the documents but the text does not say which territory they belong to: they are attributed to no territory and counted in none of the totals above.',
  position: 'Place in the document',
  candidate: 'Region suggested by the layout, not confirmed',
  source: 'Source',
  count: '{n} blocks of figures',
} as const;

export const METRIC_WORDS = {
  reunions: 'meetings',
  participants: 'participants',
  contributions: 'contributions',
  propositions: 'proposals',
  constats: 'findings',
  projets: 'projects',
  projetsRealises: 'completed projects',
  projetsEnCours: 'projects in progress',
} as const;
