import * as z from 'zod/mini';
import { Derivation } from './derivation.js';
import { FigureQualifier } from './figures.js';
import { Count, Identifier, PartialDate, Thematique, text } from './primitives.js';
import { SourceRef } from './source.js';

/** `objectif`: a date set as a goal or deadline (« d’ici fin 2023 »), not an event that took place. */
export const MilestoneKind = z.enum(['lancement', 'restitution', 'pleniere', 'nouveau-cycle', 'texte', 'publication', 'objectif', 'autre']);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

export const Milestone = z.object({
  id: Identifier,
  date: PartialDate,
  /** End of a period (« du dernier trimestre 2022 au deuxième trimestre 2023 » → `2022-Q4` … `2023-Q2`). */
  endDate: z.optional(PartialDate),
  title: text(500),
  kind: z.optional(MilestoneKind),
  thematique: z.optional(Thematique),
  territory: z.optional(Identifier),
  /**
   * Who publishes the record: the \`publisher\` of the document it came in,
   * set when a producer's file is read (several files on one page keep theirs).
   */
  publisher: z.optional(text(300)),
  /** How strongly the source supports the record or some fields (`date`…); stated when absent. */
  derivation: z.optional(Derivation),
  source: SourceRef,
});
export type Milestone = z.infer<typeof Milestone>;

/** How a body is made up, as a passage states it (« 50 membres, ayant un mandat de 5 ans renouvelable, répartis en 6 collèges »). */
export const InstanceComposition = z.object({
  members: z.optional(Count),
  /** « une cinquantaine de membres » → `environ`. */
  membersQualifier: z.optional(FigureQualifier),
  mandateYears: z.optional(z.int().check(z.gte(1), z.lte(100))),
  mandateRenewable: z.optional(z.boolean()),
  colleges: z.optional(Count),
  /** The passage stating the composition (often not the one naming the body). */
  source: SourceRef,
});
export type InstanceComposition = z.infer<typeof InstanceComposition>;

/** A body such as the conseil territorial de santé (CTS) of a TDS. */
export const Instance = z.object({
  id: Identifier,
  kind: z.enum(['cts', 'crsa', 'conseil-cnr', 'autre']),
  name: text(300),
  territory: Identifier,
  composition: z.optional(InstanceComposition),
  /** Other counts stated about the body's work, each with its passage (« au sein des 5 territoires administratifs »). */
  counts: z.optional(
    z.array(z.object({ label: text(300), count: Count, qualifier: z.optional(FigureQualifier), source: SourceRef })),
  ),
  /** How strongly the source supports the record (a body named by deduction); stated when absent. */
  derivation: z.optional(Derivation),
  source: SourceRef,
});
export type Instance = z.infer<typeof Instance>;
