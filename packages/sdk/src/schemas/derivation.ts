import * as z from 'zod/mini';
import { Identifier, text } from './primitives.js';

export { DERIVATION_KINDS, type DerivationKind } from './collections.js';

/**
 * How strongly the source supports a record (or some of its fields). Absent
 * means `stated`: the excerpt says it, so files of the earlier format read as
 * before.
 */
export const Derivation = z.discriminatedUnion('kind', [
  /** The excerpt says it. */
  z.object({ kind: z.literal('stated') }),
  /** Read from the text by a reasoning, given in words (required). */
  z.object({
    kind: z.literal('deduced'),
    /** Why the value follows from the documents, in words (French). */
    reasoning: text(2_000),
    /** The fields deduced (`territories`, `date`, `funder`…); the whole record when absent. */
    fields: z.optional(z.array(text(100)).check(z.minLength(1))),
  }),
  /**
   * A figure whose territory the text does not state (a block of a map whose
   * labels were lost). It has no `territory` and is never counted in any
   * territory's sums.
   */
  z.object({
    kind: z.literal('unattributed'),
    /** Where the figure sits in the document (« 5e bloc de la carte, entre … et … »). */
    position: z.optional(text(1_000)),
    /** A territory the layout suggests, marked as a candidate only (not used in any sum). */
    candidateTerritory: z.optional(Identifier),
    /** Why that candidate (and why it is not certain). */
    reasoning: z.optional(text(2_000)),
  }),
]);
export type Derivation = z.infer<typeof Derivation>;
