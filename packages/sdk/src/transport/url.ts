import { invalidUrlError } from './errors.js';

function joinUrl(prefix: string, input: string): string {
  if (!prefix) return input;
  return (prefix.endsWith('/') ? prefix : `${prefix}/`) + input.replace(/^\/+/, '');
}

/**
 * The absolute, normalised URL of a request: `input` under `prefix`, with
 * `searchParams` appended. Throws `CnrHttpError` when it is no URL.
 */
export function resolveUrl(prefix: string, input: string, searchParams?: URLSearchParams | Record<string, string>): string {
  let raw = joinUrl(prefix, input);
  const query = searchParams ? new URLSearchParams(searchParams).toString() : '';
  if (query) raw += (raw.includes('?') ? '&' : '?') + query;
  try {
    // `Request` resolves a relative URL against the page in a browser, and normalises it.
    return new Request(raw).url;
  } catch (cause) {
    throw invalidUrlError(raw, cause);
  }
}
