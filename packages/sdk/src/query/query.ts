import type { Project } from '../schemas/project.js';
import type { DatasetIndex, ProjectEntry } from './dataset-index.js';
import { CnrQueryError } from './errors.js';
import { ALL_FACET_BITS, compileFilters, facetBits, passesHardFilters } from './filter.js';
import { frenchCollator, frenchSortKey } from './normalize.js';
import type { Page, ProjectFilters, ProjectQueryOptions, ProjectSortKey } from './types.js';

import { DEFAULT_LIMIT, MAX_LIMIT } from './limits.js';
import { PROJECT_SORT_KEYS } from '../schemas/collections.js';

export { DEFAULT_LIMIT, MAX_LIMIT };

const SORT_KEYS: readonly ProjectSortKey[] = PROJECT_SORT_KEYS;

function compareIds(a: ProjectEntry, b: ProjectEntry): number {
  const x = a.project.id;
  const y = b.project.id;
  return x < y ? -1 : x > y ? 1 : a.position - b.position;
}

/** Below this many items, a title sort compares titles directly instead of building the rank table. */
const DIRECT_TITLE_SORT = 2000;

/**
 * The French collator's comparison of two entries' titles: through their
 * {@link frenchSortKey} when every title of `entries` has one (no
 * `Intl.Collator` created: 8–16 ms in Chromium, on a list's first paint),
 * else through the collator.
 */
function titleComparison(entries: readonly ProjectEntry[]): (a: ProjectEntry, b: ProjectEntry) => number {
  const keys = new Map<ProjectEntry, string>();
  for (const entry of entries) {
    const key = frenchSortKey(entry.project.title);
    if (key === undefined) {
      const collator = frenchCollator();
      return (a, b) => collator.compare(a.project.title, b.project.title);
    }
    keys.set(entry, key);
  }
  return (a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/**
 * Rank of every project's title under the French collator (equal titles share
 * a rank), computed once per index on the first large title sort.
 */
function titleRanks(index: DatasetIndex): Int32Array {
  let ranks = index.cache.titleRanks;
  if (ranks) return ranks;
  const entries = index.entries;
  const compare = titleComparison(entries);
  const order = entries.map((_, i) => i);
  order.sort((a, b) => compare(entries[a]!, entries[b]!));
  ranks = new Int32Array(entries.length);
  let rank = 0;
  for (let k = 0; k < order.length; k++) {
    const current = order[k]!;
    if (k > 0 && compare(entries[order[k - 1]!]!, entries[current]!) !== 0) rank = k;
    ranks[current] = rank;
  }
  index.cache.titleRanks = ranks;
  return ranks;
}

/**
 * Sorts entries in place. `title` uses the French collator (base sensitivity,
 * numeric: « Projet 2 » before « Projet 10 »); `date` the start date (a
 * partial date sorts before the precise dates of the same period); `amount`
 * the project's funding. Projects without a date or an amount come last in
 * either order. Ties are always broken by id, ascending, so the order is total
 * and stable whatever `order`.
 */
export function sortEntries(
  index: DatasetIndex,
  entries: ProjectEntry[],
  sort: ProjectSortKey,
  order: 'asc' | 'desc',
): ProjectEntry[] {
  const sign = order === 'desc' ? -1 : 1;
  if (sort === 'title') {
    if (entries.length <= DIRECT_TITLE_SORT && !index.cache.titleRanks) {
      const compare = titleComparison(entries);
      return entries.sort((a, b) => sign * compare(a, b) || compareIds(a, b));
    }
    const ranks = titleRanks(index);
    return entries.sort((a, b) => sign * (ranks[a.position]! - ranks[b.position]!) || compareIds(a, b));
  }
  if (sort === 'date') {
    return entries.sort((a, b) => {
      const x = a.date;
      const y = b.date;
      if (x === y) return compareIds(a, b);
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return sign * (x < y ? -1 : 1);
    });
  }
  return entries.sort((a, b) => {
    const x = a.amount;
    const y = b.amount;
    if (x === y) return compareIds(a, b);
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return sign * (x - y) || compareIds(a, b);
  });
}

/**
 * Positions of every project in the order of `sort` and `order`, computed once
 * per index and kind of sort: a query then filters this order and never sorts.
 */
function sortedOrder(index: DatasetIndex, sort: ProjectSortKey, order: 'asc' | 'desc'): Int32Array {
  const key = `${sort}:${order}`;
  let positions = index.cache.sortedOrders.get(key);
  if (!positions) {
    const sorted = sortEntries(index, [...index.entries], sort, order);
    positions = Int32Array.from(sorted, (entry) => entry.position);
    index.cache.sortedOrders.set(key, positions);
  }
  return positions;
}

// --- cursors ---------------------------------------------------------------

/** FNV-1a, 32 bits, as 8 hex digits. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function toBase64Url(ascii: string): string {
  return btoa(ascii).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(encoded)) return undefined;
  try {
    return atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}

function queryFingerprint(canonicalFilters: string, sort: ProjectSortKey, order: string): string {
  return fingerprint(`${canonicalFilters}|${sort}|${order}`);
}

function invalidCursor(reason: 'malformed' | 'foreign'): CnrQueryError {
  return reason === 'malformed'
    ? new CnrQueryError({
        code: 'invalid-cursor',
        message: 'Invalid cursor: it is not a cursor issued by this query engine.',
        messageFr: 'Curseur invalide : ce n’est pas un curseur produit par ce moteur de requête.',
      })
    : new CnrQueryError({
        code: 'invalid-cursor',
        message: 'Invalid cursor: it was issued for other filters or another sort; start again from the first page.',
        messageFr: 'Curseur invalide : il a été produit pour d’autres filtres ou un autre tri ; reprenez à la première page.',
      });
}

/**
 * A cursor is `base64url("<offset>.<fingerprint>")`, the fingerprint hashing the
 * normalized filters, the sort and the order (not the page size, which may
 * change between pages). Opaque to callers.
 */
function encodeCursor(offset: number, print: string): string {
  return toBase64Url(`${offset}.${print}`);
}

function decodeCursor(cursor: string, print: string): number {
  const decoded = fromBase64Url(cursor);
  const match = decoded === undefined ? null : /^(\d{1,9})\.([0-9a-f]{8})$/.exec(decoded);
  if (!match) throw invalidCursor('malformed');
  if (match[2] !== print) throw invalidCursor('foreign');
  return Number(match[1]);
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

function clampOffset(offset: number | undefined): number {
  if (offset === undefined || !Number.isFinite(offset)) return 0;
  return Math.max(0, Math.floor(offset));
}

/**
 * One page of the projects matching `filters` (see `filterProjects`), sorted
 * (see `sortEntries`; default `title`, ascending). `limit` defaults to 20 and
 * is clamped to 1…1000. A `cursor` takes precedence over `offset`; a cursor
 * that is malformed or was issued for other filters or another sort throws a
 * `CnrQueryError` (`code: 'invalid-cursor'`) rather than returning a page of
 * another query. `nextCursor` is set unless the page is the last.
 */
export function queryProjects(
  index: DatasetIndex,
  filters: ProjectFilters = {},
  options: ProjectQueryOptions = {},
): Page<Project> {
  const compiled = compileFilters(index, filters);
  const sort: ProjectSortKey = SORT_KEYS.includes(options.sort as ProjectSortKey) ? options.sort! : 'title';
  const order = options.order === 'desc' ? 'desc' : 'asc';
  const print = queryFingerprint(compiled.canonical, sort, order);
  const limit = clampLimit(options.limit);
  const offset = options.cursor !== undefined ? decodeCursor(options.cursor, print) : clampOffset(options.offset);

  const all = index.entries;
  const items: Project[] = [];
  let total = 0;
  for (const position of sortedOrder(index, sort, order)) {
    const entry = all[position]!;
    if (!passesHardFilters(entry, compiled) || facetBits(entry, compiled) !== ALL_FACET_BITS) continue;
    if (total >= offset && items.length < limit) items.push(entry.project);
    total++;
  }
  const page: Page<Project> = { items, total, offset, limit };
  const next = offset + items.length;
  if (items.length > 0 && next < total) page.nextCursor = encodeCursor(next, print);
  return page;
}
