/** The English texts of i18n/key-figures.ts (in a chunk of their own on the CDN build, loaded for English pages only). */
export const LABELS = {
  reunions: ['meeting', 'meetings'],
  participants: ['participant', 'participants'],
  contributions: ['contribution', 'contributions'],
  propositions: ['proposal', 'proposals'],
  constats: ['finding', 'findings'],
  projets: ['project announced', 'projects announced'],
  projetsRealises: ['completed project', 'completed projects'],
  projetsEnCours: ['project in progress', 'projects in progress'],
} as const;

export const MEETINGS = {
  'dialogue-territorial': 'territorial dialogues',
  'reunion-departementale': 'departmental meetings',
  'rencontre-regionale': 'regional meetings',
  atelier: 'workshops',
  'reunion-publique': 'public meetings',
  pleniere: 'plenary sessions',
  autre: 'other meetings',
} as const;

export const messages = {
  title: 'Consultation figures:',
  everywhere: 'All territories',
  empty: 'No figures published for this territory',
  sources: 'Sources',
  sourcesOf: '(figures: {territory})',
  including: 'including',
  projectsScope:
    'Projects announced: the number the source documents give (see “Sources”). A project list counts only the projects the documents describe one by one.',
} as const;
