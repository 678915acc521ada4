import { CnrError, isAbortError } from '../errors.js';
import { createIndex, totalFunding, type DatasetIndex } from '../query/index.js';
import type { Dataset } from '../schemas/dataset.js';
import { createSharedRunner, throwIfAborted } from '../transport/shared.js';
import type { ValidationReport } from '../validation/report.js';
import type { CallOptions, ClientResult, DataSource, LoadResult, SourceFailure } from './types.js';

/** The query modules imported with the first call needing them (query/listing.ts, query/totals.ts). */
const listing = cached(() => import('../query/listing.js'));
const totals = cached(() => import('../query/totals.js'));

/**
 * `load`, imported once and then handed over in a microtask: a second
 * `import()` of a module already there still waits for a task in browsers,
 * long enough for a frame to paint a widget's skeleton over data it has.
 */
function cached<M>(load: () => Promise<M>): () => Promise<M> {
  let module: M | undefined;
  return () => (module !== undefined ? Promise.resolve(module) : load().then((loaded) => (module = loaded)));
}

interface Loaded extends Prepared {
  raw: unknown;
  index: DatasetIndex;
}

/**
 * Documents already validated and indexed, by preparer and identity: every
 * client of the embedded dataset (or of one document object) shares one index.
 */
const built = new WeakMap<DocumentPreparer, WeakMap<object, Promise<Loaded>>>();

/**
 * Turns a raw document into valid records and a report. Untrusted documents
 * go through the zod validation, loaded with the first document (a separate
 * chunk, so that a page reading only the embedded dataset never downloads it).
 */
export type DocumentPreparer = (raw: unknown) => Promise<Prepared>;

/** A document made ready: its valid records (over the reference, for a producer's file), its report, and the files that failed. */
export interface Prepared {
  dataset: Dataset;
  report: ValidationReport;
  /** Several `src` documents: those that could not be loaded (each also a problem of `report`). */
  failures?: SourceFailure[];
}

export const validateDocument: DocumentPreparer = async (raw) => (await import('../validation/validate.js')).parseDatasetLazily(raw);

async function build(raw: unknown, previous: Loaded | undefined, prepare: DocumentPreparer): Promise<Loaded> {
  if (previous && previous.raw === raw) return previous;
  const make = async (): Promise<Loaded> => {
    const prepared = await prepare(raw);
    return { ...prepared, raw, index: createIndex(prepared.dataset) };
  };
  if (typeof raw !== 'object' || raw === null) return make();
  let cache = built.get(prepare);
  if (!cache) built.set(prepare, (cache = new WeakMap()));
  // Kept while in flight too: two clients that get the same document at once (the CDN's preloader
  // and the widgets' client) validate and index it once.
  let loaded = cache.get(raw);
  if (!loaded) {
    const making = make();
    cache.set(raw, making);
    making.catch(() => cache.delete(raw));
    loaded = making;
  }
  return loaded;
}

/**
 * Fetches the raw dataset document. `revalidate` is true on `refresh()`.
 * Returning the very same object as before means "unchanged" (no new parse).
 */
export type DocumentLoader = (signal: AbortSignal, revalidate: boolean) => Promise<unknown>;

/**
 * A source that holds one whole dataset document in memory — validated once,
 * indexed once, queried with the pure query functions. The embedded and
 * static sources are this with different loaders.
 *
 * `problems`: `load()` and `refresh()` carry the document's whole report;
 * queries carry none (they add no new data). After a failed `refresh()`,
 * every result is `stale: true` with the failure in `error`, until a refresh
 * succeeds.
 */
export function createMemorySource(
  kind: 'embedded' | 'static',
  loadDocument: DocumentLoader,
  prepare: DocumentPreparer = validateDocument,
): DataSource {
  let current: Loaded | undefined;
  let staleError: CnrError | undefined;
  const share = createSharedRunner();

  function loadResult(loaded: Loaded): LoadResult {
    return {
      data: loaded.dataset,
      dataset: loaded.dataset,
      report: loaded.report,
      problems: loaded.report.problems,
      complete: true,
      ...(loaded.failures && loaded.failures.length > 0 ? { failures: loaded.failures } : {}),
      stale: staleError !== undefined,
      ...(staleError ? { error: staleError } : {}),
    };
  }

  async function ensure(signal: AbortSignal | undefined): Promise<Loaded> {
    throwIfAborted(signal);
    if (current) return current;
    const loaded = await share(
      'load',
      async (shared) => {
        const next = await build(await loadDocument(shared, false), current, prepare);
        current = next;
        return next;
      },
      signal,
    );
    throwIfAborted(signal);
    return loaded;
  }

  async function query<T>(options: CallOptions | undefined, run: (loaded: Loaded) => T): Promise<ClientResult<T>> {
    return result(await ensure(options?.signal), run);
  }

  /** A query needing a module imported on demand (`listing`, `totals`), imported alongside the document. */
  async function lazyQuery<M, T>(
    load: () => Promise<M>,
    options: CallOptions | undefined,
    run: (loaded: Loaded, module: M) => T,
  ): Promise<ClientResult<T>> {
    const [loaded, module] = await Promise.all([ensure(options?.signal), load()]);
    return result(loaded, (ready) => run(ready, module));
  }

  function result<T>(loaded: Loaded, run: (loaded: Loaded) => T): ClientResult<T> {
    return {
      data: run(loaded),
      stale: staleError !== undefined,
      problems: [],
      ...(staleError ? { error: staleError } : {}),
    };
  }

  return {
    kind,
    async load(options) {
      return loadResult(await ensure(options?.signal));
    },
    async refresh(options) {
      const signal = options?.signal;
      throwIfAborted(signal);
      if (!current) return loadResult(await ensure(signal));
      const result = await share(
        'refresh',
        async (shared) => {
          try {
            current = await build(await loadDocument(shared, true), current, prepare);
            staleError = undefined;
          } catch (error) {
            if (!(error instanceof CnrError) || isAbortError(error)) throw error;
            staleError = error;
          }
          return loadResult(current!);
        },
        signal,
      );
      throwIfAborted(signal);
      return result;
    },
    projects(filters, queryOptions, options) {
      return lazyQuery(listing, options, ({ index }, { queryProjects }) => queryProjects(index, filters, queryOptions));
    },
    project(id, options) {
      return query(options, ({ index }) => index.projectsById.get(id));
    },
    facets(filters, options) {
      return lazyQuery(listing, options, ({ index }, { computeFacets }) => computeFacets(index, filters));
    },
    fundingTotal(filters, options) {
      return query(options, ({ index }) => totalFunding(index, filters));
    },
    figures(figuresQuery, options) {
      return lazyQuery(totals, options, ({ index }, { sumFigures }) => sumFigures(index, figuresQuery));
    },
    unattributedFigures(figuresQuery, options) {
      return lazyQuery(totals, options, ({ index }, { unattributedFigures }) => unattributedFigures(index, figuresQuery));
    },
    breakdown(filters, level, options) {
      return lazyQuery(totals, options, ({ index }, { territoryBreakdown }) => territoryBreakdown(index, filters, level));
    },
    territories(options) {
      return query(options, ({ dataset }) => dataset.territories);
    },
    axes(options) {
      return query(options, ({ dataset }) => dataset.axes);
    },
    documents(options) {
      return query(options, ({ dataset }) => dataset.documents);
    },
  };
}
