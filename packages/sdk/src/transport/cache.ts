/** The in-memory response cache of `getJson`: a TTL per entry, ETags kept for revalidation, least recently stored dropped first. */

export interface CacheEntry {
  /** The parsed body, shared with every caller. */
  data: unknown;
  etag: string | undefined;
  /** Time (ms since the epoch) until which the entry is served without asking the server. */
  expires: number;
}

export interface ResponseCache {
  get(url: string): CacheEntry | undefined;
  /** Stores (or refreshes) an entry, dropping the oldest beyond the size limit. */
  set(url: string, entry: CacheEntry): void;
  /** Marks every entry as due for revalidation (ETags kept). */
  expire(): void;
  clear(): void;
}

export function createResponseCache(maxEntries: number): ResponseCache {
  const limit = Math.max(1, maxEntries);
  const entries = new Map<string, CacheEntry>();
  return {
    get: (url) => entries.get(url),
    set(url, entry) {
      entries.delete(url);
      entries.set(url, entry);
      while (entries.size > limit) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    expire() {
      for (const entry of entries.values()) entry.expires = 0;
    },
    clear() {
      entries.clear();
    },
  };
}
