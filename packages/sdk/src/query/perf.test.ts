import { describe, expect, it } from 'vitest';
import { generateDataset } from '../testing/index.js';
import {
  computeFacets,
  createIndex,
  queryProjects,
  totalFunding,
  type DatasetIndex,
  type ProjectFilters,
} from './index.js';

/**
 * Rough timings on 10 000 synthetic projects, printed once, never asserted
 * (timed tests are flaky; the SDK's `pnpm bench` holds the budgets).
 */
describe('timings (printed, not asserted)', () => {
  it('indexes 10 000 projects and answers filter + facets queries', () => {
    const data = generateDataset({ projects: 10_000, seed: 42 });
    const ms = (fn: () => void): number => {
      const start = performance.now();
      fn();
      return performance.now() - start;
    };

    let index!: DatasetIndex;
    const indexRuns = Array.from({ length: 5 }, () => ms(() => (index = createIndex(data))));
    const rows: string[] = [
      `createIndex(10 000 projects): first ${indexRuns[0]!.toFixed(1)} ms, best of 5 ${Math.min(...indexRuns).toFixed(1)} ms (budget with validation: 150 ms)`,
    ];

    const queries: [string, ProjectFilters][] = [
      ['no filter', {}],
      ['territory 44', { territory: '44' }],
      ['territory 88 + axis 3', { territory: '88', axes: ['sante-3'] }],
      ['statuses + years', { statuses: ['en-cours', 'realise'], yearFrom: 2023, yearTo: 2024 }],
      ['q "prevention diab"', { q: 'prevention diab' }],
      ['q + territory + funder', { q: 'santé', territory: 'region:32', funder: 'ARS Hauts-de-France' }],
    ];
    for (const [label, filters] of queries) {
      const first = ms(() => {
        queryProjects(index, filters, { sort: 'title' });
        computeFacets(index, filters);
      });
      const runs = Array.from({ length: 20 }, () =>
        ms(() => {
          queryProjects(index, filters, { sort: 'amount', order: 'desc' });
          computeFacets(index, filters);
        }),
      ).sort((a, b) => a - b);
      const funding = ms(() => totalFunding(index, filters));
      rows.push(
        `query + facets, ${label}: first ${first.toFixed(2)} ms, median ${runs[10]!.toFixed(2)} ms (budget 5 ms); totalFunding ${funding.toFixed(2)} ms`,
      );
    }
    console.log(`\n${rows.join('\n')}\n`);
    expect(index.entries).toHaveLength(10_000);
  });
});
