/** The collections of a dataset document, in document order (no zod here: cheap to import). */
export const COLLECTION_NAMES = [
  'documents',
  'territories',
  'axes',
  'solutions',
  'projects',
  'fundings',
  'figures',
  'milestones',
  'instances',
] as const;

export type CollectionName = (typeof COLLECTION_NAMES)[number];

/**
 * Every project status, in the order of a project's life (no zod here: the
 * query engine, the REST contract and the widgets read it; the schema's
 * `ProjectStatus` enum is built from it).
 */
export const PROJECT_STATUSES = ['en-reflexion', 'en-projet', 'en-cours', 'realise'] as const;

/** The sort keys of `client.projects` (query engine and REST contract). */
export const PROJECT_SORT_KEYS = ['title', 'date', 'amount'] as const;

/** The figures of the concertation, in display order (no zod here either: widgets and the query engine read it). */
export const FIGURE_METRICS = [
  'reunions',
  'participants',
  'contributions',
  'propositions',
  'constats',
  'projets',
  'projetsRealises',
  'projetsEnCours',
] as const;

export type FigureMetric = (typeof FIGURE_METRICS)[number];

/**
 * How strongly the source supports a value (no zod here: widgets read it to show a « déduit » mark):
 * - `stated`: the excerpt says it (what a record without `derivation` is);
 * - `deduced`: read from the text by a reasoning given in words (`derivation.reasoning`);
 * - `unattributed`: a figure whose territory the text does not state; never in a territory's sums.
 */
export const DERIVATION_KINDS = ['stated', 'deduced', 'unattributed'] as const;
export type DerivationKind = (typeof DERIVATION_KINDS)[number];

/**
 * The phases of the concertation figures (`phase`), one vocabulary for every territory:
 * - `acte-1`: phase 1 (« Acte I ») of the CNR Santé, autumn 2022, and its results;
 * - `acte-2`: phase 2 (2023: the method generalised, territorial road maps);
 * - `bilan`: cumulative counts at a date (`periodEnd`), e.g. « au 8 novembre 2023 » — do not add to `acte-1`;
 * - `evenement`: one event's figures (the Moselle anniversary evening);
 * - `annee-scolaire`: a school year (education, `periodStart`–`periodEnd`);
 * - `rentree`: what starts at a rentrée scolaire (education);
 * - `objectifs`: goals announced (`targets`), not results.
 * Producers may use other words (the schema takes any text); the reference dataset uses only these.
 */
export const FIGURE_PHASES = ['acte-1', 'acte-2', 'bilan', 'evenement', 'annee-scolaire', 'rentree', 'objectifs'] as const;
export type FigurePhase = (typeof FIGURE_PHASES)[number];

/**
 * Kinds of funding records, as the documents say them:
 * - `envelope`: a budget reserved or endowed (« une enveloppe de 30 millions d’euros est réservée »);
 * - `delegated`: an amount delegated to a body (« l’enveloppe FIR de 2,6 M€ déjà déléguée »);
 * - `engaged`: an amount committed (« 2,9 millions d’euros ont été engagés »);
 * - `allocation`: an amount given, attributed or allocated (« 47 millions ont déjà été attribués »);
 * - `requested`: what projects ask for or represent (« les projets déposés représentent plus de 210 millions ») — never summed with the others;
 * - `support`: support stated without an amount (« soutenus par l’ARS en 2023 ») — no `amount`, never summed.
 */
export const FUNDING_KINDS = ['envelope', 'delegated', 'engaged', 'allocation', 'requested', 'support'] as const;
export type FundingKindName = (typeof FUNDING_KINDS)[number];

/** The funding kinds whose amounts `totalFunding` sums (money reserved, delegated, committed or given). */
export const SUMMED_FUNDING_KINDS: readonly FundingKindName[] = ['envelope', 'delegated', 'engaged', 'allocation'];

/**
 * The amount a funding record adds to a total: its `amount` when its kind is
 * summed (`SUMMED_FUNDING_KINDS`), otherwise undefined (a `requested` amount is
 * a demand, not money; a `support` has none).
 */
export function summedAmount(funding: { readonly kind: string; readonly amount?: number }): number | undefined {
  return (SUMMED_FUNDING_KINDS as readonly string[]).includes(funding.kind) ? funding.amount : undefined;
}

/** True for a figures record that no territory's sum may count: unattributed, or without a territory. */
export function isUnattributed(record: { readonly territory?: string; readonly derivation?: { readonly kind: string } }): boolean {
  return record.territory === undefined || record.derivation?.kind === 'unattributed';
}
