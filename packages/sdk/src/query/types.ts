import type { PROJECT_SORT_KEYS } from '../schemas/collections.js';
import type { FigureMetric } from '../schemas/figures.js';
import type { ProjectStatus } from '../schemas/project.js';
import type { Thematique } from '../schemas/primitives.js';
import type { TerritoryKind } from '../schemas/territory.js';

/**
 * The filter state shared by the SDK, the REST contract and the widgets.
 * Every field is optional; an empty array means "no constraint".
 */
export interface ProjectFilters {
  thematique?: Thematique;
  /** Any of these axis ids (`sante-1`…) or sub-group ids (`sante-3-former`). */
  axes?: readonly string[];
  solution?: string;
  /** Any of these statuses. */
  statuses?: readonly ProjectStatus[];
  /**
   * A territory id (`region:44`) or a bare code (`44`, `88`, `2A`, `88160`),
   * matched with hierarchy: a région includes its départements, TDS, EPCI and communes.
   * A bare code resolves as région, then département, then TDS, then commune, then EPCI.
   */
  territory?: string;
  /** Funder name, exact (case- and accent-insensitive). */
  funder?: string;
  /** Inclusive year range, on funding years and project dates. */
  yearFrom?: number;
  yearTo?: number;
  /** Free text over title, porteurs, partenaires, objectifs; case- and accent-insensitive. */
  q?: string;
}

export type ProjectSortKey = (typeof PROJECT_SORT_KEYS)[number];

export interface ProjectQueryOptions {
  sort?: ProjectSortKey;
  order?: 'asc' | 'desc';
  /** Page size; default 20, at most 1000. */
  limit?: number;
  offset?: number;
  /** An opaque cursor from a previous page (takes precedence over `offset`). */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
  /** Cursor of the next page, absent on the last page. */
  nextCursor?: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface ProjectFacets {
  /** Counts per axis id and per sub-group id, computed with every filter but `axes`. */
  axes: FacetCount[];
  /** Counts per status (`inconnu` for projects without one), with every filter but `statuses`. */
  statuses: FacetCount[];
  /** Counts per territory kind of the projects' territories, with every filter but `territory`. */
  territoryKinds: { value: TerritoryKind; count: number }[];
  /** Counts per funder, with every filter but `funder`. */
  funders: FacetCount[];
}

export interface FundingTotal {
  /** Euros, with no amount counted twice. */
  total: number;
  /** Ids of the funding records summed. */
  fundings: string[];
  /** Total per funder. */
  byFunder: { funder: string; total: number }[];
  /** Source document ids behind the total. */
  documents: string[];
  /**
   * Records behind the total (summed, or left out as the share of a summed
   * envelope) that the documents support only by deduction — a funder, an
   * envelope link… — with the reasoning, so a widget can mark « déduit ».
   */
  deduced?: { funding: string; reasoning: string }[];
}

export interface FiguresTotal {
  territory?: string;
  reunions?: number;
  participants?: number;
  contributions?: number;
  propositions?: number;
  constats?: number;
  projets?: number;
  projetsRealises?: number;
  projetsEnCours?: number;
  /** Ids of the figure records summed. */
  records: string[];
  /**
   * Metrics whose total includes a figure the documents state approximately
   * (« plus de », « près de », « environ »), so a widget can say « plus de ».
   */
  approximate?: FigureMetric[];
  /**
   * Metrics whose total includes a value the documents support only by
   * deduction (its territory, its phase or the value itself), with the record
   * and the reasoning, so a widget can mark « déduit ».
   */
  deduced?: { metric: FigureMetric; record: string; reasoning: string }[];
}

/** What `sumFigures` sums. */
export interface FiguresQuery {
  /** A territory id or bare code (resolved like `ProjectFilters.territory`); every territory when absent. */
  territory?: string;
  thematique?: Thematique;
  /** One phase (`acte-1`…); every phase, added together, when absent. */
  phase?: string;
}
