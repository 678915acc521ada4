import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../examples/api-server/src/server.js';
import { mergeDataset } from '../../../data/scripts/merge.mjs';
import { createClient, type CnrClient } from '../../src/client.js';
import { CnrHttpError } from '../../src/errors.js';
import type { BreakdownLevel } from '../../src/query/breakdown.js';
import { generateDataset } from '../../src/testing/index.js';
import type { ProjectFilters } from '../../src/query/types.js';
import { smallDataset } from '../../src/query/__fixtures__/small-dataset.js';
import { serveFetch, type LoopbackServer } from './helpers.js';

/** `client.breakdown()` answers the same through the REST API and in memory. */
describe.each([
  ['hand-made dataset', smallDataset as unknown],
  ['synthetic dataset (500 projects)', generateDataset({ projects: 500, seed: 3 }) as unknown],
  ['reference dataset', mergeDataset() as unknown],
])('breakdown: REST against memory — %s', (_name, dataset) => {
  let server: LoopbackServer;
  let rest: CnrClient;
  let memory: CnrClient;

  beforeAll(async () => {
    server = await serveFetch(createApp({ dataset }).fetch);
    rest = createClient({ api: server.url, retry: 0 });
    memory = createClient({ src: dataset as object, reference: false }); // the server is given no base either
  });
  afterAll(() => server.close());

  const cases: [string, ProjectFilters][] = [
    ['no filter', {}],
    ['thématique', { thematique: 'sante' }],
    ['axes and statuses', { axes: ['sante-1', 'sante-4'], statuses: ['en-cours', 'realise'] }],
    ['years and text', { yearFrom: 2023, yearTo: 2024, q: 'sante' }],
    ['rows within a région', { territory: '44' }],
  ];

  it.each(cases)('agrees at both levels: %s', async (_label, filters) => {
    for (const level of ['region', 'departement'] as BreakdownLevel[]) {
      const [a, b] = await Promise.all([rest.breakdown(filters, level), memory.breakdown(filters, level)]);
      expect(a.data, level).toEqual(b.data);
      expect(a.stale).toBe(false);
      expect(a.problems).toEqual([]);
    }
  });

  it('defaults to régions', async () => {
    const rows = (await rest.breakdown()).data;
    expect(rows.every((row) => row.territoryId.startsWith('region:'))).toBe(true);
  });

  it('rejects a missing or unknown level with 400', async () => {
    for (const url of ['breakdown', 'breakdown?level=commune']) {
      const response = await fetch(server.url + url);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { param: string }[] };
      expect(body.errors.map((e) => e.param)).toEqual(['level']);
    }
    const error = await rest.breakdown({}, 'commune' as BreakdownLevel).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CnrHttpError);
    expect(error).toMatchObject({ status: 400 });
  });
});

describe('breakdown of the reference dataset', () => {
  it('has the 18 régions and 101 départements, with the Vosges’ six projects', async () => {
    const client = createClient({ src: mergeDataset() as object });
    const regions = (await client.breakdown({ thematique: 'sante' }, 'region')).data;
    const departments = (await client.breakdown({ thematique: 'sante' }, 'departement')).data;
    expect(regions).toHaveLength(18);
    expect(departments).toHaveLength(101);
    expect(departments.find((row) => row.code === '88')).toMatchObject({ territoryId: 'departement:88', name: 'Vosges', projects: 6 });
    const total = (await client.projects({ thematique: 'sante', territory: 'region:44' })).data.total;
    expect(regions.find((row) => row.code === '44')!.projects).toBe(total);
  });
});
