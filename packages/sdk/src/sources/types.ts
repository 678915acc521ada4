import type { CnrError } from '../errors.js';
import type { BreakdownLevel, TerritoryBreakdownRow } from '../query/breakdown.js';
import type {
  FiguresQuery,
  FiguresTotal,
  FundingTotal,
  Page,
  ProjectFacets,
  ProjectFilters,
  ProjectQueryOptions,
} from '../query/types.js';
import type { Axis } from '../schemas/axis.js';
import type { ConcertationFigures } from '../schemas/figures.js';
import type { Dataset } from '../schemas/dataset.js';
import type { Project } from '../schemas/project.js';
import type { SourceDocument } from '../schemas/source.js';
import type { Territory } from '../schemas/territory.js';
import type { ValidationProblem, ValidationReport } from '../validation/report.js';

/** Options every call takes, last. */
export interface CallOptions {
  signal?: AbortSignal;
}

export type { FiguresQuery };

/** What `unattributedFigures` takes: a thématique and a phase (unattributed figures belong to no territory). */
export type UnattributedQuery = Pick<FiguresQuery, 'thematique' | 'phase'>;

/**
 * What every client call resolves to.
 *
 * - `stale`: `true` when this is earlier data served because refreshing it
 *   failed; the failure is in `error`.
 * - `problems`: validation problems found in the data behind this result
 *   (see {@link CnrClient} for which call reports what).
 */
export interface ClientResult<T> {
  data: T;
  stale: boolean;
  problems: ValidationProblem[];
  /** Why fresher data could not be obtained, when `stale` is true. */
  error?: CnrError;
}

/** A document of a several-file `src` that could not be loaded (the others are served). */
export interface SourceFailure {
  /** The URL of the document. */
  src: string;
  /** Why: a {@link CnrHttpError} (the server), or a {@link CnrDataError} (the file: `unreadable`, `not-a-dataset`). */
  error: CnrError;
}

/** What `load()` and `refresh()` resolve to: the dataset (also as `data`) and its validation report. */
export interface LoadResult extends ClientResult<Dataset> {
  dataset: Dataset;
  report: ValidationReport;
  /**
   * `true` when `dataset` holds every collection (embedded and static sources).
   * `false` for a REST API: only metadata, documents, territories, axes and
   * solutions are loaded; the other collections are empty and queried on demand.
   */
  complete: boolean;
  /**
   * Several `src` documents: those that could not be loaded, when some were
   * (absent otherwise). Each is also one problem of `report` (severity
   * `error`, its `src`, empty `path`). When every document fails, `load()`
   * rejects with the first failure instead.
   */
  failures?: SourceFailure[];
}

/** A source of CNR data, as the client uses it. Implementations: embedded, static document, REST API. */
export interface DataSource {
  readonly kind: 'embedded' | 'static' | 'rest';
  load(options?: CallOptions): Promise<LoadResult>;
  /** Asks the origin again (ETag revalidation); on failure, earlier data with `stale: true`. */
  refresh(options?: CallOptions): Promise<LoadResult>;
  projects(filters: ProjectFilters, query: ProjectQueryOptions, options?: CallOptions): Promise<ClientResult<Page<Project>>>;
  /** `data` is `undefined` when no project has this id. */
  project(id: string, options?: CallOptions): Promise<ClientResult<Project | undefined>>;
  facets(filters: ProjectFilters, options?: CallOptions): Promise<ClientResult<ProjectFacets>>;
  fundingTotal(filters: ProjectFilters, options?: CallOptions): Promise<ClientResult<FundingTotal>>;
  figures(query: FiguresQuery, options?: CallOptions): Promise<ClientResult<FiguresTotal>>;
  /**
   * The figures whose territory the documents do not state (see
   * `unattributedFigures`). Optional: a source without it (the REST contract
   * has no such route) makes `client.unattributedFigures` reject.
   */
  unattributedFigures?(query: UnattributedQuery, options?: CallOptions): Promise<ClientResult<ConcertationFigures[]>>;
  /** The selection territory by territory (see `territoryBreakdown`). */
  breakdown(filters: ProjectFilters, level: BreakdownLevel, options?: CallOptions): Promise<ClientResult<TerritoryBreakdownRow[]>>;
  territories(options?: CallOptions): Promise<ClientResult<Territory[]>>;
  axes(options?: CallOptions): Promise<ClientResult<Axis[]>>;
  documents(options?: CallOptions): Promise<ClientResult<SourceDocument[]>>;
}
