/** The collections of a dataset document, in document order (no zod here: cheap to import). */
export const COLLECTION_NAMES = [
  'documents',
  'territories',
  'axes',
  'solutions',
  'projects',
  'fundings',
  'figures',
  'milestones',
  'instances',
] as const;

export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** The figures of the concertation, in display order (no zod here either: widgets and the query engine read it). */
export const FIGURE_METRICS = [
  'reunions',
  'participants',
  'contributions',
  'propositions',
  'constats',
  'projets',
  'projetsRealises',
  'projetsEnCours',
] as const;

export type FigureMetric = (typeof FIGURE_METRICS)[number];
