import { isUnattributed, summedAmount } from '../schemas/collections.js';
import type { Territory } from '../schemas/territory.js';
import { descendantsOf, resolveTerritory, type DatasetIndex } from './dataset-index.js';
import { compileFilters, filterEntries, type CompiledFilters } from './filter.js';
import { sumFigures } from './figures.js';
import type { ProjectFilters } from './types.js';

/** The territory levels a breakdown is made at. */
export const BREAKDOWN_LEVELS = ['region', 'departement'] as const;
export type BreakdownLevel = (typeof BREAKDOWN_LEVELS)[number];

/** The figures of one territory in a {@link territoryBreakdown}. */
export interface TerritoryBreakdownRow {
  /** INSEE code (`44`, `2A`, `971`). */
  code: string;
  /** Territory id (`region:44`, `departement:44`): unambiguous, unlike the code. */
  territoryId: string;
  name: string;
  /** Projects of the selection located in the territory (see the hierarchy rule). */
  projects: number;
  /** Euros of the selection in the territory, nothing counted twice (`totalFunding` with this territory). */
  funding: number;
  /** `participants` of the concertation figures (`sumFigures`); absent when no record states it. */
  participants?: number;
  /** `propositions` of the concertation figures; absent when no record states it. */
  propositions?: number;
  /** True when at least one funding record is behind `funding` (false: « no data », not « 0 € »). */
  fundingKnown: boolean;
  /** True when at least one concertation figure record of the territory (or below it) was used. */
  figuresKnown: boolean;
  /**
   * When `participants` or `propositions` rests on a deduced value (see
   * `FiguresTotal.deduced`): which metric, and the reasoning. Absent otherwise
   * (and from a REST API).
   */
  deduced?: { metric: 'participants' | 'propositions'; reasoning: string }[];
}

/** Per index: territory id → the ids of the territories that contain it (itself excluded). */
const ancestorCache = new WeakMap<DatasetIndex, Map<string, ReadonlySet<string>>>();

/**
 * Territories containing `id` per the hierarchy (`parent` and `covers` links,
 * upward): exactly those whose `descendantsOf` includes `id`.
 */
function ancestorsOf(index: DatasetIndex, id: string): ReadonlySet<string> {
  let cache = ancestorCache.get(index);
  if (!cache) ancestorCache.set(index, (cache = new Map()));
  let result = cache.get(id);
  if (result) return result;
  const found = new Set<string>();
  const stack = [...(index.territoryParents.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === id || found.has(next)) continue;
    found.add(next);
    for (const parent of index.territoryParents.get(next) ?? []) if (!found.has(parent)) stack.push(parent);
  }
  result = found;
  cache.set(id, result);
  return result;
}

/** The départements a TDS (or another grouping) names in `covers`, wholly or partly. */
function coveredDepartments(index: DatasetIndex, territory: Territory): string[] {
  return (territory.covers ?? []).filter((id) => index.territoriesById.get(id)?.kind === 'departement');
}

/**
 * Where a project's territory `id` is located: itself, the territories that
 * contain it, and — for a TDS lying in one département (a departmental TDS,
 * or one of the TDS that split the Nord) — that département and what contains it.
 */
function locations(index: DatasetIndex, id: string): Set<string> {
  const out = new Set<string>([id, ...ancestorsOf(index, id)]);
  const territory = index.territoriesById.get(id);
  if (territory?.kind === 'tds') {
    const departments = coveredDepartments(index, territory);
    if (departments.length === 1) {
      const department = departments[0]!;
      out.add(department);
      for (const above of ancestorsOf(index, department)) out.add(above);
    }
  }
  return out;
}

/** The rows' territories: every territory of `level`, or those at, below or covered by `filterTerritory`. */
function rowsOf(index: DatasetIndex, level: BreakdownLevel, filterTerritory: string | undefined): Territory[] {
  const all = index.territories.filter(
    (territory, i) => territory.kind === level && index.territoryPositions.get(territory.id) === i,
  );
  if (filterTerritory === undefined) return all;
  const scope = resolveTerritory(index, filterTerritory);
  if (!scope) return [];
  const below = descendantsOf(index, scope.id);
  const covered = new Set(scope.covers ?? []);
  return all.filter((t) => t.id === scope.id || below.has(t.id) || covered.has(t.id));
}

/**
 * `totalFunding`'s test of one record against the thématique, funder and
 * year filters (a year is required of a record naming no project).
 */
function fundingMatches(index: DatasetIndex, f: CompiledFilters, position: number, yearRequired: boolean): boolean {
  const funding = index.fundings[position]!;
  if (summedAmount(funding) === undefined) return false;
  if (f.thematique !== undefined && funding.thematique !== f.thematique) return false;
  if (f.funder !== undefined && index.fundingFunderKeys[position] !== f.funder) return false;
  if (f.yearFrom === undefined && f.yearTo === undefined) return true;
  if (funding.year === undefined) return !yearRequired;
  return funding.year >= (f.yearFrom ?? -Infinity) && funding.year <= (f.yearTo ?? Infinity);
}

/** `totalFunding`'s sum of the relevant records: once each, a record drawn from a summed envelope left out. */
function fundingTotal(index: DatasetIndex, selected: ReadonlySet<number> | undefined): { total: number; known: boolean } {
  if (!selected) return { total: 0, known: false };
  const summed = [...selected]
    .filter((position) => !index.fundingEnvelopes[position]!.some((envelope) => selected.has(envelope)))
    .sort((a, b) => a - b);
  let total = 0;
  for (const position of summed) total += summedAmount(index.fundings[position]!) ?? 0;
  return { total: Math.round(total * 100) / 100, known: summed.length > 0 };
}

/**
 * The selection of `filters`, territory by territory: one row for every
 * territory of `level` (régions or départements) the dataset's referential
 * holds, in dataset order — for a choropleth map and its table.
 *
 * - `filters.territory` does not filter the counts (each row is its own
 *   territory filter); it limits the rows to the territories of `level` that
 *   are it, lie below it or that it covers (wholly or partly): `{ territory:
 *   'region:44' }` at `departement` level gives the départements of Grand Est.
 * - `projects`: the projects matching the other filters that are located in
 *   the territory. A project counts for every territory one of its
 *   territories is or lies in, once however many of its territories do so: a
 *   project in a commune or an EPCI counts for its département and its
 *   région. A project on a territoire de démocratie sanitaire counts for the
 *   département the TDS lies in when it covers (wholly or, like the two TDS
 *   of the Nord, partly) only one, and for the TDS's région; a TDS covering
 *   several départements counts for its région only. A project at national
 *   level counts nowhere. Rows can add up to more than the selection (a
 *   project in two régions counts in both).
 *   Note: a département *filter* (`filterProjects`) does not include a TDS
 *   covering that département (the hierarchy is downward only), so for a
 *   project on a TDS this count can exceed what the filter lists.
 * - `funding`: equal to `totalFunding(index, { ...filters, territory: row })`
 *   (its rule, computed for every row in one pass), so no amount is counted
 *   twice within a row; it follows the territory filter, so a TDS project's
 *   funding counts for the TDS's région only. `fundingKnown` is false when
 *   no funding record is behind it (« no data », not « 0 € »).
 * - `participants`, `propositions`: `sumFigures(index, { territory: row,
 *   thematique })` — the concertation figures depend only on the territory
 *   and the thématique, not on the other filters; absent when no record
 *   states them, `figuresKnown` false when no record was used at all.
 */
export function territoryBreakdown(
  index: DatasetIndex,
  filters: ProjectFilters = {},
  level: BreakdownLevel = 'region',
): TerritoryBreakdownRow[] {
  const { territory: filterTerritory, ...others } = filters;
  const rows = rowsOf(index, level, filterTerritory?.trim() || undefined);
  if (rows.length === 0) return [];
  const rowIds = new Set(rows.map((t) => t.id));

  // Projects: each matching project once per row it is located in.
  const compiled = compileFilters(index, others);
  const projects = new Map<string, number>();
  const memo = new Map<string, Set<string>>();
  const matching = filterEntries(index, compiled);
  for (const entry of matching) {
    const hit = new Set<string>();
    for (const id of entry.project.territories) {
      let where = memo.get(id);
      if (!where) memo.set(id, (where = locations(index, id)));
      for (const place of where) if (rowIds.has(place)) hit.add(place);
    }
    for (const place of hit) projects.set(place, (projects.get(place) ?? 0) + 1);
  }

  // Funding: `totalFunding`'s relevant records, gathered for every row in one pass.
  const selected = new Map<string, Set<number>>();
  const select = (place: string, position: number): void => {
    let set = selected.get(place);
    if (!set) selected.set(place, (set = new Set()));
    set.add(position);
  };
  for (const entry of matching) {
    if (entry.fundings.length === 0) continue;
    // The territory filter's rule here (no TDS extension), as `totalFunding` applies it.
    const places = new Set<string>();
    for (const id of entry.project.territories) {
      for (const place of [id, ...ancestorsOf(index, id)]) if (rowIds.has(place)) places.add(place);
    }
    for (const position of entry.fundings) {
      if (!fundingMatches(index, compiled, position, false)) continue;
      for (const place of places) select(place, position);
    }
  }
  if (!compiled.hasProjectFilter) {
    index.fundings.forEach((funding, position) => {
      if ((funding.projects?.length ?? 0) > 0 || funding.territory === undefined) return;
      if (!fundingMatches(index, compiled, position, true)) return;
      for (const place of [funding.territory, ...ancestorsOf(index, funding.territory)]) {
        if (rowIds.has(place)) select(place, position);
      }
    });
  }

  // Figures: rows where a record lies.
  const figureRows = new Set<string>();
  for (const record of index.figures) {
    // An unattributed figure is no territory's figure.
    if (isUnattributed(record) || record.territory === undefined) continue;
    for (const place of [record.territory, ...ancestorsOf(index, record.territory)]) {
      if (rowIds.has(place)) figureRows.add(place);
    }
  }

  return rows.map((territory) => {
    const id = territory.id;
    const count = projects.get(id) ?? 0;
    const funding = fundingTotal(index, selected.get(id));
    const figures = figureRows.has(id)
      ? sumFigures(index, { territory: id, ...(others.thematique ? { thematique: others.thematique } : {}) })
      : undefined;
    const row: TerritoryBreakdownRow = {
      code: territory.code,
      territoryId: id,
      name: territory.name,
      projects: count,
      funding: funding.total,
      fundingKnown: funding.known,
      figuresKnown: (figures?.records.length ?? 0) > 0,
    };
    if (figures?.participants !== undefined) row.participants = figures.participants;
    if (figures?.propositions !== undefined) row.propositions = figures.propositions;
    const deduced = (figures?.deduced ?? []).flatMap(({ metric, reasoning }) =>
      metric === 'participants' || metric === 'propositions' ? [{ metric, reasoning }] : [],
    );
    if (deduced.length > 0) row.deduced = deduced;
    return row;
  });
}
