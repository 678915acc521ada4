import * as z from 'zod/mini';
import { Derivation } from './derivation.js';
import { Count, Identifier, PartialDate, text } from './primitives.js';
import { SourceRef } from './source.js';

export const TerritoryKind = z.enum(['pays', 'region', 'departement', 'tds', 'epci', 'commune']);
export type TerritoryKind = z.infer<typeof TerritoryKind>;

/**
 * A territory. Its `id` is `<kind>:<code>` (`region:44`, `departement:2A`,
 * `commune:88160`, `tds:grand-est-vosges`, `pays:FR`) because INSEE codes
 * collide across kinds (région 44 Grand Est, département 44 Loire-Atlantique).
 */
export const Territory = z.object({
  id: Identifier,
  kind: TerritoryKind,
  /** INSEE COG code (région, département, commune), SIREN (EPCI), or the dataset's own code (TDS). */
  code: text(40),
  name: text(300),
  /** Id of the enclosing territory: département → région → pays. */
  parent: z.optional(Identifier),
  /**
   * For a territoire de démocratie sanitaire (or any grouping): the ids of the
   * territories it is made of. A TDS that covers only part of a département
   * names it and sets `partial`.
   */
  covers: z.optional(z.array(Identifier)),
  partial: z.optional(z.boolean()),
  population: z.optional(Count),
  /** The date the population is counted at (« Déc. 2016 » → `2016-12`). */
  populationDate: z.optional(PartialDate),
  /** The passage giving that date, when it is not the record's own. */
  populationSource: z.optional(SourceRef),
  /** How strongly the source supports the record (a TDS delimited by deduction); stated when absent. */
  derivation: z.optional(Derivation),
  source: z.optional(SourceRef),
});
export type Territory = z.infer<typeof Territory>;
