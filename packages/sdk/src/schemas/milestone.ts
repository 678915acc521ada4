import * as z from 'zod/mini';
import { Identifier, PartialDate, Thematique, text } from './primitives.js';
import { SourceRef } from './source.js';

export const MilestoneKind = z.enum(['lancement', 'restitution', 'pleniere', 'nouveau-cycle', 'texte', 'publication', 'autre']);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

export const Milestone = z.object({
  id: Identifier,
  date: PartialDate,
  title: text(500),
  kind: z.optional(MilestoneKind),
  thematique: z.optional(Thematique),
  territory: z.optional(Identifier),
  /**
   * Who publishes the record: the \`publisher\` of the document it came in,
   * set when a producer's file is read (several files on one page keep theirs).
   */
  publisher: z.optional(text(300)),
  source: SourceRef,
});
export type Milestone = z.infer<typeof Milestone>;

/** A body such as the conseil territorial de santé (CTS) of a TDS. */
export const Instance = z.object({
  id: Identifier,
  kind: z.enum(['cts', 'crsa', 'conseil-cnr', 'autre']),
  name: text(300),
  territory: Identifier,
  source: SourceRef,
});
export type Instance = z.infer<typeof Instance>;
