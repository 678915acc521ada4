import type { Http } from '../transport/http.js';
import { createMemorySource } from './memory.js';
import type { DataSource } from './types.js';

export type StaticSourceOptions =
  /** A dataset document at this URL: fetched once, revalidated (ETag) on `refresh()`. */
  | { url: string | URL; http: Http }
  /** A dataset document already in memory (parsed JSON). */
  | { document: unknown };

/** One dataset document — the way an ARS publishes its open data — validated, indexed and queried in memory. */
export function createStaticSource(options: StaticSourceOptions): DataSource {
  if ('document' in options) {
    const document = options.document;
    return createMemorySource('static', () => Promise.resolve(document));
  }
  const { http } = options;
  const url = String(options.url);
  return createMemorySource('static', async (signal, revalidate) => {
    // The transport answers a 304 with the very same parsed object: no new parse.
    const response = await http.getJson(url, { signal, revalidate });
    return response.data;
  });
}
