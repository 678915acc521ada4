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
