/**
 * What fetch, ky and a response body can go wrong with, said as the SDK's
 * typed errors (bilingual messages, `retryable`, `code`). No request is made here.
 */
import { isHTTPError, isTimeoutError } from 'ky';
import { CnrAbortError, CnrDataError, CnrError, CnrHttpError, isAbortError } from '../errors.js';

/** Statuses worth another attempt: request timeout, rate limit, server faults. */
export const RETRY_STATUS_CODES: readonly number[] = [408, 429, 500, 502, 503, 504];

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
  if (isAbortError(error)) return new CnrAbortError(error);
  return new CnrHttpError({
    message: describe(undefined, url, { fr: 'Le serveur est injoignable', en: 'The server cannot be reached' }),
    url,
    retryable: true,
    code: 'network',
    cause: error,
  });
}

/** A URL that `Request` cannot read. */
export function invalidUrlError(url: string, cause: unknown): CnrHttpError {
  return new CnrHttpError({
    message: describe(undefined, url, { fr: 'Adresse invalide', en: 'Invalid URL' }),
    url,
    retryable: false,
    code: 'network',
    cause,
  });
}

/** A 304 answering no `If-None-Match` of ours. */
export function unexpectedNotModifiedError(url: string): CnrHttpError {
  return new CnrHttpError({
    message: describe(304, url, { fr: 'Réponse 304 inattendue', en: 'Unexpected 304 response' }),
    status: 304,
    url,
    retryable: false,
    code: 'http',
  });
}

/** The body did not arrive within the timeout. */
export function bodyTimeoutError(status: number, url: string): CnrHttpError {
  return new CnrHttpError({
    message: describe(status, url, {
      fr: 'La réponse n’a pas été reçue en entier à temps',
      en: 'The response body did not arrive in time',
    }),
    status,
    url,
    retryable: true,
    code: 'timeout',
  });
}

/** What reading a body threw: an abort, or the connection broken in the middle of the body. */
export function bodyReadError(error: unknown, status: number, url: string): CnrError {
  if (error instanceof CnrError) return error;
  if (isAbortError(error)) return new CnrAbortError(error);
  return new CnrHttpError({
    message: describe(status, url, { fr: 'La réponse est incomplète', en: 'The response is truncated' }),
    status,
    url,
    retryable: true,
    code: 'network',
    cause: error,
  });
}

/**
 * A body that arrived but is not JSON is the file's fault, not the server's:
 * CnrDataError `unreadable`, with line and column (the code that finds them
 * is loaded only then).
 */
export async function unreadableJsonError(text: string, url: string, cause: unknown): Promise<CnrDataError> {
  const located = await import('../validation/json-text.js').catch(() => undefined);
  if (located) return located.unreadableJsonError(text, url, cause);
  return new CnrDataError({
    code: 'unreadable',
    url,
    cause,
    message: `Le fichier de données « ${url} » est illisible (JSON invalide). / The data file "${url}" is unreadable (invalid JSON).`,
  });
}
