/** Territory kinds (their order, their bits) and what the index precomputes for one project (`ProjectEntry`). */
import type { Project } from '../schemas/project.js';
import type { TerritoryKind } from '../schemas/territory.js';
import { normalizeText } from './normalize.js';

/** Territory kinds, from the widest to the narrowest. */
export const TERRITORY_KINDS = ['pays', 'region', 'departement', 'tds', 'epci', 'commune'] as const satisfies readonly TerritoryKind[];

// The order in which a bare code is looked up lives with the ids: widgets read it without the query engine.
export { BARE_CODE_ORDER } from '../territories/ids.js';

const KIND_BIT: Readonly<Record<TerritoryKind, number>> = {
  pays: 1,
  region: 2,
  departement: 4,
  tds: 8,
  epci: 16,
  commune: 32,
};

/** Bit of a territory kind in {@link ProjectEntry.territoryKinds}. */
export function territoryKindBit(kind: TerritoryKind): number {
  return KIND_BIT[kind];
}

/** What the index precomputes for one project. */
export interface ProjectEntry {
  readonly project: Project;
  /** Position of the project in `index.projects`. */
  readonly position: number;
  /**
   * Normalized title, porteurs, partenaires and objectifs (see `normalizeText`),
   * computed on first read (the first text search), then kept.
   */
  readonly text: string;
  /**
   * Axis and sub-group ids the project is under, without duplicates: its own
   * `axes`, the axis of each sub-group it names, and its solution's axis and sub-group.
   */
  readonly axes: readonly string[];
  /** `axes` as positions in `index.axisValues` (for facets). */
  readonly axisCodes: readonly number[];
  /** Inclusive year intervals: the project's stated dates and its fundings' years. */
  readonly years: readonly (readonly [number, number])[];
  /**
   * Sum of the fundings naming the project, an allocation whose envelope also
   * names it not added again; `undefined` when no funding names it.
   */
  readonly amount: number | undefined;
  /** Normalized funder keys of the fundings naming the project. */
  readonly funders: readonly string[];
  /** `funders` as positions in `index.funderKeys` (for facets). */
  readonly funderCodes: readonly number[];
  /** Positions in `index.fundings` of the fundings naming the project. */
  readonly fundings: readonly number[];
  /** Positions in `index.territories` of the project's territories (-1 for an unknown id). */
  readonly territoryCodes: Int32Array;
  /** Bitmask of the kinds of the project's known territories (see `territoryKindBit`). */
  readonly territoryKinds: number;
  /** `startDate`, as stated. */
  readonly date: string | undefined;
}

/** @internal */
export class Entry implements ProjectEntry {
  #text: string | undefined;
  constructor(
    readonly project: Project,
    readonly position: number,
    readonly axes: readonly string[],
    readonly axisCodes: readonly number[],
    readonly years: readonly (readonly [number, number])[],
    readonly amount: number | undefined,
    readonly funders: readonly string[],
    readonly funderCodes: readonly number[],
    readonly fundings: readonly number[],
    readonly territoryCodes: Int32Array,
    readonly territoryKinds: number,
    readonly date: string | undefined,
  ) {}

  get text(): string {
    if (this.#text === undefined) {
      const p = this.project;
      let raw = p.title;
      for (const porteur of p.porteurs) raw += '\n' + porteur;
      if (p.partenaires) for (const partenaire of p.partenaires) raw += '\n' + partenaire;
      if (p.objectifs) for (const objectif of p.objectifs) raw += '\n' + objectif;
      this.#text = normalizeText(raw);
    }
    return this.#text;
  }
}

