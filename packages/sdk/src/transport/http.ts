import ky, { isHTTPError, isTimeoutError, type KyInstance } from 'ky';
import { CnrAbortError, CnrDataError, CnrError, CnrHttpError } from '../errors.js';
import { createSharedRunner, throwIfAborted } from './shared.js';

/** Statuses worth another attempt: request timeout, rate limit, server faults. */
export const RETRY_STATUS_CODES: readonly number[] = [408, 429, 500, 502, 503, 504];
/** Statuses whose `Retry-After` header is honoured. */
const RETRY_AFTER_STATUS_CODES = [429, 503];

export interface HttpRetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Base of the exponential backoff in ms (attempt n waits about base × 2^(n-1)). Default 300. */
  delay?: number;
  /** Longest backoff between two attempts, in ms. Default 5 000. */
  backoffLimit?: number;
  /** Longest wait a `Retry-After` header may impose, in ms; longer values are capped. Default 10 000. */
  maxRetryAfter?: number;
}

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

interface CacheEntry {
  data: unknown;
  etag: string | undefined;
  expires: number;
}

function isValidRetryAfter(value: string): boolean {
  return /^\s*\d{1,10}\s*$/.test(value) || !Number.isNaN(Date.parse(value));
}

function joinUrl(prefix: string, input: string): string {
  if (!prefix) return input;
  return (prefix.endsWith('/') ? prefix : `${prefix}/`) + input.replace(/^\/+/, '');
}

function describe(status: number | undefined, url: string, what: { fr: string; en: string }): string {
  return `${what.fr} / ${what.en}${status === undefined ? '' : ` (HTTP ${status})`}: ${url}`;
}

/** Maps whatever fetch or ky threw to the SDK's typed errors. */
export function toCnrError(error: unknown, url: string): CnrError {
  if (error instanceof CnrError) return error;
  if (isHTTPError(error)) {
    const status = error.response.status;
    void error.response.body?.cancel().catch(() => undefined);
    return new CnrHttpError({
      message: describe(status, url, { fr: 'Le serveur a refusé la requête', en: 'The server refused the request' }),
      status,
      url,
      retryable: RETRY_STATUS_CODES.includes(status),
      code: 'http',
      cause: error,
    });
  }
  if (isTimeoutError(error)) {
    return new CnrHttpError({
      message: describe(undefined, url, { fr: 'Le serveur n’a pas répondu à temps', en: 'The server did not answer in time' }),
      url,
      retryable: true,
      code: 'timeout',
      cause: error,
    });
  }
  if (error instanceof Error && error.name === 'AbortError') return new CnrAbortError(error);
  return new CnrHttpError({
    message: describe(undefined, url, { fr: 'Le serveur est injoignable', en: 'The server cannot be reached' }),
    url,
    retryable: true,
    code: 'network',
    cause: error,
  });
}

/**
 * Creates the SDK's HTTP client: a ky instance (timeout, retry with backoff on
 * network errors and 408/429/5xx honouring `Retry-After`, `credentials:
 * 'omit'`) and a `getJson` helper adding de-duplication of identical
 * in-flight GETs, an in-memory cache with a TTL and ETag revalidation.
 */
export function createHttp(options: HttpOptions = {}): Http {
  const timeout = options.timeout ?? 10_000;
  const retry: HttpRetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const base = retry.delay ?? 300;
  const cacheTtl = options.cacheTtl ?? 60_000;
  const maxEntries = Math.max(1, options.maxCacheEntries ?? 100);
  const prefixUrl = options.prefixUrl === undefined ? '' : String(options.prefixUrl);

  const instance = ky.create({
    prefixUrl,
    timeout,
    credentials: 'omit',
    headers: { accept: 'application/json', ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      limit: Math.max(0, retry.limit ?? 2),
      methods: ['get', 'head'],
      statusCodes: [...RETRY_STATUS_CODES],
      afterStatusCodes: RETRY_AFTER_STATUS_CODES,
      maxRetryAfter: retry.maxRetryAfter ?? 10_000,
      backoffLimit: retry.backoffLimit ?? 5_000,
      delay: (attempt) => base * 2 ** (attempt - 1),
      // Half fixed, half random: spreads clients that failed together.
      jitter: (delay) => delay / 2 + (Math.random() * delay) / 2,
      // A caller's abort is final; everything else follows the rules above.
      shouldRetry: ({ error }) => (error.name === 'AbortError' ? false : undefined),
    },
    hooks: {
      afterResponse: [
        // ky would wait the whole `maxRetryAfter` on a `Retry-After` it cannot read: drop such a header.
        (_request, _options, response) => {
          const after = response.headers.get('retry-after');
          if (after === null || isValidRetryAfter(after)) return;
          const headers = new Headers(response.headers);
          headers.delete('retry-after');
          return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
        },
      ],
    },
    // A 304 is the answer to our own `If-None-Match`, handled by `getJson`.
    throwHttpErrors: (status) => status !== 304,
  });

  const cache = new Map<string, CacheEntry>();
  const share = createSharedRunner();

  function remember(url: string, entry: CacheEntry): void {
    cache.delete(url);
    cache.set(url, entry);
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  }

  function resolveUrl(input: string, searchParams: GetJsonOptions['searchParams']): string {
    let raw = joinUrl(prefixUrl, input);
    const query = searchParams ? new URLSearchParams(searchParams).toString() : '';
    if (query) raw += (raw.includes('?') ? '&' : '?') + query;
    try {
      // `Request` resolves a relative URL against the page in a browser, and normalises it.
      return new Request(raw).url;
    } catch (cause) {
      throw new CnrHttpError({
        message: describe(undefined, raw, { fr: 'Adresse invalide', en: 'Invalid URL' }),
        url: raw,
        retryable: false,
        code: 'network',
        cause,
      });
    }
  }

  async function readText(response: Response, url: string, bodyTimeout: AbortController): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new CnrHttpError({
          message: describe(response.status, url, {
            fr: 'La réponse n’a pas été reçue en entier à temps',
            en: 'The response body did not arrive in time',
          }),
          status: response.status,
          url,
          retryable: true,
          code: 'timeout',
        });
        bodyTimeout.abort(error);
        reject(error);
      }, timeout);
    });
    try {
      return await Promise.race([response.text(), timedOut]);
    } catch (error) {
      if (error instanceof CnrError) throw error;
      if (error instanceof Error && error.name === 'AbortError') throw new CnrAbortError(error);
      // The connection broke in the middle of the body.
      throw new CnrHttpError({
        message: describe(response.status, url, { fr: 'La réponse est incomplète', en: 'The response is truncated' }),
        status: response.status,
        url,
        retryable: true,
        code: 'network',
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

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
      if (!entry) {
        throw new CnrHttpError({
          message: describe(304, url, { fr: 'Réponse 304 inattendue', en: 'Unexpected 304 response' }),
          status: 304,
          url,
          retryable: false,
          code: 'http',
        });
      }
      remember(url, { ...entry, expires: Date.now() + cacheTtl });
      return { data: entry.data, url, ...(entry.etag ? { etag: entry.etag } : {}), from: 'revalidated' };
    }
    const text = await readText(response, url, bodyTimeout);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (cause) {
      // A body that arrived but is not JSON is the file's fault, not the server's: CnrDataError
      // `unreadable`, with line and column (the code that finds them is loaded only then).
      const located = await import('../validation/json-text.js').catch(() => undefined);
      if (located) throw located.unreadableJsonError(text, url, cause);
      throw new CnrDataError({
        code: 'unreadable',
        url,
        cause,
        message: `Le fichier de données « ${url} » est illisible (JSON invalide). / The data file "${url}" is unreadable (invalid JSON).`,
      });
    }
    const etag = response.headers.get('etag') ?? undefined;
    remember(url, { data, etag, expires: Date.now() + cacheTtl });
    return { data, url, ...(etag ? { etag } : {}), from: 'network' };
  }

  return {
    ky: instance,
    async getJson(input, { searchParams, signal, revalidate = false } = {}) {
      throwIfAborted(signal);
      const url = resolveUrl(input, searchParams);
      const entry = cache.get(url);
      if (entry && !revalidate && entry.expires > Date.now()) {
        return { data: entry.data, url, ...(entry.etag ? { etag: entry.etag } : {}), from: 'cache' };
      }
      return share(url, (shared) => fetchJson(url, shared), signal);
    },
    expire() {
      for (const entry of cache.values()) entry.expires = 0;
    },
    clear() {
      cache.clear();
    },
  };
}
