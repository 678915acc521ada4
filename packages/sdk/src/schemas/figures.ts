import * as z from 'zod/mini';
import { FIGURE_METRICS } from './collections.js';
import { Derivation } from './derivation.js';
import { Count, Identifier, PartialDate, Thematique, text } from './primitives.js';
import { SourceRef } from './source.js';

export const MeetingKind = z.enum([
  'dialogue-territorial',
  'reunion-departementale',
  'rencontre-regionale',
  'atelier',
  'reunion-publique',
  'pleniere',
  'autre',
]);
export type MeetingKind = z.infer<typeof MeetingKind>;

export { FIGURE_METRICS, FIGURE_PHASES, isUnattributed, type FigureMetric, type FigurePhase } from './collections.js';

/** How exact a stated figure is: « plus de 1 100 », « près de 40 », « environ 200 ». */
export const FigureQualifier = z.enum(['exact', 'plus-de', 'pres-de', 'environ']);
export type FigureQualifier = z.infer<typeof FigureQualifier>;

/** A count stated as a goal (« 100 médicobus seront déployés »), not a result. */
export const FigureTarget = z.object({
  label: text(300),
  count: Count,
  qualifier: z.optional(FigureQualifier),
});
export type FigureTarget = z.infer<typeof FigureTarget>;

/**
 * A proportion, in percent (« 30 % des projets »; « près d’un tiers » → 33.3
 * with `pres-de`, the words kept in the label).
 */
export const FigureProportion = z.object({
  label: text(300),
  percent: z.number().check(z.gte(0), z.lte(100)),
  qualifier: z.optional(FigureQualifier),
});
export type FigureProportion = z.infer<typeof FigureProportion>;

/**
 * Figures of the concertation for one territory and one phase. A record
 * without `territory` is an unattributed figure (`derivation.kind`
 * `unattributed`): the text does not say where; it is never in any
 * territory's sums.
 */
export const ConcertationFigures = z.object({
  id: Identifier,
  thematique: Thematique,
  /** Absent only for an unattributed figure. */
  territory: z.optional(Identifier),
  /**
   * Phase: one of `FIGURE_PHASES` (`acte-1`, `bilan`, `evenement`,
   * `annee-scolaire`, `rentree`); other words are read too (older files).
   */
  phase: text(200),
  periodStart: z.optional(PartialDate),
  periodEnd: z.optional(PartialDate),
  /** Meetings by kind. `reunions` is their total when the text gives one. */
  meetings: z.optional(z.array(z.object({ kind: MeetingKind, count: Count, label: z.optional(text(300)) }))),
  reunions: z.optional(Count),
  participants: z.optional(Count),
  contributions: z.optional(Count),
  propositions: z.optional(Count),
  constats: z.optional(Count),
  projets: z.optional(Count),
  projetsRealises: z.optional(Count),
  projetsEnCours: z.optional(Count),
  /**
   * Other stated counts that no metric above holds, each with its wording
   * (« près de 19 000 écoles et établissements ont manifesté une intention de
   * concertation », « 3000 franciliens interrogés »). Not summed by metric.
   */
  counts: z.optional(
    z.array(z.object({ label: text(300), count: Count, qualifier: z.optional(FigureQualifier) })),
  ),
  /** Qualifier of each metric that is not exact. */
  qualifiers: z.optional(z.partialRecord(z.enum(FIGURE_METRICS), FigureQualifier)),
  /**
   * Who publishes the record: the \`publisher\` of the document it came in,
   * set when a producer's file is read (several files on one page keep theirs).
   */
  publisher: z.optional(text(300)),
  /** Goals stated as counts (never summed with results). */
  targets: z.optional(z.array(FigureTarget)),
  /** Proportions stated (never summed). */
  proportions: z.optional(z.array(FigureProportion)),
  /** How strongly the source supports the record; stated when absent. */
  derivation: z.optional(Derivation),
  source: SourceRef,
});
export type ConcertationFigures = z.infer<typeof ConcertationFigures>;
