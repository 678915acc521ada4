/**
 * Typed access to the map geometry of France (régions and départements, the
 * five overseas départements as insets), generated from `@gouvfr/dsfr-chart`
 * by `packages/elements/scripts/extract-geometry.mjs`. See ./README.md.
 *
 * Everything lives in one SVG user space ({@link FRANCE_BOX}): draw every shape
 * in a single `<svg viewBox=…>` with no transform. Bounding boxes and label
 * points are precomputed, so nothing here parses a path.
 *
 * This module is meant to be loaded on demand (`await import(…)`): it carries
 * the whole geometry chunk.
 */
import { DEPARTMENTS, INSETS, METRO_BOX as METRO, REGIONS, SOURCE, VIEWBOX } from './france.generated.js';

/** A rectangle in the map's SVG user space. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type TerritoryLevel = 'region' | 'department';

export interface TerritoryShape {
  readonly level: TerritoryLevel;
  /** INSEE COG code: région `'44'`, `'01'`…; département `'44'`, `'2A'`, `'971'`… */
  readonly code: string;
  /** Name as the INSEE COG writes it (`'Provence-Alpes-Côte d\'Azur'`, `'La Réunion'`). */
  readonly name: string;
  /** Département only: code of its région. */
  readonly regionCode?: string;
  /** SVG path data, in the map's user space. */
  readonly d: string;
  /** Bounding box of `d`. */
  readonly bbox: Box;
  /** A point inside the shape, far from its edges: where to put a label or a marker. */
  readonly center: readonly [x: number, y: number];
  /** Overseas territories only: the inset frame the shape is drawn in. */
  readonly inset?: Box;
}

export interface Inset {
  readonly departmentCode: string;
  readonly regionCode: string;
  readonly name: string;
  /** The inset's frame (a square), to draw a border around it. */
  readonly box: Box;
}

const box = (b: readonly number[]): Box => ({ x: b[0] ?? 0, y: b[1] ?? 0, width: b[2] ?? 0, height: b[3] ?? 0 });

/** The whole map: metropolitan France and the inset column. */
export const FRANCE_BOX: Box = box(VIEWBOX);
/** Metropolitan France only (Corse included), without the insets. */
export const METRO_BOX: Box = box(METRO);

/** Where the geometry comes from, for an attribution line. */
export const GEOMETRY_SOURCE: {
  readonly package: string;
  readonly version: string;
  readonly license: string;
  readonly copyright: string;
} = SOURCE;

let cache:
  | {
      regions: readonly TerritoryShape[];
      departments: readonly TerritoryShape[];
      insets: readonly Inset[];
      regionByCode: ReadonlyMap<string, TerritoryShape>;
      departmentByCode: ReadonlyMap<string, TerritoryShape>;
    }
  | undefined;

function load(): NonNullable<typeof cache> {
  if (cache) return cache;
  const insetOf = new Map<string, Box>();
  for (const [dep, reg, b] of INSETS) {
    insetOf.set(`department:${dep}`, box(b));
    insetOf.set(`region:${reg}`, box(b));
  }
  const shape = (
    level: TerritoryLevel,
    code: string,
    name: string,
    b: readonly number[],
    d: string,
    regionCode?: string,
  ): TerritoryShape => {
    const inset = insetOf.get(`${level}:${code}`);
    return Object.freeze({
      level,
      code,
      name,
      ...(regionCode === undefined ? {} : { regionCode }),
      d,
      bbox: box(b),
      center: [b[4] ?? 0, b[5] ?? 0] as const,
      ...(inset ? { inset } : {}),
    });
  };
  const regions = Object.freeze(REGIONS.map(([code, name, b, d]) => shape('region', code, name, b, d)));
  const departments = Object.freeze(
    DEPARTMENTS.map(([code, name, reg, b, d]) => shape('department', code, name, b, d, reg)),
  );
  const departmentByCode = new Map(departments.map((s) => [s.code, s]));
  const insets = Object.freeze(
    INSETS.map(([departmentCode, regionCode, b]) =>
      Object.freeze({
        departmentCode,
        regionCode,
        name: departmentByCode.get(departmentCode)?.name ?? departmentCode,
        box: box(b),
      }),
    ),
  );
  cache = {
    regions,
    departments,
    insets,
    regionByCode: new Map(regions.map((s) => [s.code, s])),
    departmentByCode,
  };
  return cache;
}

/** The 18 régions, in INSEE code order (overseas `01`–`06` first). */
export function regions(): readonly TerritoryShape[] {
  return load().regions;
}

/**
 * The 101 départements in INSEE code order (`01`…`19`, `2A`, `2B`, `21`…`95`,
 * `971`…`976`), or only those of one région.
 */
export function departments(regionCode?: string): readonly TerritoryShape[] {
  const all = load().departments;
  return regionCode === undefined ? all : all.filter((s) => s.regionCode === regionCode);
}

/** One région by INSEE code. */
export function region(code: string): TerritoryShape | undefined {
  return load().regionByCode.get(code);
}

/** One département by INSEE code (`'2A'`, `'971'`; `'01'` is Ain, not Guadeloupe). */
export function department(code: string): TerritoryShape | undefined {
  return load().departmentByCode.get(code);
}

/** One shape by level and code. */
export function territory(level: TerritoryLevel, code: string): TerritoryShape | undefined {
  return level === 'region' ? region(code) : department(code);
}

/** The five overseas insets, top to bottom: Guadeloupe, Martinique, Guyane, La Réunion, Mayotte. */
export function insets(): readonly Inset[] {
  return load().insets;
}

/** Smallest box containing all the given boxes (undefined for none). */
export function unionBox(boxes: Iterable<Box>): Box | undefined {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? undefined : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Grows a box by `margin` on every side; a margin below 1 is a fraction of the
 * box's larger side (`0.05` → 5 %).
 */
export function padBox(b: Box, margin: number): Box {
  const m = margin < 1 ? margin * Math.max(b.width, b.height) : margin;
  return { x: b.x - m, y: b.y - m, width: b.width + 2 * m, height: b.height + 2 * m };
}

/** The `viewBox` attribute for a box, rounded to 0.1. */
export function toViewBox(b: Box): string {
  const r = (n: number): number => Math.round(n * 10) / 10;
  return `${r(b.x)} ${r(b.y)} ${r(b.width)} ${r(b.height)}`;
}

/** Bounding box of a set of shapes (e.g. the départements of a territoire de démocratie sanitaire). */
export function shapesBox(shapes: Iterable<TerritoryShape>): Box | undefined {
  const boxes: Box[] = [];
  for (const s of shapes) boxes.push(s.bbox);
  return unionBox(boxes);
}

/**
 * Box to zoom on a région (its départements, with a margin), or the whole map
 * when `regionCode` is undefined. For an overseas région this is its inset
 * territory. Undefined for an unknown code.
 */
export function regionBox(regionCode?: string, margin = 0.04): Box | undefined {
  if (regionCode === undefined) return FRANCE_BOX;
  const b = shapesBox(departments(regionCode));
  return b && padBox(b, margin);
}
