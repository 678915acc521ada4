import { CnrAbortError, CnrError, CnrHttpError, isAbortError } from './errors.js';
import type { BreakdownLevel, TerritoryBreakdownRow } from './query/breakdown.js';
import type { FiguresTotal, FundingTotal, Page, ProjectFacets, ProjectFilters, ProjectQueryOptions } from './query/types.js';
import type { Axis } from './schemas/axis.js';
import type { ConcertationFigures } from './schemas/figures.js';
import type { Project } from './schemas/project.js';
import type { SourceDocument } from './schemas/source.js';
import type { Territory } from './schemas/territory.js';
import type { CallOptions, ClientResult, DataSource, FiguresQuery, LoadResult, UnattributedQuery } from './sources/types.js';
import type { HttpOptions, HttpRetryOptions } from './transport/http.js';
import type { ReferenceOption } from './sources/reference.js';

export type { CallOptions, ClientResult, DataSource, LoadResult, SourceFailure, UnattributedQuery } from './sources/types.js';
export type { ReferenceOption } from './sources/reference.js';

export interface ClientOptions {
  /**
   * A producer's dataset document: its URL (fetched once, revalidated on
   * `refresh()`), or the parsed document itself. Several documents (several
   * ARS over the same reference): an array of URLs, or one string of URLs
   * separated by whitespace (the form of the `src` attribute; see
   * {@link parseSrcList}). Each is merged over the reference (see `reference`).
   */
  src?: string | URL | object | readonly (string | URL)[];
  /**
   * What `src` documents stand on. Default `true`: the reference of
   * `@cnr-widgets/data/referential` (régions, départements, TDS, axes,
   * solutions), so a document references `departement:44` or `sante-1`
   * without repeating them. `false`: the document must be self-contained.
   * A dataset object: that base instead.
   */
  reference?: ReferenceOption;
  /** Base URL of a REST API speaking the contract of `openapi/cnr-api.openapi.json`. */
  api?: string | URL;
  /** Any other source (tests, custom back ends). */
  source?: DataSource;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** Ms allowed for the response headers of each attempt, and again for its body. Default 10 000. */
  timeout?: number;
  /** Retries on network errors and 408/429/5xx (honouring `Retry-After`), or the retry policy. Default 2. */
  retry?: number | HttpRetryOptions;
  /** REST: ms a response is reused without asking the server (then revalidated with its ETag). Default 60 000. */
  cacheTtl?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/**
 * One client whatever the source. Every method takes `{ signal }` last and
 * resolves to a {@link ClientResult}: `data`, `stale`, `problems` (and
 * `error` when stale).
 *
 * Errors: an HTTP, network, timeout or unparsable-body failure rejects with
 * `CnrHttpError`; a document or response whose top-level shape is unusable
 * with `CnrDataError`; an invalid cursor with `CnrQueryError`; an aborted
 * `signal` with `CnrAbortError` (its `name` is `AbortError`, its `cause` the
 * signal's reason) — never a stale fallback. When fresher data cannot be
 * obtained but earlier data for the same request exists, that data comes back
 * with `stale: true` and the failure in `error` instead of a rejection.
 *
 * `problems`: embedded and static sources report the whole document's
 * validation problems on `load()` and `refresh()` (queries add none); a REST
 * source reports, on each call, the problems of the records it received.
 */
export interface CnrClient {
  /** Which kind of source answers. */
  readonly kind: DataSource['kind'];
  /** Loads (once) and returns the dataset and its validation report. REST: metadata, documents, territories, axes and solutions only (`complete: false`). */
  load(options?: CallOptions): Promise<LoadResult>;
  /** One page of the projects matching `filters`. */
  projects(filters?: ProjectFilters, query?: ProjectQueryOptions, options?: CallOptions): Promise<ClientResult<Page<Project>>>;
  /** A project by id; `data` is `undefined` when there is none. */
  project(id: string, options?: CallOptions): Promise<ClientResult<Project | undefined>>;
  /** Facet counts, each computed with every filter but its own. */
  facets(filters?: ProjectFilters, options?: CallOptions): Promise<ClientResult<ProjectFacets>>;
  /** Total funding of the projects matching `filters`, nothing counted twice. */
  fundingTotal(filters?: ProjectFilters, options?: CallOptions): Promise<ClientResult<FundingTotal>>;
  /** Sums of the concertation figures, with the territory hierarchy. */
  figures(query?: FiguresQuery, options?: CallOptions): Promise<ClientResult<FiguresTotal>>;
  /**
   * The figures whose territory the documents do not state (a « non
   * attribué » view: blocks of a map whose labels were lost), in dataset
   * order, optionally of one thématique and phase. They are in no
   * territory's `figures()` sums. Embedded and static sources only: a REST
   * source rejects with a {@link CnrError} (the contract has no such route).
   */
  unattributedFigures(query?: UnattributedQuery, options?: CallOptions): Promise<ClientResult<ConcertationFigures[]>>;
  /**
   * The selection of `filters` territory by territory: one row per région or
   * département (projects, funding, participants, propositions, and whether
   * funding and figures are known at all), for a choropleth and its table.
   * `filters.territory` limits the rows to the territories within it. See
   * `territoryBreakdown` for the counting rules.
   */
  breakdown(
    filters?: ProjectFilters,
    level?: BreakdownLevel,
    options?: CallOptions,
  ): Promise<ClientResult<TerritoryBreakdownRow[]>>;
  territories(options?: CallOptions): Promise<ClientResult<Territory[]>>;
  axes(options?: CallOptions): Promise<ClientResult<Axis[]>>;
  documents(options?: CallOptions): Promise<ClientResult<SourceDocument[]>>;
  /** Asks the origin again (ETag revalidation); on failure, the earlier data with `stale: true`. */
  refresh(options?: CallOptions): Promise<LoadResult>;
}

/** The error of a query a source cannot answer (the REST contract has no unattributed-figures route). */
function unavailable(kind: DataSource['kind']): CnrError {
  return new CnrError(
    `La source « ${kind} » ne fournit pas les chiffres non attribués. / The "${kind}" source does not provide unattributed figures.`,
  );
}

/**
 * A source whose implementation is imported on first use, so that a page pays
 * only for the source it uses: the embedded and static sources (validation
 * and query engine) need no HTTP client, a REST source no query engine.
 */
function deferred(kind: DataSource['kind'], create: () => Promise<DataSource>): DataSource {
  let pending: Promise<DataSource> | undefined;
  const get = () =>
    (pending ??= create().catch((cause: unknown) => {
      pending = undefined;
      if (cause instanceof CnrError) throw cause;
      // In a browser, a chunk that failed to download.
      throw new CnrHttpError({
        message: `Le module de la source « ${kind} » n’a pas pu être chargé. / The "${kind}" source module could not be loaded.`,
        url: `@cnr-widgets/sdk#${kind}`,
        retryable: true,
        code: 'network',
        cause,
      });
    }));
  return {
    kind,
    load: async (call) => (await get()).load(call),
    refresh: async (call) => (await get()).refresh(call),
    projects: async (filters, query, call) => (await get()).projects(filters, query, call),
    project: async (id, call) => (await get()).project(id, call),
    facets: async (filters, call) => (await get()).facets(filters, call),
    fundingTotal: async (filters, call) => (await get()).fundingTotal(filters, call),
    figures: async (query, call) => (await get()).figures(query, call),
    unattributedFigures: async (query, call) => {
      const source = await get();
      if (!source.unattributedFigures) throw unavailable(kind);
      return source.unattributedFigures(query, call);
    },
    breakdown: async (filters, level, call) => (await get()).breakdown(filters, level, call),
    territories: async (call) => (await get()).territories(call),
    axes: async (call) => (await get()).axes(call),
    documents: async (call) => (await get()).documents(call),
  };
}

/**
 * The URLs of a `src` value: an array of URLs, or one string holding one URL
 * or several separated by whitespace (spaces, tabs, line breaks), as a `src`
 * attribute gives them. Empty items are dropped.
 *
 * @example parseSrcList('https://a.fr/ars-paca.json  https://b.fr/ars-ge.json') // two URLs
 */
export function parseSrcList(value: string | URL | readonly (string | URL)[]): string[] {
  if (value instanceof URL) return [value.href];
  const items = typeof value === 'string' ? value.split(/\s+/) : value.map(String);
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

function sourceFor(options: ClientOptions): DataSource {
  const given = [options.src, options.api, options.source].filter((value) => value !== undefined).length;
  if (given > 1) throw new TypeError('createClient: give one of `src`, `api` or `source`, not several.');
  if (options.source) return options.source;
  const http: HttpOptions = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.cacheTtl === undefined ? {} : { cacheTtl: options.cacheTtl }),
    ...(options.headers ? { headers: options.headers } : {}),
  };
  const { api, src, reference = true } = options;
  if (api !== undefined) {
    return deferred('rest', async () => {
      const [{ createRestSource }, { createHttp }] = await Promise.all([
        import('./sources/rest.js'),
        import('./transport/http.js'),
      ]);
      return createRestSource({ http: createHttp({ ...http, prefixUrl: api }) });
    });
  }
  if (typeof src === 'string' || src instanceof URL || Array.isArray(src)) {
    const urls = parseSrcList(src as string | URL | readonly (string | URL)[]);
    if (urls.length === 0) throw new TypeError('createClient: `src` holds no URL.');
    return deferred('static', async () => {
      const [{ createStaticSource }, { createHttp }] = await Promise.all([
        import('./sources/static.js'),
        import('./transport/http.js'),
      ]);
      return createStaticSource({ url: urls.length === 1 ? urls[0]! : urls, http: createHttp(http), reference });
    });
  }
  if (src !== undefined) {
    return deferred('static', async () => (await import('./sources/static.js')).createStaticSource({ document: src, reference }));
  }
  return deferred('embedded', async () => (await import('./sources/embedded.js')).createEmbeddedSource());
}

/** Rejects with {@link CnrAbortError} whatever raised the abort (the SDK, fetch or ky). */
async function guard<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  if (signal?.aborted) throw new CnrAbortError(signal.reason);
  try {
    return await run();
  } catch (error) {
    if (signal?.aborted && !(error instanceof CnrAbortError)) throw new CnrAbortError(signal.reason);
    if (!(error instanceof CnrError) && isAbortError(error)) throw new CnrAbortError(error);
    throw error;
  }
}

/**
 * Creates a client. With no option, it reads the embedded reference dataset
 * (imported lazily on first use).
 *
 * @example
 * const client = createClient({ api: 'https://example.org/cnr/v1/' });
 * const { data, stale } = await client.projects({ territory: '44', q: 'prévention' }, { limit: 10 }, { signal });
 */
export function createClient(options: ClientOptions = {}): CnrClient {
  const source = sourceFor(options);
  return {
    kind: source.kind,
    load: (call) => guard(call?.signal, () => source.load(call)),
    projects: (filters = {}, query = {}, call) => guard(call?.signal, () => source.projects(filters, query, call)),
    project: (id, call) => guard(call?.signal, () => source.project(id, call)),
    facets: (filters = {}, call) => guard(call?.signal, () => source.facets(filters, call)),
    fundingTotal: (filters = {}, call) => guard(call?.signal, () => source.fundingTotal(filters, call)),
    figures: (query = {}, call) => guard(call?.signal, () => source.figures(query, call)),
    unattributedFigures: (query = {}, call) =>
      guard(call?.signal, async () => {
        if (!source.unattributedFigures) throw unavailable(source.kind);
        return source.unattributedFigures(query, call);
      }),
    breakdown: (filters = {}, level = 'region', call) => guard(call?.signal, () => source.breakdown(filters, level, call)),
    territories: (call) => guard(call?.signal, () => source.territories(call)),
    axes: (call) => guard(call?.signal, () => source.axes(call)),
    documents: (call) => guard(call?.signal, () => source.documents(call)),
    refresh: (call) => guard(call?.signal, () => source.refresh(call)),
  };
}
