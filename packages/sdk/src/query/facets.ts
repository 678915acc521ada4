import { PROJECT_STATUSES } from '../schemas/collections.js';
import type { TerritoryKind } from '../schemas/territory.js';
import { TERRITORY_KINDS, territoryKindBit, type DatasetIndex } from './dataset-index.js';
import {
  ALL_FACET_BITS,
  AXES_BIT,
  FUNDER_BIT,
  STATUSES_BIT,
  TERRITORY_BIT,
  compileFilters,
  facetBits,
  passesHardFilters,
} from './filter.js';
import { compareFrench } from './normalize.js';
import type { FacetCount, ProjectFacets, ProjectFilters } from './types.js';


/** The status facet value of projects without a status. */
export const UNKNOWN_STATUS = 'inconnu';

/**
 * Facet counts for a filter UI, each computed with every filter but its own,
 * so that `axes` count X equals `filterProjects({ ...filters, axes: [X] }).length`
 * (and likewise for a status or a funder). One pass over the projects: each
 * project's faceted filters are evaluated once as a bitmask.
 *
 * - `axes`: every axis and sub-group of the dataset (those of `thematique`
 *   when it is set), with zero counts, in dataset order; then any other value
 *   projects name, when its count is not zero;
 * - `statuses`: the four statuses with zero counts, then `inconnu` when some
 *   projects have no status;
 * - `territoryKinds`: the six kinds with zero counts; a project counts once
 *   per kind among its territories;
 * - `funders`: funders of at least one project (their first spelling in the
 *   data), by count descending then name.
 */
export function computeFacets(index: DatasetIndex, filters: ProjectFilters = {}): ProjectFacets {
  const f = compileFilters(index, filters);
  const axisCounts = new Int32Array(index.axisValues.length);
  const funderCounts = new Int32Array(index.funderKeys.length);
  const statusCounts = new Map<string, number>();
  const kindCounts = new Int32Array(TERRITORY_KINDS.length);
  const kindBits = TERRITORY_KINDS.map(territoryKindBit);

  for (const entry of index.entries) {
    if (!passesHardFilters(entry, f)) continue;
    const bits = facetBits(entry, f);
    if ((bits | AXES_BIT) === ALL_FACET_BITS) for (const code of entry.axisCodes) axisCounts[code]!++;
    if ((bits | STATUSES_BIT) === ALL_FACET_BITS) {
      const status = entry.project.status ?? UNKNOWN_STATUS;
      statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
    }
    if ((bits | TERRITORY_BIT) === ALL_FACET_BITS && entry.territoryKinds !== 0) {
      for (let k = 0; k < kindBits.length; k++) if (entry.territoryKinds & kindBits[k]!) kindCounts[k]!++;
    }
    if ((bits | FUNDER_BIT) === ALL_FACET_BITS) for (const code of entry.funderCodes) funderCounts[code]!++;
  }

  const axes: FacetCount[] = [];
  index.axisValues.forEach((value, code) => {
    const count = axisCounts[code]!;
    const axis = index.axesById.get(index.subgroupAxis.get(value) ?? value);
    const known = axis !== undefined && (f.thematique === undefined || axis.thematique === f.thematique);
    if (known || count > 0) axes.push({ value, count });
  });

  const statuses: FacetCount[] = PROJECT_STATUSES.map((value) => ({ value, count: statusCounts.get(value) ?? 0 }));
  const unknown = statusCounts.get(UNKNOWN_STATUS) ?? 0;
  if (unknown > 0) statuses.push({ value: UNKNOWN_STATUS, count: unknown });

  const territoryKinds: { value: TerritoryKind; count: number }[] = TERRITORY_KINDS.map((value, k) => ({
    value,
    count: kindCounts[k]!,
  }));

  const funders: FacetCount[] = index.funderKeys
    .map((key, code) => ({ value: index.funderLabels.get(key) ?? key, count: funderCounts[code]! }))
    .sort((a, b) => b.count - a.count || compareFrench(a.value, b.value) || (a.value < b.value ? -1 : 1));

  return { axes, statuses, territoryKinds, funders };
}
