import type { KyInstance } from 'ky';
import { CnrAbortError } from '../errors.js';
import { parseJsonBody, readText } from './body.js';
import { createResponseCache } from './cache.js';
import { toCnrError, unexpectedNotModifiedError } from './errors.js';
import { createKy, type HttpRetryOptions } from './ky.js';
import { createSharedRunner, throwIfAborted } from './shared.js';
import { resolveUrl } from './url.js';

export { RETRY_STATUS_CODES, toCnrError } from './errors.js';
export type { HttpRetryOptions } from './ky.js';

export interface HttpOptions {
  /** Base URL of every relative request made through the returned client. */
  prefixUrl?: string | URL;
  /**
   * Milliseconds allowed for the response headers of each attempt, and again
   * for reading its body. Default 10 000.
   */
  timeout?: number;
  /** Number of retries, or the retry policy. Default 2 retries. */
  retry?: number | HttpRetryOptions;
  /** A `fetch` to use instead of the global one (tests, SSR frameworks). */
  fetch?: typeof fetch;
  /**
   * How long a response is served from memory without asking the server, in
   * ms. After that it is revalidated (`If-None-Match`). `0` revalidates every
   * time. Default 60 000.
   */
  cacheTtl?: number;
  /** Responses kept in memory (for the TTL, for revalidation and for stale fallbacks). Default 100. */
  maxCacheEntries?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

export interface GetJsonOptions {
  searchParams?: URLSearchParams | Record<string, string>;
  signal?: AbortSignal;
  /** Ask the server even when the cached response is still within its TTL (conditionally when it has an ETag). */
  revalidate?: boolean;
}

export interface JsonResponse {
  /** The parsed body. Shared with the cache and with concurrent callers: do not mutate it. */
  data: unknown;
  /** The absolute URL requested. */
  url: string;
  etag?: string;
  /** `network`: a fresh body; `revalidated`: the server answered 304; `cache`: served from memory within the TTL. */
  from: 'network' | 'revalidated' | 'cache';
}

export interface Http {
  /** The configured ky instance (timeout, retry, no cookies, hooks), for requests the helpers below do not cover. */
  readonly ky: KyInstance;
  /**
   * GET a JSON document with in-flight de-duplication, the in-memory TTL cache
   * and ETag revalidation. Rejects with {@link CnrHttpError} (or
   * {@link CnrAbortError} when `signal` aborts).
   */
  getJson(input: string, options?: GetJsonOptions): Promise<JsonResponse>;
  /** Marks every cached response as due for revalidation (kept for `If-None-Match`). */
  expire(): void;
  /** Forgets every cached response and ETag. */
  clear(): void;
}

/**
 * Creates the SDK's HTTP client: a ky instance (timeout, retry with backoff on
 * network errors and 408/429/5xx honouring `Retry-After`, `credentials:
 * 'omit'`) and a `getJson` helper adding de-duplication of identical
 * in-flight GETs, an in-memory cache with a TTL and ETag revalidation.
 */
export function createHttp(options: HttpOptions = {}): Http {
  const timeout = options.timeout ?? 10_000;
  const cacheTtl = options.cacheTtl ?? 60_000;
  const prefixUrl = options.prefixUrl === undefined ? '' : String(options.prefixUrl);
  const instance = createKy(options, prefixUrl, timeout);
  const cache = createResponseCache(options.maxCacheEntries ?? 100);
  const share = createSharedRunner();

  async function fetchJson(url: string, signal: AbortSignal): Promise<JsonResponse> {
    const entry = cache.get(url);
    const bodyTimeout = new AbortController();
    let response: Response;
    try {
      response = await instance.get(url, {
        prefixUrl: '',
        signal: AbortSignal.any([signal, bodyTimeout.signal]),
        ...(entry?.etag ? { headers: { 'if-none-match': entry.etag } } : {}),
      });
    } catch (error) {
      throw signal.aborted ? new CnrAbortError(signal.reason) : toCnrError(error, url);
    }
    if (response.status === 304) {
      void response.body?.cancel().catch(() => undefined);
      if (!entry) throw unexpectedNotModifiedError(url);
      cache.set(url, { ...entry, expires: Date.now() + cacheTtl });
      return { data: entry.data, url, ...(entry.etag ? { etag: entry.etag } : {}), from: 'revalidated' };
    }
    const data = await parseJsonBody(await readText(response, url, timeout, bodyTimeout), url);
    const etag = response.headers.get('etag') ?? undefined;
    cache.set(url, { data, etag, expires: Date.now() + cacheTtl });
    return { data, url, ...(etag ? { etag } : {}), from: 'network' };
  }

  return {
    ky: instance,
    async getJson(input, { searchParams, signal, revalidate = false } = {}) {
      throwIfAborted(signal);
      const url = resolveUrl(prefixUrl, input, searchParams);
      const entry = cache.get(url);
      if (entry && !revalidate && entry.expires > Date.now()) {
        return { data: entry.data, url, ...(entry.etag ? { etag: entry.etag } : {}), from: 'cache' };
      }
      return share(url, (shared) => fetchJson(url, shared), signal);
    },
    expire: () => cache.expire(),
    clear: () => cache.clear(),
  };
}
