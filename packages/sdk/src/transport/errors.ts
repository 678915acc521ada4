/**
 * What fetch, ky and a response body can go wrong with, said as the SDK's
 * typed errors (bilingual messages, `retryable`, `code`). No request is made here.
 */
import { isHTTPError, isTimeoutError } from 'ky';
import { CnrAbortError, CnrDataError, CnrError, CnrHttpError, isAbortError, type CnrHttpErrorCode } from '../errors.js';

/** Statuses worth another attempt: request timeout, rate limit, server faults. */
export const RETRY_STATUS_CODES: readonly number[] = [408, 429, 500, 502, 503, 504];

type Words = { fr: string; en: string };

/** A `CnrHttpError` whose message says what happened in both languages, the status and the URL. */
function httpError(code: CnrHttpErrorCode, retryable: boolean, url: string, what: Words, status?: number, cause?: unknown): CnrHttpError {
  const message = `${what.fr} / ${what.en}${status === undefined ? '' : ` (HTTP ${status})`}: ${url}`;
  return new CnrHttpError({ message, status, url, retryable, code, cause });
}

/** Maps whatever fetch or ky threw to the SDK's typed errors. */
export function toCnrError(error: unknown, url: string): CnrError {
  if (error instanceof CnrError) return error;
  if (isHTTPError(error)) {
    const status = error.response.status;
    void error.response.body?.cancel().catch(() => undefined);
    const what = { fr: 'Le serveur a refusé la requête', en: 'The server refused the request' };
    return httpError('http', RETRY_STATUS_CODES.includes(status), url, what, status, error);
  }
  if (isTimeoutError(error)) {
    return httpError('timeout', true, url, { fr: 'Le serveur n’a pas répondu à temps', en: 'The server did not answer in time' }, undefined, error);
  }
  if (isAbortError(error)) return new CnrAbortError(error);
  return httpError('network', true, url, { fr: 'Le serveur est injoignable', en: 'The server cannot be reached' }, undefined, error);
}

/** A URL that `Request` cannot read. */
export const invalidUrlError = (url: string, cause: unknown): CnrHttpError =>
  httpError('network', false, url, { fr: 'Adresse invalide', en: 'Invalid URL' }, undefined, cause);

/** A 304 answering no `If-None-Match` of ours. */
export const unexpectedNotModifiedError = (url: string): CnrHttpError =>
  httpError('http', false, url, { fr: 'Réponse 304 inattendue', en: 'Unexpected 304 response' }, 304);

/** The body did not arrive within the timeout. */
export const bodyTimeoutError = (status: number, url: string): CnrHttpError =>
  httpError('timeout', true, url, { fr: 'La réponse n’a pas été reçue en entier à temps', en: 'The response body did not arrive in time' }, status);

/** What reading a body threw: an abort, or the connection broken in the middle of the body. */
export function bodyReadError(error: unknown, status: number, url: string): CnrError {
  if (error instanceof CnrError) return error;
  if (isAbortError(error)) return new CnrAbortError(error);
  return httpError('network', true, url, { fr: 'La réponse est incomplète', en: 'The response is truncated' }, status, error);
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
