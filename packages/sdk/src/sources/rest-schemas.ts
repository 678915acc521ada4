import * as z from 'zod/mini';
import type { TerritoryBreakdownRow } from '../query/breakdown.js';
import type { FiguresTotal, FundingTotal, ProjectFacets } from '../query/types.js';
import { FIGURE_METRICS } from '../schemas/collections.js';
import { TerritoryKind } from '../schemas/territory.js';

/** Envelopes of the REST contract (`openapi/cnr-api.openapi.json`); records inside are validated one by one. */
const Count = z.int().check(z.gte(0));
const Amount = z.number().check(z.gte(0));

export const PageEnvelope = z.object({
  items: z.array(z.unknown()),
  total: Count,
  offset: Count,
  limit: Count,
  nextCursor: z.optional(z.string()),
});

export const ListEnvelope = z.object({ items: z.array(z.unknown()) });

const FacetCount = z.object({ value: z.string(), count: Count });

export const ProjectFacetsSchema = z.object({
  axes: z.array(FacetCount),
  statuses: z.array(FacetCount),
  territoryKinds: z.array(z.object({ value: TerritoryKind, count: Count })),
  funders: z.array(FacetCount),
});

export const FundingTotalSchema = z.object({
  total: Amount,
  fundings: z.array(z.string()),
  byFunder: z.array(z.object({ funder: z.string(), total: Amount })),
  documents: z.array(z.string()),
  deduced: z.optional(z.array(z.object({ funding: z.string(), reasoning: z.string() }))),
});

export const FiguresTotalSchema = z.object({
  territory: z.optional(z.string()),
  reunions: z.optional(Count),
  participants: z.optional(Count),
  contributions: z.optional(Count),
  propositions: z.optional(Count),
  constats: z.optional(Count),
  projets: z.optional(Count),
  projetsRealises: z.optional(Count),
  projetsEnCours: z.optional(Count),
  records: z.array(z.string()),
  approximate: z.optional(z.array(z.enum(FIGURE_METRICS))),
  deduced: z.optional(z.array(z.object({ metric: z.enum(FIGURE_METRICS), record: z.string(), reasoning: z.string() }))),
});

export const BreakdownRowSchema = z.object({
  code: z.string(),
  territoryId: z.string(),
  name: z.string(),
  projects: Count,
  funding: Amount,
  participants: z.optional(Count),
  propositions: z.optional(Count),
  fundingKnown: z.boolean(),
  figuresKnown: z.boolean(),
  deduced: z.optional(z.array(z.object({ metric: z.enum(['participants', 'propositions']), reasoning: z.string() }))),
});

export const BreakdownEnvelope = z.object({ items: z.array(BreakdownRowSchema) });

// The envelopes must follow the query engine's result types field for field:
// the compiler fails here when one of them gains or loses a field.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mirrors<Schema extends z.ZodMiniType, T> = Same<z.infer<Schema>, T> extends true
  ? Same<keyof z.infer<Schema>, keyof T>
  : false;
type Assert<T extends true> = T;
export type EnvelopesMirrorResults = [
  Assert<Mirrors<typeof ProjectFacetsSchema, ProjectFacets>>,
  Assert<Mirrors<typeof FundingTotalSchema, FundingTotal>>,
  Assert<Mirrors<typeof FiguresTotalSchema, FiguresTotal>>,
  Assert<Mirrors<typeof BreakdownRowSchema, TerritoryBreakdownRow>>,
];
