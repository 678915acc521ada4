/** Territory lookups over an index: an id or bare code to its record, and the hierarchy below a territory. */
import type { Territory, TerritoryKind } from '../schemas/territory.js';
import type { DatasetIndex } from './dataset-index.js';
import { BARE_CODE_ORDER } from './project-entry.js';

/**
 * Finds a territory from an id (`region:44`, `departement:2a` — case-insensitive
 * on the code) or a bare code. Ids with their kind are the documented form. A
 * bare code is looked up as a région, then a département, then a TDS, then a
 * commune, then an EPCI (then a pays): `44` is the région Grand Est, never the
 * département Loire-Atlantique (use `departement:44`); such an ambiguous bare
 * code logs one console warning (per code, per page or process) naming both
 * readings. Undefined when nothing matches.
 */
export function resolveTerritory(index: DatasetIndex, idOrCode: string): Territory | undefined {
  const value = idOrCode.trim();
  if (value.length === 0) return undefined;
  const exact = index.territoriesById.get(value);
  if (exact) return exact;
  const colon = value.indexOf(':');
  if (colon > 0) {
    const kind = value.slice(0, colon).toLowerCase() as TerritoryKind;
    const byCode = index.territoriesByCode.get(kind)?.get(value.slice(colon + 1).toUpperCase());
    if (byCode) return byCode;
    // Ids differing only in case (`departement:2a`), or whose code part is not the `code` field.
    let lower = index.cache.territoriesByLowerId;
    if (!lower) {
      lower = new Map();
      for (const territory of index.territories) {
        const key = territory.id.toLowerCase();
        if (!lower.has(key)) lower.set(key, territory);
      }
      index.cache.territoriesByLowerId = lower;
    }
    return lower.get(value.toLowerCase());
  }
  const code = value.toUpperCase();
  for (const kind of BARE_CODE_ORDER) {
    const found = index.territoriesByCode.get(kind)?.get(code);
    if (found) {
      if (kind === 'region') warnIfAmbiguous(index, code, found);
      return found;
    }
  }
  return undefined;
}

/** Bare codes already warned about (once per code per page or process). */
const warnedCodes = new Set<string>();

/**
 * A bare code that is both a région and a département code (11, 24, 27, 28,
 * 32, 44, 52, 53, 75, 76, 84, 93, 94) is read as the région; the first time
 * each such code is met, one console warning names both readings and the ids
 * to write.
 */
function warnIfAmbiguous(index: DatasetIndex, code: string, region: Territory): void {
  if (warnedCodes.has(code)) return;
  const departement = index.territoriesByCode.get('departement')?.get(code);
  if (!departement) return;
  warnedCodes.add(code);
  console.warn(
    `cnr-widgets : le code « ${code} » seul est lu comme la région ${region.name} (${region.id}), pas comme le département ${departement.name} (${departement.id}) ; écrivez « ${region.id} » ou « ${departement.id} ». / ` +
      `cnr-widgets: the bare code "${code}" is read as the région ${region.name} (${region.id}), not the département ${departement.name} (${departement.id}); write "${region.id}" or "${departement.id}".`,
  );
}

/**
 * Ids of every territory below `territoryId` (itself excluded): following
 * `parent` links downward (région → départements, TDS, EPCI → communes…) and
 * `covers` (a TDS → the départements it covers and everything below them; a
 * partial TDS → only the communes it names). Never upward. Cycles in bad data
 * are cut. Memoized per index (for known territories).
 */
export function descendantsOf(index: DatasetIndex, territoryId: string): ReadonlySet<string> {
  const cached = index.cache.descendants.get(territoryId);
  if (cached) return cached;
  const result = new Set<string>();
  const stack = [...(index.territoryChildren.get(territoryId) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === territoryId || result.has(id)) continue;
    result.add(id);
    const below = index.territoryChildren.get(id);
    if (below) for (const child of below) if (!result.has(child)) stack.push(child);
  }
  // Only known territories are memoized, so arbitrary filter strings cannot grow the cache.
  if (index.territoriesById.has(territoryId)) index.cache.descendants.set(territoryId, result);
  return result;
}

/** True when `candidate` is `ancestor` or lies below it (see `descendantsOf`). */
export function isWithin(index: DatasetIndex, candidate: string, ancestor: string): boolean {
  return candidate === ancestor || descendantsOf(index, ancestor).has(candidate);
}

/**
 * Per territory position, 1 when that territory is `territoryId` or lies below
 * it: the form the filters test (memoized per index).
 */
export function territoryScope(index: DatasetIndex, territoryId: string): Uint8Array {
  let flags = index.cache.scopes.get(territoryId);
  if (!flags) {
    flags = new Uint8Array(index.territories.length);
    const self = index.territoryPositions.get(territoryId);
    if (self !== undefined) flags[self] = 1;
    for (const id of descendantsOf(index, territoryId)) {
      const position = index.territoryPositions.get(id);
      if (position !== undefined) flags[position] = 1;
    }
    if (self !== undefined) index.cache.scopes.set(territoryId, flags);
  }
  return flags;
}
