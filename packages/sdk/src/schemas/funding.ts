import * as z from 'zod/mini';
import { FUNDING_KINDS } from './collections.js';
import { Derivation } from './derivation.js';
import { FigureQualifier } from './figures.js';
import { Euros, Identifier, Thematique, Year, text } from './primitives.js';
import { SourceRef } from './source.js';

export { FUNDING_KINDS, SUMMED_FUNDING_KINDS, summedAmount } from './collections.js';

/**
 * What a funding record is, as the documents say it: an `envelope`, an amount
 * `delegated`, `engaged`, given (`allocation`) or `requested` (what projects
 * represent), or a `support` stated without an amount. See `FUNDING_KINDS`.
 */
export const FundingKind = z.enum(FUNDING_KINDS);
export type FundingKind = z.infer<typeof FundingKind>;

/** The kinds that carry an amount (all but `support`). */
export const AmountKind = z.enum(['envelope', 'delegated', 'engaged', 'allocation', 'requested']);
export type AmountKind = z.infer<typeof AmountKind>;

const common = {
  id: Identifier,
  thematique: Thematique,
  label: text(500),
  /** Who pays or supports: « ARS Grand Est », « État »… */
  funder: text(300),
  /** The fund: « FIR » (Fonds d'intervention régional), « Fonds d'innovation pédagogique »… */
  fund: z.optional(text(300)),
  /** How exact the stated amount is (« plus de 2,9 millions d'euros » → `plus-de`); exact when absent. */
  qualifier: z.optional(FigureQualifier),
  year: z.optional(Year),
  /** For an amount over several years: how many (« 500 millions d’euros sur cinq ans » → 5). */
  durationYears: z.optional(z.int().check(z.gte(1), z.lte(100))),
  /** Territory the amount is for. */
  territory: z.optional(Identifier),
  /** Projects the amount funds (an amount shared by several projects is counted once). */
  projects: z.optional(z.array(Identifier)),
  /**
   * The envelope (another funding record) this amount is a share of or drawn
   * from: when both are in a total, only the envelope counts.
   */
  envelope: z.optional(Identifier),
  /**
   * Who publishes the record: the \`publisher\` of the document it came in,
   * set when a producer's file is read (several files on one page keep theirs).
   */
  publisher: z.optional(text(300)),
  /** How strongly the source supports the record or some fields (`funder`, `envelope`…); stated when absent. */
  derivation: z.optional(Derivation),
  source: SourceRef,
};

/** A stated amount, in euros. */
export const FundingAmount = z.object({
  ...common,
  kind: AmountKind,
  amount: Euros,
});
export type FundingAmount = z.infer<typeof FundingAmount>;

/** Support stated without an amount (« 4 projets concrets qui ont été soutenus par l’ARS en 2023 »). */
export const FundingSupport = z.object({
  ...common,
  kind: z.literal('support'),
});
export type FundingSupport = z.infer<typeof FundingSupport>;

/** A funding record: an amount of some kind, or a support without an amount. */
export const Funding = z.discriminatedUnion('kind', [FundingAmount, FundingSupport]);
export type Funding = z.infer<typeof Funding>;
