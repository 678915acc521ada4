import * as z from 'zod/mini';
import { CnrAbortError, CnrDataError, CnrError, CnrHttpError } from '../errors.js';
import type { TerritoryBreakdownRow } from '../query/breakdown.js';
import type { FiguresTotal, FundingTotal, Page, ProjectFacets } from '../query/types.js';
import { Axis, Solution } from '../schemas/axis.js';
import { DatasetMeta, type Dataset } from '../schemas/dataset.js';
import { Project } from '../schemas/project.js';
import { SourceDocument } from '../schemas/source.js';
import { Territory } from '../schemas/territory.js';
import type { Http } from '../transport/http.js';
import type { ValidationProblem, ValidationReport } from '../validation/report.js';
import { issuesToProblems } from '../validation/problems.js';
import { parseEnvelope, validateRecords } from './records.js';
import { breakdownToParams, figuresQueryToParams, filtersToParams, projectQueryToParams } from './rest-params.js';
import {
  BreakdownEnvelope,
  FiguresTotalSchema,
  FundingTotalSchema,
  ListEnvelope,
  PageEnvelope,
  ProjectFacetsSchema,
} from './rest-schemas.js';
import type { CallOptions, ClientResult, DataSource, LoadResult } from './types.js';

export interface RestSourceOptions {
  /** The transport, created with the API's base URL as `prefixUrl`. */
  http: Http;
  /** Results kept to answer with `stale: true` when the API fails. Default 100. */
  maxStaleEntries?: number;
}

interface Interpreted<T> {
  data: T;
  problems: ValidationProblem[];
}

interface Request<T> {
  path: string;
  params?: URLSearchParams;
  signal: AbortSignal | undefined;
  revalidate?: boolean;
  interpret: (body: unknown) => Interpreted<T>;
  /** An answer for an error that is not a failure (a 404 for a get-by-id). */
  recover?: (error: CnrError) => Interpreted<T> | undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function list<T>(collection: string, schema: z.ZodMiniType<T>) {
  return (body: unknown): Interpreted<T[]> => {
    const { items } = parseEnvelope(ListEnvelope, body, collection);
    const { valid, problems } = validateRecords(collection, schema, items);
    return { data: valid, problems };
  };
}

function envelope<T>(schema: z.ZodMiniType<T>, what: string) {
  return (body: unknown): Interpreted<T> => ({ data: parseEnvelope(schema, body, what), problems: [] });
}

function meta(body: unknown): Interpreted<DatasetMeta> {
  if (!isObject(body) || Array.isArray(body)) {
    throw new CnrDataError({
      message: 'La réponse « meta » n’est pas un objet. / The "meta" response is not an object.',
    });
  }
  const result = z.safeParse(DatasetMeta, body);
  if (result.success) return { data: result.data, problems: [] };
  return {
    data: { version: 'inconnue', generatedAt: new Date(0).toISOString() },
    problems: issuesToProblems(result.error.issues, body, {}, 'warning'),
  };
}

/**
 * A REST API speaking the contract of `openapi/cnr-api.openapi.json`.
 *
 * Records received are validated one by one: the invalid ones are left out
 * and reported in `problems`, the valid ones kept. A response whose envelope
 * is unusable fails with {@link CnrDataError}. When a call fails (HTTP,
 * network, timeout, unusable body) and an earlier answer to the same request
 * exists, that answer is returned with `stale: true` and the failure in
 * `error`.
 */
export function createRestSource({ http, maxStaleEntries = 100 }: RestSourceOptions): DataSource {
  /** Last good answer per request, for stale fallbacks. */
  const lastGood = new Map<string, ClientResult<unknown>>();
  /** Validated answers by parsed body: a cached or revalidated (304) body is not validated again. */
  const interpreted = new WeakMap<object, Interpreted<unknown>>();

  function remember(key: string, result: ClientResult<unknown>): void {
    lastGood.delete(key);
    lastGood.set(key, result);
    while (lastGood.size > maxStaleEntries) {
      const oldest = lastGood.keys().next().value;
      if (oldest === undefined) break;
      lastGood.delete(oldest);
    }
  }

  async function call<T>(request: Request<T>): Promise<ClientResult<T>> {
    const query = request.params?.toString() ?? '';
    const key = query ? `${request.path}?${query}` : request.path;
    try {
      const response = await http.getJson(request.path, {
        ...(request.params ? { searchParams: request.params } : {}),
        signal: request.signal,
        revalidate: request.revalidate ?? false,
      });
      const body = response.data;
      let answer = (isObject(body) ? interpreted.get(body) : undefined) as Interpreted<T> | undefined;
      if (!answer) {
        try {
          answer = request.interpret(body);
        } catch (error) {
          // A body that is JSON but not the expected envelope: name the URL at fault.
          if (error instanceof CnrDataError && error.url === undefined) {
            throw new CnrDataError({ message: `${response.url} : ${error.message}`, code: error.code, url: response.url, problems: error.problems, cause: error });
          }
          throw error;
        }
        if (isObject(body)) interpreted.set(body, answer);
      }
      const result: ClientResult<T> = { data: answer.data, stale: false, problems: answer.problems };
      remember(key, result);
      return result;
    } catch (error) {
      if (request.signal?.aborted) throw new CnrAbortError(request.signal.reason);
      if (!(error instanceof CnrError) || error instanceof CnrAbortError) throw error;
      const recovered = request.recover?.(error);
      if (recovered) {
        const result: ClientResult<T> = { data: recovered.data, stale: false, problems: recovered.problems };
        remember(key, result);
        return result;
      }
      const previous = lastGood.get(key) as ClientResult<T> | undefined;
      if (previous) return { data: previous.data, problems: previous.problems, stale: true, error };
      throw error;
    }
  }

  async function load(options: CallOptions | undefined, revalidate: boolean): Promise<LoadResult> {
    const signal = options?.signal;
    const at = <T>(path: string, interpret: (body: unknown) => Interpreted<T>) =>
      call({ path, signal, revalidate, interpret });
    const [metaResult, documents, territories, axes, solutions] = await Promise.all([
      at('meta', meta),
      at('documents', list('documents', SourceDocument)),
      at('territories', list('territories', Territory)),
      at('axes', list('axes', Axis)),
      at('solutions', list('solutions', Solution)),
    ]);
    const parts = [metaResult, documents, territories, axes, solutions];
    const dataset: Dataset = {
      ...metaResult.data,
      documents: documents.data,
      territories: territories.data,
      axes: axes.data,
      solutions: solutions.data,
      projects: [],
      fundings: [],
      figures: [],
      milestones: [],
      instances: [],
    };
    const problems = parts.flatMap((part) => part.problems);
    const counts: ValidationReport['counts'] = {};
    for (const [name, part] of [
      ['documents', documents],
      ['territories', territories],
      ['axes', axes],
      ['solutions', solutions],
    ] as const) {
      const invalid = new Set(part.problems.map((problem) => problem.index)).size;
      counts[name] = { valid: part.data.length, invalid };
    }
    const error = parts.find((part) => part.error)?.error;
    return {
      data: dataset,
      dataset,
      report: { problems, counts },
      problems,
      complete: false,
      stale: parts.some((part) => part.stale),
      ...(error ? { error } : {}),
    };
  }

  return {
    kind: 'rest',
    load: (options) => load(options, false),
    refresh(options) {
      http.expire();
      return load(options, true);
    },
    projects(filters, query, options) {
      return call<Page<Project>>({
        path: 'projects',
        params: projectQueryToParams(filters, query),
        signal: options?.signal,
        interpret(body) {
          const page = parseEnvelope(PageEnvelope, body, 'projects');
          const { valid, problems } = validateRecords('projects', Project, page.items, page.offset);
          const { nextCursor, ...rest } = page;
          return { data: { ...rest, items: valid, ...(nextCursor === undefined ? {} : { nextCursor }) }, problems };
        },
      });
    },
    project(id, options) {
      return call({
        path: `projects/${encodeURIComponent(id)}`,
        signal: options?.signal,
        interpret(body) {
          const { valid, problems } = validateRecords('projects', Project, [body]);
          return { data: valid[0], problems };
        },
        recover: (error) =>
          error instanceof CnrHttpError && error.status === 404 ? { data: undefined, problems: [] } : undefined,
      });
    },
    facets(filters, options) {
      return call<ProjectFacets>({
        path: 'facets',
        params: filtersToParams(filters),
        signal: options?.signal,
        interpret: envelope(ProjectFacetsSchema, 'facets'),
      });
    },
    fundingTotal(filters, options) {
      return call<FundingTotal>({
        path: 'funding/total',
        params: filtersToParams(filters),
        signal: options?.signal,
        interpret: envelope(FundingTotalSchema, 'funding/total'),
      });
    },
    figures(query, options) {
      return call<FiguresTotal>({
        path: 'figures',
        params: figuresQueryToParams(query),
        signal: options?.signal,
        interpret: envelope(FiguresTotalSchema, 'figures'),
      });
    },
    breakdown(filters, level, options) {
      return call<TerritoryBreakdownRow[]>({
        path: 'breakdown',
        params: breakdownToParams(filters, level),
        signal: options?.signal,
        interpret: (body) => ({ data: parseEnvelope(BreakdownEnvelope, body, 'breakdown').items, problems: [] }),
      });
    },
    territories: (options) => call({ path: 'territories', signal: options?.signal, interpret: list('territories', Territory) }),
    axes: (options) => call({ path: 'axes', signal: options?.signal, interpret: list('axes', Axis) }),
    documents: (options) => call({ path: 'documents', signal: options?.signal, interpret: list('documents', SourceDocument) }),
  };
}

