import * as z from 'zod/mini';
import { FIGURE_METRICS } from './collections.js';
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

export { FIGURE_METRICS, type FigureMetric } from './collections.js';

/** How exact a stated figure is: « plus de 1 100 », « près de 40 », « environ 200 ». */
export const FigureQualifier = z.enum(['exact', 'plus-de', 'pres-de', 'environ']);
export type FigureQualifier = z.infer<typeof FigureQualifier>;

/** Figures of the concertation for one territory and one phase. */
export const ConcertationFigures = z.object({
  id: Identifier,
  thematique: Thematique,
  territory: Identifier,
  /** Phase or cycle, e.g. `2022-dialogues`, `acte-1`. */
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
  source: SourceRef,
});
export type ConcertationFigures = z.infer<typeof ConcertationFigures>;
