/**
 * The page of projects (filters, search, sort, paging) and the facets the
 * in-memory source computes: one module that `sources/memory.ts` imports with
 * the first call needing it, in parallel with the document, so that a page
 * showing only funding counters or key figures never downloads them
 * (docs/size.md).
 */
export { queryProjects } from './query.js';
export { computeFacets } from './facets.js';
