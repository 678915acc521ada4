import type { Project } from '../schemas/project.js';
import { descendantsOf, resolveTerritory, territoryScope, type DatasetIndex, type ProjectEntry } from './dataset-index.js';
import { matchesTokens, normalizeText, tokenize } from './normalize.js';
import type { ProjectFilters } from './types.js';

/** Bits of the filters that have a facet (a facet ignores its own filter). */
export const AXES_BIT = 1;
export const STATUSES_BIT = 2;
export const TERRITORY_BIT = 4;
export const FUNDER_BIT = 8;
export const ALL_FACET_BITS = AXES_BIT | STATUSES_BIT | TERRITORY_BIT | FUNDER_BIT;

/** Filters checked, cleaned and resolved against an index, ready to evaluate many times. */
export interface CompiledFilters {
  readonly thematique: string | undefined;
  readonly solution: string | undefined;
  readonly axes: readonly string[] | undefined;
  readonly axisSet: ReadonlySet<string> | undefined;
  readonly statuses: ReadonlySet<string> | undefined;
  /** The resolved territory id (or the raw value when unknown). */
  readonly territory: string | undefined;
  /** Territories below `territory`. */
  readonly territoryDescendants: ReadonlySet<string> | undefined;
  /** Per territory position, 1 for `territory` and the territories below it. */
  readonly territoryFlags: Uint8Array | undefined;
  readonly funder: string | undefined;
  readonly yearFrom: number | undefined;
  readonly yearTo: number | undefined;
  readonly tokens: readonly string[] | undefined;
  /** Per project position, 1 when the text matches (present when `tokens` is). */
  readonly textMatches: Uint8Array | undefined;
  /** True when a filter that has no facet (thématique, solution, years, text) is set. */
  readonly hasHardFilter: boolean;
  /** True when a filter that concerns projects themselves (axes, solution, statuses, text) is set. */
  readonly hasProjectFilter: boolean;
  /** Canonical form of the filters (for cursor fingerprints). */
  readonly canonical: string;
}

function cleanString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function cleanList(value: unknown): string[] | undefined {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : [];
  const out = new Set<string>();
  for (const item of list) {
    const cleaned = cleanString(item);
    if (cleaned !== undefined) out.add(cleaned);
  }
  return out.size > 0 ? [...out].sort() : undefined;
}

function cleanYear(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const TEXT_CACHE_SIZE = 16;

function textMatchesFor(index: DatasetIndex, tokens: readonly string[]): Uint8Array {
  const key = tokens.join(' ');
  const cache = index.cache.textMatches;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const entries = index.entries;
  const matches = new Uint8Array(entries.length);
  for (let i = 0; i < entries.length; i++) if (matchesTokens(entries[i]!.text, tokens)) matches[i] = 1;
  if (cache.size >= TEXT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, matches);
  return matches;
}

/**
 * Cleans and resolves filters: blank strings and empty lists mean "no
 * constraint", a single string is accepted where a list is expected, the
 * territory is resolved (see `resolveTerritory`; an unknown one is kept as is,
 * so it matches only projects naming that exact id), the funder and the text
 * are normalized.
 */
export function compileFilters(index: DatasetIndex, filters: ProjectFilters = {}): CompiledFilters {
  const thematique = cleanString(filters.thematique);
  const solution = cleanString(filters.solution);
  const axes = cleanList(filters.axes);
  const statusList = cleanList(filters.statuses);
  const rawTerritory = cleanString(filters.territory);
  const territory = rawTerritory === undefined ? undefined : (resolveTerritory(index, rawTerritory)?.id ?? rawTerritory);
  const funderRaw = cleanString(filters.funder);
  const funder = funderRaw === undefined ? undefined : normalizeText(funderRaw);
  const yearFrom = cleanYear(filters.yearFrom);
  const yearTo = cleanYear(filters.yearTo);
  const q = cleanString(filters.q);
  const tokenList = q === undefined ? [] : tokenize(q);
  const tokens = tokenList.length > 0 ? tokenList : undefined;
  const canonical = JSON.stringify([
    thematique ?? null,
    axes ?? null,
    solution ?? null,
    statusList ?? null,
    territory ?? null,
    funder ?? null,
    yearFrom ?? null,
    yearTo ?? null,
    tokens ? [...tokens].sort() : null,
  ]);
  return {
    thematique,
    solution,
    axes,
    axisSet: axes ? new Set(axes) : undefined,
    statuses: statusList ? new Set(statusList) : undefined,
    territory,
    territoryDescendants: territory === undefined ? undefined : descendantsOf(index, territory),
    territoryFlags: territory === undefined ? undefined : territoryScope(index, territory),
    funder,
    yearFrom,
    yearTo,
    tokens,
    textMatches: tokens ? textMatchesFor(index, tokens) : undefined,
    hasHardFilter:
      thematique !== undefined || solution !== undefined || yearFrom !== undefined || yearTo !== undefined || tokens !== undefined,
    hasProjectFilter: axes !== undefined || solution !== undefined || statusList !== undefined || tokens !== undefined,
    canonical,
  };
}

/** True when the entry passes the filters that have no facet (thématique, solution, years, text). */
export function passesHardFilters(entry: ProjectEntry, f: CompiledFilters): boolean {
  if (!f.hasHardFilter) return true;
  if (f.thematique !== undefined && entry.project.thematique !== f.thematique) return false;
  if (f.solution !== undefined && entry.project.solution !== f.solution) return false;
  if (f.textMatches !== undefined && f.textMatches[entry.position] !== 1) return false;
  if (f.yearFrom !== undefined || f.yearTo !== undefined) {
    const from = f.yearFrom ?? -Infinity;
    const to = f.yearTo ?? Infinity;
    let inRange = false;
    for (const [lo, hi] of entry.years) {
      if (lo <= to && hi >= from) {
        inRange = true;
        break;
      }
    }
    if (!inRange) return false;
  }
  return true;
}

/** Bitmask of the faceted filters the entry passes (`ALL_FACET_BITS` when it passes all). */
export function facetBits(entry: ProjectEntry, f: CompiledFilters): number {
  let bits = ALL_FACET_BITS;
  if (f.axisSet !== undefined) {
    let any = false;
    for (const axis of entry.axes) {
      if (f.axisSet.has(axis)) {
        any = true;
        break;
      }
    }
    if (!any) bits &= ~AXES_BIT;
  }
  if (f.statuses !== undefined) {
    const status = entry.project.status;
    if (status === undefined || !f.statuses.has(status)) bits &= ~STATUSES_BIT;
  }
  if (f.territoryFlags !== undefined) {
    const flags = f.territoryFlags;
    const codes = entry.territoryCodes;
    let any = false;
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k]!;
      // A territory id the referential lacks matches only a filter naming it exactly.
      if (code >= 0 ? flags[code] === 1 : entry.project.territories[k] === f.territory) {
        any = true;
        break;
      }
    }
    if (!any) bits &= ~TERRITORY_BIT;
  }
  if (f.funder !== undefined && !entry.funders.includes(f.funder)) bits &= ~FUNDER_BIT;
  return bits;
}

/** The entries passing every filter, in dataset order. */
export function filterEntries(index: DatasetIndex, f: CompiledFilters): ProjectEntry[] {
  const out: ProjectEntry[] = [];
  for (const entry of index.entries) {
    if (passesHardFilters(entry, f) && facetBits(entry, f) === ALL_FACET_BITS) out.push(entry);
  }
  return out;
}

/**
 * The projects matching every filter, in dataset order:
 * - `thematique`, `solution`: equal;
 * - `axes`: any of them, where a project is under its own axes, the axis of each
 *   sub-group it names, and its solution's axis and sub-group;
 * - `statuses`: any of them (a project without status matches none);
 * - `territory`: one of the project's territories is the filter territory or
 *   lies below it (downward only: a project of the région does not match a
 *   filter on one of its départements);
 * - `funder`: a funding naming the project has this funder (case- and
 *   accent-insensitive, whole name);
 * - `yearFrom`/`yearTo`: inclusive; the project's stated dates (start to end)
 *   or the year of a funding naming it intersect the range; a project with no
 *   date and no funding year fails a year filter;
 * - `q`: every word occurs, as a substring, in the normalized title, porteurs,
 *   partenaires or objectifs.
 */
export function filterProjects(index: DatasetIndex, filters: ProjectFilters = {}): Project[] {
  return filterEntries(index, compileFilters(index, filters)).map((entry) => entry.project);
}
