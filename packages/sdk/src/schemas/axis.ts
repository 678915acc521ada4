import * as z from 'zod/mini';
import { Identifier, Thematique, text } from './primitives.js';
import { SourceRef } from './source.js';

export const AxisSubgroup = z.object({
  id: Identifier,
  label: text(200),
});
export type AxisSubgroup = z.infer<typeof AxisSubgroup>;

/** An axis of a thématique (health: 1 accès, 2 continuité, 3 attractivité, 4 prévention). */
export const Axis = z.object({
  id: Identifier,
  thematique: Thematique,
  number: z.int().check(z.gte(1), z.lte(99)),
  label: text(500),
  shortLabel: z.optional(text(80)),
  subgroups: z.optional(z.array(AxisSubgroup)),
  source: SourceRef,
});
export type Axis = z.infer<typeof Axis>;

/** A solution explored at regional level, under one axis. */
export const Solution = z.object({
  id: Identifier,
  axis: Identifier,
  subgroup: z.optional(Identifier),
  title: text(1_000),
  territory: Identifier,
  source: SourceRef,
});
export type Solution = z.infer<typeof Solution>;
