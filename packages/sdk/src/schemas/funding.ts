import * as z from 'zod/mini';
import { FigureQualifier } from './figures.js';
import { Euros, Identifier, Thematique, Year, text } from './primitives.js';
import { SourceRef } from './source.js';

/** An envelope (a budget that contains allocations) or an allocation. */
export const FundingKind = z.enum(['envelope', 'allocation']);
export type FundingKind = z.infer<typeof FundingKind>;

export const Funding = z.object({
  id: Identifier,
  kind: FundingKind,
  thematique: Thematique,
  label: text(500),
  /** Who pays: « ARS Grand Est », « État »… */
  funder: text(300),
  /** The fund: « FIR » (Fonds d'intervention régional), « Fonds d'innovation pédagogique »… */
  fund: z.optional(text(300)),
  amount: Euros,
  /** How exact the stated amount is (« plus de 2,9 millions d'euros » → `plus-de`); exact when absent. */
  qualifier: z.optional(FigureQualifier),
  year: z.optional(Year),
  /** Territory the amount is for. */
  territory: z.optional(Identifier),
  /** Projects the amount funds (an amount shared by several projects is counted once). */
  projects: z.optional(z.array(Identifier)),
  /** The envelope (another funding record) this amount is drawn from. */
  envelope: z.optional(Identifier),
  /**
   * Who publishes the record: the \`publisher\` of the document it came in,
   * set when a producer's file is read (several files on one page keep theirs).
   */
  publisher: z.optional(text(300)),
  source: SourceRef,
});
export type Funding = z.infer<typeof Funding>;
