export type * from './types.js';
export {
  BARE_CODE_ORDER,
  TERRITORY_KINDS,
  createIndex,
  descendantsOf,
  isWithin,
  resolveTerritory,
  territoryKindBit,
  territoryScope,
  yearOf,
  type DatasetIndex,
  type ProjectEntry,
} from './dataset-index.js';
export { compileFilters, filterEntries, filterProjects, type CompiledFilters } from './filter.js';
export { DEFAULT_LIMIT, MAX_LIMIT, queryProjects, sortEntries } from './query.js';
// PROJECT_STATUSES is exported with the schemas (schemas/project.ts).
export { UNKNOWN_STATUS, computeFacets } from './facets.js';
export { totalFunding } from './funding.js';
export { sumFigures, unattributedFigures } from './figures.js';
export { frenchCollator, matchesTokens, normalizeText, tokenize } from './normalize.js';
export { CnrQueryError, type CnrQueryErrorCode } from './errors.js';
export { BREAKDOWN_LEVELS, territoryBreakdown, type BreakdownLevel, type TerritoryBreakdownRow } from './breakdown.js';
