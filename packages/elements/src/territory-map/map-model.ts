import { BARE_CODE_ORDER, describeTerritoryId, parseTerritoryId, type Territory, type TerritoryBreakdownRow, type ValidationProblem } from '@cnr-widgets/sdk';
import type * as Geometry from './geometry/index.js';

/**
 * The map without the DOM: which territories are drawn, their values and
 * colour classes, the legend's classes, and where the filter territory lies.
 */

export type TerritoryMapLevel = 'region' | 'department';
export type TerritoryMapMetric = 'projects' | 'funding' | 'participants' | 'propositions';
export type GeometryModule = typeof Geometry;
export type Shape = Geometry.TerritoryShape;
export type Box = Geometry.Box;

/** `FRANCE_BOX` (1216 × 1010), known before the geometry chunk arrives: every view is fitted to it. */
export const WIDTH = 1216;
export const HEIGHT = 1010;
/** INSEE codes of the 18 régions, to validate `region` without the geometry. */
export const REGION_CODES = '01 02 03 04 06 11 24 27 28 32 44 52 53 75 76 84 93 94'.split(' ');
/**
 * Width / height of each région's départements (`regionBox`, computed from the
 * geometry), known before the geometry chunk arrives: a zoomed map reserves its
 * own shape, kept between {@link MIN_RATIO} and {@link MAX_RATIO} (Corse would
 * be twice as tall as wide).
 */
const REGION_RATIOS: Record<string, number> = {
  '01': 1.144, '02': 0.863, '03': 0.806, '04': 1.115, '06': 0.771, '11': 1.207, '24': 0.813, '27': 1.271, '28': 1.269,
  '32': 0.858, '44': 1.177, '52': 1.031, '53': 1.627, '75': 0.749, '76': 1.341, '84': 1.326, '93': 1.148, '94': 0.495,
};
const MIN_RATIO = 0.8;
const MAX_RATIO = 1.6;

/** Width / height of the map's frame: France with its insets, or the zoomed région's own shape. */
export function frameRatio(zoom: string | undefined): number {
  const ratio = zoom === undefined ? undefined : REGION_RATIOS[zoom];
  return ratio === undefined ? WIDTH / HEIGHT : Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));
}

export const METRICS: readonly TerritoryMapMetric[] = ['projects', 'funding', 'participants', 'propositions'];
const PALETTE_SIZE = 5;

/** One territory of the map with its figures. */
export interface TerritoryMapItem {
  code: string;
  name: string;
  /** The territory id written to the filter: `region:44`, `departement:88`. */
  territoryId: string;
  /** The figure of the metric; `undefined`: no data. */
  value: number | undefined;
  projects: number | undefined;
  /** The reasonings when the value rests on a deduction (participants, propositions; see `TerritoryBreakdownRow.deduced`). */
  deduced?: string[];
  /** Colour class: `c1`–`c5`, `zero` or `none` (no data). */
  tone: string;
  /** Dotted over its colour: every other class (2nd, 4th), so that neighbouring classes differ by more than a shade. */
  dotted?: boolean;
  shape?: Shape;
}

/** What the map shows once loaded. */
export interface MapData {
  rows: ReadonlyMap<string, TerritoryBreakdownRow>;
  stale: boolean;
  problems: ValidationProblem[];
}

/** The filter territory, placed on the map. */
export interface Selection {
  kind: string;
  code: string;
  name: string;
  /** Régions and départements it is or lies in (or covers, for a TDS). */
  regions: Set<string>;
  departments: Set<string>;
  /** Name of the département a partial TDS is part of. */
  partOf?: string;
}

/** A class of the legend: its tone, and the range of values it stands for. */
export interface LegendClass {
  tone: string;
  dotted: boolean;
  low: number;
  high: number;
}

/**
 * Upper bounds of at most `k` quantile classes of the positive values
 * (duplicates merged, so fewer classes when values are few).
 */
export function quantileBreaks(values: readonly number[], k = PALETTE_SIZE): number[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let i = 1; i <= k && sorted.length > 0; i++) {
    const bound = sorted[Math.ceil((i * sorted.length) / k) - 1]!;
    if (breaks[breaks.length - 1] !== bound) breaks.push(bound);
  }
  return breaks;
}

/** Palette step (1–5) of class `i` of `n`, spread over the palette. */
function paletteStep(i: number, n: number): number {
  return n <= 1 ? 3 : 1 + Math.round((i * (PALETTE_SIZE - 1)) / (n - 1));
}

/** Grows a box to the map frame's aspect ratio (`width / height`), centred, so that every view fills the reserved frame. */
export function fitBox(b: Box, ratio = WIDTH / HEIGHT): Box {
  if (b.width / b.height < ratio) {
    const width = b.height * ratio;
    return { ...b, x: b.x - (width - b.width) / 2, width };
  }
  const height = b.width / ratio;
  return { ...b, y: b.y - (height - b.height) / 2, height };
}

function valueOf(row: TerritoryBreakdownRow | undefined, metric: TerritoryMapMetric): number | undefined {
  if (row === undefined) return undefined;
  if (metric === 'projects') return row.projects;
  if (metric === 'funding') return row.fundingKnown ? row.funding : undefined;
  return row[metric];
}

/** The territories with their values and colour classes, in INSEE code order. */
export function mapItems(
  geo: GeometryModule | undefined,
  data: MapData | undefined,
  level: TerritoryMapLevel,
  zoom: string | undefined,
  metric: TerritoryMapMetric,
): TerritoryMapItem[] {
  const kind = level === 'region' ? 'region' : 'departement';
  const rows = data?.rows ?? new Map<string, TerritoryBreakdownRow>();
  const shapes = geo ? (level === 'region' ? geo.regions() : geo.departments(zoom)) : undefined;
  const base = shapes
    ? shapes.map((shape) => ({ code: shape.code, name: rows.get(shape.code)?.name ?? shape.name, shape }))
    : [...rows.values()].map((row) => ({ code: row.code, name: row.name }));
  const items = base.map((item) => {
    const row = rows.get(item.code);
    const deduced = row?.deduced?.filter((entry) => entry.metric === metric).map((entry) => entry.reasoning) ?? [];
    return {
      ...item,
      territoryId: `${kind}:${item.code}`,
      value: valueOf(row, metric),
      projects: row?.projects,
      ...(deduced.length > 0 ? { deduced } : {}),
      tone: 'none',
    };
  });
  const breaks = quantileBreaks(items.map((item) => item.value ?? 0));
  for (const item of items) {
    if (item.value === undefined) continue;
    if (item.value <= 0) item.tone = 'zero';
    else {
      const rank = breaks.findIndex((bound) => item.value! <= bound);
      item.tone = `c${paletteStep(rank, breaks.length)}`;
      if (rank % 2 === 1) (item as TerritoryMapItem).dotted = true;
    }
  }
  return items;
}

/**
 * The legend classes, lowest first. A count's classes are ranges that follow
 * each other (« 1 », « 2 à 4 », « 5 à 12 »: every whole number has its class);
 * an amount's, the least and greatest amounts drawn in each.
 */
export function legendClasses(items: readonly TerritoryMapItem[], metric: TerritoryMapMetric): LegendClass[] {
  const ranges = new Map<string, { low: number; high: number; dotted: boolean }>();
  for (const item of items) {
    if (item.value === undefined || item.value <= 0) continue;
    const range = ranges.get(item.tone);
    if (range) {
      range.low = Math.min(range.low, item.value);
      range.high = Math.max(range.high, item.value);
    } else ranges.set(item.tone, { low: item.value, high: item.value, dotted: item.dotted === true });
  }
  const classes = [...ranges].sort((a, b) => a[1].low - b[1].low).map(([tone, range]) => ({ tone, ...range }));
  if (metric !== 'funding') classes.forEach((c, i) => (c.low = i === 0 ? 1 : classes[i - 1]!.high + 1));
  return classes;
}

/** The territory an id (`departement:88`, any case) or a bare code names, bare codes read in the SDK's order of kinds. */
export function findTerritory(list: readonly Territory[], value: string): Territory | undefined {
  const exact = list.find((t) => t.id === value);
  if (exact) return exact;
  const parsed = parseTerritoryId(value);
  const byKind = (kind: string, code: string) => list.find((t) => t.kind === kind && t.code.toUpperCase() === code.toUpperCase());
  if (parsed) return byKind(parsed.kind, parsed.code);
  if (value.includes(':')) return undefined;
  for (const kind of BARE_CODE_ORDER) {
    const found = byKind(kind, value);
    if (found) return found;
  }
  return undefined;
}

/**
 * Places the filter territory `value` on the map: from the referential `list`
 * (or, without it, from its id or code and the geometry). `describe` names a
 * territory found nowhere.
 */
export function resolveSelection(
  value: string,
  list: readonly Territory[],
  geo: GeometryModule | undefined,
  describe: (value: string) => string,
): Selection {
  const colon = value.indexOf(':');
  const kind = colon > 0 ? value.slice(0, colon).toLowerCase() : undefined;
  const code = (colon > 0 ? value.slice(colon + 1) : value).toUpperCase();
  const territory = findTerritory(list, value);
  const regions = new Set<string>();
  const departments = new Set<string>();
  const addDepartment = (departmentCode: string) => {
    departments.add(departmentCode);
    const regionCode = geo?.department(departmentCode)?.regionCode;
    if (regionCode) regions.add(regionCode);
  };
  if (!territory) {
    // No referential (yet): an id or a bare code of a région or a département.
    const region = kind === 'region' || !kind ? geo?.region(code) : undefined;
    const department = !region && (kind === 'departement' || !kind) ? geo?.department(code) : undefined;
    if (region) regions.add(code);
    if (department) addDepartment(department.code);
    const found = region ? 'region' : department ? 'departement' : (kind ?? '');
    return { kind: found, code, name: (region ?? department)?.name ?? describe(value), regions, departments };
  }

  const byId = (id: string) => list.find((t) => t.id === id);
  const selection: Selection = { kind: territory.kind, code: territory.code.toUpperCase(), name: territory.name, regions, departments };
  if (territory.kind === 'region') regions.add(selection.code);
  else if (territory.kind === 'departement') addDepartment(selection.code);
  else if (territory.kind === 'tds') {
    for (const id of territory.covers ?? []) {
      const covered = byId(id);
      if (covered?.kind === 'departement') {
        addDepartment(covered.code.toUpperCase());
        if (territory.partial) selection.partOf = covered.name;
      }
    }
  }
  // Whatever it is, the département and région it lies in (a commune, an EPCI, a TDS's région).
  const seen = new Set<string>();
  for (let parent = territory.parent; parent && !seen.has(parent); parent = byId(parent)?.parent) {
    seen.add(parent);
    const above = byId(parent);
    if (above?.kind === 'departement' && territory.kind !== 'tds') addDepartment(above.code.toUpperCase());
    if (above?.kind === 'region') regions.add(above.code.toUpperCase());
  }
  return selection;
}

/** The filter territory `value` placed on the map, if any; named from its id when found nowhere. */
export function selectionFor(value: string | undefined, list: readonly Territory[] | undefined, geo: GeometryModule | undefined, locale: 'fr' | 'en'): Selection | undefined {
  return value ? resolveSelection(value, list ?? [], geo, (id) => describeTerritoryId(id, locale)) : undefined;
}

/** Départements split between several partial TDS: code → the TDS names. */
export function splitDepartments(list: readonly Territory[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of list) {
    if (t.kind !== 'tds' || !t.partial) continue;
    for (const id of t.covers ?? []) {
      if (!id.startsWith('departement:')) continue;
      const code = id.slice('departement:'.length).toUpperCase();
      out.set(code, [...(out.get(code) ?? []), t.name]);
    }
  }
  return out;
}

/** Whether `item` is the selected territory itself. */
export function isPressed(item: TerritoryMapItem, selection: Selection | undefined, level: TerritoryMapLevel): boolean {
  const kind = level === 'region' ? 'region' : 'departement';
  return selection !== undefined && selection.kind === kind && selection.code === item.code.toUpperCase();
}

/** Whether `item` lies inside the selection (a région's départements, the départements a TDS covers). */
export function isHighlighted(item: TerritoryMapItem, selection: Selection | undefined, level: TerritoryMapLevel): boolean {
  if (!selection || isPressed(item, selection, level)) return false;
  if (level === 'region') return selection.regions.has(item.code);
  return selection.departments.has(item.code) || (selection.kind === 'region' && selection.regions.has(item.shape?.regionCode ?? ''));
}

/** Remembers the last result of `compute` and computes again only when one of its inputs changed (by identity). */
export function memoize<const A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => Object.is(arg, args[i]))) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}
