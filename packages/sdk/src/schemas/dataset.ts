import * as z from 'zod/mini';
import { Axis, Solution } from './axis.js';
import { ConcertationFigures } from './figures.js';
import { Funding } from './funding.js';
import { Instance, Milestone } from './milestone.js';
import { Project } from './project.js';
import { SourceDocument } from './source.js';
import { Territory } from './territory.js';
import { text } from './primitives.js';
import { COLLECTION_NAMES, type CollectionName } from './collections.js';

/** The record schema of each collection of a dataset document. */
export const COLLECTION_SCHEMAS = {
  documents: SourceDocument,
  territories: Territory,
  axes: Axis,
  solutions: Solution,
  projects: Project,
  fundings: Funding,
  figures: ConcertationFigures,
  milestones: Milestone,
  instances: Instance,
} as const satisfies Record<CollectionName, unknown>;

export { COLLECTION_NAMES, type CollectionName };

/** Metadata of a dataset document (everything but the collections). */
export const DatasetMeta = z.object({
  $schema: z.optional(z.string()),
  /** Version of the data (not of this library). */
  version: text(50),
  /** ISO 8601 date-time of generation. */
  generatedAt: z.iso.datetime({ offset: true }),
  title: z.optional(text(500)),
  publisher: z.optional(text(300)),
  license: z.optional(text(200)),
  /** Edition of the territorial referential the codes come from. */
  referential: z.optional(z.object({ name: text(200), edition: text(100) })),
});
export type DatasetMeta = z.infer<typeof DatasetMeta>;

/** A whole dataset document: metadata and every collection. */
export const Dataset = z.object({
  ...DatasetMeta.shape,
  documents: z.array(SourceDocument),
  territories: z.array(Territory),
  axes: z.array(Axis),
  solutions: z.array(Solution),
  projects: z.array(Project),
  fundings: z.array(Funding),
  figures: z.array(ConcertationFigures),
  milestones: z.array(Milestone),
  instances: z.array(Instance),
});
export type Dataset = z.infer<typeof Dataset>;

/** The input form: any collection may be missing (an ARS file with only its projects). */
export type DatasetInput = DatasetMeta & Partial<Omit<Dataset, keyof DatasetMeta>>;
