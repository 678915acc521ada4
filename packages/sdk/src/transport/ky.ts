/**
 * The SDK's ky instance: timeout, retry with backoff on network errors and
 * 408/429/5xx honouring `Retry-After`, `credentials: 'omit'`. Nothing else
 * (no cache, no error mapping: see `http.ts`).
 */
import ky, { type KyInstance } from 'ky';
import { isAbortError } from '../errors.js';
import { RETRY_STATUS_CODES } from './errors.js';

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

/** What the ky instance takes from `HttpOptions` (see `http.ts`). */
export interface KyOptions {
  retry?: number | HttpRetryOptions;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

function isValidRetryAfter(value: string): boolean {
  return /^\s*\d{1,10}\s*$/.test(value) || !Number.isNaN(Date.parse(value));
}

export function createKy(options: KyOptions, prefixUrl: string, timeout: number): KyInstance {
  const retry: HttpRetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const base = retry.delay ?? 300;
  return ky.create({
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
      shouldRetry: ({ error }) => (isAbortError(error) ? false : undefined),
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
}
