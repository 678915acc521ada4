/**
 * The figures and the breakdown the in-memory source computes (concertation
 * figures, territory by territory): one module that `sources/memory.ts`
 * imports with the first call needing it, in parallel with the document, so
 * that a page showing only lists or funding counters never downloads them
 * (docs/size.md). The funding total, small and the counter's, stays static.
 */
export { sumFigures, unattributedFigures } from './figures.js';
export { territoryBreakdown } from './breakdown.js';
