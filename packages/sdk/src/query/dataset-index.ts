import type { Axis, Solution } from '../schemas/axis.js';
import { summedAmount } from '../schemas/collections.js';
import type { Dataset, DatasetInput } from '../schemas/dataset.js';
import type { ConcertationFigures } from '../schemas/figures.js';
import type { Funding } from '../schemas/funding.js';
import type { Instance, Milestone } from '../schemas/milestone.js';
import type { Project } from '../schemas/project.js';
import type { SourceDocument } from '../schemas/source.js';
import type { Territory, TerritoryKind } from '../schemas/territory.js';
import { normalizeText } from './normalize.js';
import { Entry, TERRITORY_KINDS, territoryKindBit, type ProjectEntry } from './project-entry.js';

export { BARE_CODE_ORDER, TERRITORY_KINDS, territoryKindBit, type ProjectEntry } from './project-entry.js';
export { descendantsOf, isWithin, resolveTerritory, territoryScope } from './territory-lookup.js';


/** Memoized, derived data; results never depend on what is cached. */
interface IndexCache {
  readonly descendants: Map<string, ReadonlySet<string>>;
  readonly textMatches: Map<string, Uint8Array>;
  titleRanks?: Int32Array;
  readonly sortedOrders: Map<string, Int32Array>;
  readonly scopes: Map<string, Uint8Array>;
  territoriesByLowerId?: Map<string, Territory>;
}

/** The dataset, indexed for the query functions. Treat it as read-only. */
export interface DatasetIndex {
  readonly meta: { readonly version?: string; readonly generatedAt?: string };
  readonly projects: readonly Project[];
  readonly territories: readonly Territory[];
  readonly axes: readonly Axis[];
  readonly solutions: readonly Solution[];
  readonly fundings: readonly Funding[];
  readonly figures: readonly ConcertationFigures[];
  readonly documents: readonly SourceDocument[];
  readonly milestones: readonly Milestone[];
  readonly instances: readonly Instance[];

  /** One entry per project, in the same order as `projects`. */
  readonly entries: readonly ProjectEntry[];

  readonly projectsById: ReadonlyMap<string, Project>;
  readonly territoriesById: ReadonlyMap<string, Territory>;
  readonly axesById: ReadonlyMap<string, Axis>;
  readonly solutionsById: ReadonlyMap<string, Solution>;
  readonly fundingsById: ReadonlyMap<string, Funding>;
  readonly figuresById: ReadonlyMap<string, ConcertationFigures>;
  readonly documentsById: ReadonlyMap<string, SourceDocument>;
  readonly milestonesById: ReadonlyMap<string, Milestone>;
  readonly instancesById: ReadonlyMap<string, Instance>;

  /** Territory id → its position in `territories` (the first, when an id is repeated). */
  readonly territoryPositions: ReadonlyMap<string, number>;
  /** Territories by kind, then by upper-cased code. */
  readonly territoriesByCode: ReadonlyMap<TerritoryKind, ReadonlyMap<string, Territory>>;
  /** Direct children in the territory hierarchy (see `descendantsOf`). */
  readonly territoryChildren: ReadonlyMap<string, readonly string[]>;
  /** Direct parents in the territory hierarchy (the reverse of `territoryChildren`). */
  readonly territoryParents: ReadonlyMap<string, readonly string[]>;
  /** Sub-group id → its axis id. */
  readonly subgroupAxis: ReadonlyMap<string, string>;

  /** Every axis and sub-group id (dataset order, each axis then its sub-groups), then unknown ones projects name. */
  readonly axisValues: readonly string[];
  /** Normalized keys of the funders of at least one project. */
  readonly funderKeys: readonly string[];
  /** Normalized funder key → its first spelling in the data. */
  readonly funderLabels: ReadonlyMap<string, string>;
  /** Per funding (same order as `fundings`): its normalized funder key. */
  readonly fundingFunderKeys: readonly string[];
  /** Per funding: positions of the envelopes it is drawn from, nearest first (cycles cut). */
  readonly fundingEnvelopes: readonly (readonly number[])[];

  /** @internal Memoized derived data. */
  readonly cache: IndexCache;
}

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) if (!map.has(record.id)) map.set(record.id, record);
  return map;
}

/** The distinct values, in first-seen order (linear: a Set beyond a few values). */
function unique<T>(values: readonly T[]): T[] {
  if (values.length <= 8) {
    const out: T[] = [];
    for (const value of values) if (!out.includes(value)) out.push(value);
    return out;
  }
  return [...new Set(values)];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Year of a partial date (`2023`, `2023-02`, `2023-02-07`), or undefined. */
export function yearOf(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const year = Number.parseInt(date.slice(0, 4), 10);
  return Number.isFinite(year) ? year : undefined;
}

/**
 * Indexes a dataset for the query functions, in time linear in the size of
 * the data: maps by id for every collection, territory codes and the
 * hierarchy, and per project its axes, years, funding amount and funders.
 * Each project's normalized search text is computed on the first text search
 * (about half the indexing cost, which most widgets never need), and every
 * territory's descendants on first use. Missing collections count as empty.
 */
export function createIndex(dataset: Dataset | DatasetInput): DatasetIndex {
  const projects = dataset.projects ?? [];
  const territories = dataset.territories ?? [];
  const axes = dataset.axes ?? [];
  const solutions = dataset.solutions ?? [];
  const fundings = dataset.fundings ?? [];
  const figures = dataset.figures ?? [];
  const documents = dataset.documents ?? [];
  const milestones = dataset.milestones ?? [];
  const instances = dataset.instances ?? [];

  const territoriesById = byId(territories);
  const territoryPositions = new Map<string, number>();
  territories.forEach((territory, i) => {
    if (!territoryPositions.has(territory.id)) territoryPositions.set(territory.id, i);
  });
  const solutionsById = byId(solutions);
  const fundingsById = byId(fundings);

  // Territory codes and hierarchy.
  const territoriesByCode = new Map<TerritoryKind, Map<string, Territory>>();
  for (const kind of TERRITORY_KINDS) territoriesByCode.set(kind, new Map());
  const children = new Map<string, string[]>();
  const parents = new Map<string, string[]>();
  const link = (parent: string, child: string): void => {
    if (parent === child) return;
    pushTo(children, parent, child);
    pushTo(parents, child, parent);
  };
  for (const territory of territories) {
    const codes = territoriesByCode.get(territory.kind);
    const key = territory.code.toUpperCase();
    if (codes && !codes.has(key)) codes.set(key, territory);
    if (territory.parent !== undefined) link(territory.parent, territory.id);
    for (const covered of territory.covers ?? []) {
      // A partial grouping (a TDS covering part of a département) does not
      // contain the whole of what it names: only named communes are kept.
      if (territory.partial === true && territoriesById.get(covered)?.kind !== 'commune') continue;
      link(territory.id, covered);
    }
  }

  // Axes and sub-groups.
  const axisValues: string[] = [];
  const axisCode = new Map<string, number>();
  const codeOfAxis = (value: string): number => {
    let code = axisCode.get(value);
    if (code === undefined) {
      code = axisValues.length;
      axisValues.push(value);
      axisCode.set(value, code);
    }
    return code;
  };
  const subgroupAxis = new Map<string, string>();
  for (const axis of axes) {
    codeOfAxis(axis.id);
    for (const subgroup of axis.subgroups ?? []) {
      codeOfAxis(subgroup.id);
      if (!subgroupAxis.has(subgroup.id)) subgroupAxis.set(subgroup.id, axis.id);
    }
  }

  // Fundings.
  const fundingPosition = new Map<string, number>();
  fundings.forEach((funding, i) => {
    if (!fundingPosition.has(funding.id)) fundingPosition.set(funding.id, i);
  });
  const funderLabels = new Map<string, string>();
  const fundingFunderKeys = fundings.map((funding) => {
    const key = normalizeText(funding.funder);
    if (!funderLabels.has(key)) funderLabels.set(key, funding.funder.trim());
    return key;
  });
  const fundingEnvelopes = fundings.map((funding, i) => {
    const chain: number[] = [];
    const seen = new Set<number>([i]);
    let next = funding.envelope;
    while (next !== undefined) {
      const position = fundingPosition.get(next);
      if (position === undefined || seen.has(position)) break;
      seen.add(position);
      chain.push(position);
      next = fundings[position]!.envelope;
    }
    return chain;
  });
  const fundingsByProject = new Map<string, number[]>();
  fundings.forEach((funding, i) => {
    const named = funding.projects;
    if (!named) return;
    for (const id of unique(named)) pushTo(fundingsByProject, id, i);
  });

  // Projects. Lists that most projects leave empty share one empty list, and
  // the axis candidates go through one scratch list, so indexing allocates
  // little more than what each entry keeps.
  const funderKeys: string[] = [];
  const funderCode = new Map<string, number>();
  const candidates: string[] = [];
  const addAxis = (value: string): void => {
    candidates.push(value);
    const parent = subgroupAxis.get(value);
    if (parent !== undefined) candidates.push(parent);
  };
  const NONE: readonly never[] = [];
  const entries: ProjectEntry[] = new Array<ProjectEntry>(projects.length);
  for (let position = 0; position < projects.length; position++) {
    const project = projects[position]!;

    candidates.length = 0;
    for (const value of project.axes) addAxis(value);
    const solution = project.solution === undefined ? undefined : solutionsById.get(project.solution);
    if (solution) {
      addAxis(solution.axis);
      if (solution.subgroup !== undefined) addAxis(solution.subgroup);
    }
    const axisList = unique(candidates);
    const axisCodes = axisList.map(codeOfAxis);

    let years: [number, number][] | undefined;
    const start = yearOf(project.startDate);
    const end = yearOf(project.endDate);
    if (start !== undefined || end !== undefined) {
      const lo = start ?? end!;
      const hi = end ?? start!;
      years = [lo <= hi ? [lo, hi] : [hi, lo]];
    }

    const fundingList: readonly number[] = fundingsByProject.get(project.id) ?? NONE;
    let amount: number | undefined;
    let funderList: readonly string[] = NONE;
    let funderCodes: readonly number[] = NONE;
    if (fundingList.length > 0) {
      amount = 0;
      let counted = false;
      const own = fundingList.length > 8 ? new Set(fundingList) : undefined;
      const isOwn = (f: number): boolean => (own ? own.has(f) : fundingList.includes(f));
      const keys: string[] = [];
      for (const f of fundingList) {
        const funding = fundings[f]!;
        keys.push(fundingFunderKeys[f]!);
        if (funding.year !== undefined) (years ??= []).push([funding.year, funding.year]);
        const chain = fundingEnvelopes[f]!;
        const summed = summedAmount(funding);
        if (summed !== undefined && (chain.length === 0 || !chain.some(isOwn))) {
          amount += summed;
          counted = true;
        }
      }
      // Only a support or a requested amount: no amount, not « 0 € ».
      if (!counted) amount = undefined;
      funderList = unique(keys);
      funderCodes = funderList.map((key) => {
        let code = funderCode.get(key);
        if (code === undefined) {
          code = funderKeys.length;
          funderKeys.push(key);
          funderCode.set(key, code);
        }
        return code;
      });
    }

    let territoryKinds = 0;
    const territoryCodes = new Int32Array(project.territories.length);
    for (let k = 0; k < project.territories.length; k++) {
      const code = territoryPositions.get(project.territories[k]!) ?? -1;
      territoryCodes[k] = code;
      if (code >= 0) territoryKinds |= territoryKindBit(territories[code]!.kind);
    }

    entries[position] = new Entry(
      project,
      position,
      axisList,
      axisCodes,
      years ?? NONE,
      amount,
      funderList,
      funderCodes,
      fundingList,
      territoryCodes,
      territoryKinds,
      project.startDate,
    );
  }

  return {
    meta: { version: dataset.version, generatedAt: dataset.generatedAt },
    projects,
    territories,
    axes,
    solutions,
    fundings,
    figures,
    documents,
    milestones,
    instances,
    entries,
    projectsById: byId(projects),
    territoriesById,
    axesById: byId(axes),
    solutionsById,
    fundingsById,
    figuresById: byId(figures),
    documentsById: byId(documents),
    milestonesById: byId(milestones),
    instancesById: byId(instances),
    territoryPositions,
    territoriesByCode,
    territoryChildren: children,
    territoryParents: parents,
    subgroupAxis,
    axisValues,
    funderKeys,
    funderLabels,
    fundingFunderKeys,
    fundingEnvelopes,
    cache: { descendants: new Map(), textMatches: new Map(), sortedOrders: new Map(), scopes: new Map() },
  };
}
