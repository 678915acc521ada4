import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../examples/api-server/src/server.js';
import { createClient, type CnrClient } from '../../src/client.js';
import { CnrHttpError } from '../../src/errors.js';
import type { ProjectFilters, ProjectQueryOptions } from '../../src/query/types.js';
import { generateDataset } from '../../src/testing/index.js';
import { smallDataset } from '../../src/query/__fixtures__/small-dataset.js';
import { serveFetch, type LoopbackServer } from './helpers.js';

/** The same data behind the reference REST server and an in-memory client must answer the same. */
describe.each([
  ['hand-made dataset', smallDataset],
  ['synthetic dataset (400 projects)', generateDataset({ projects: 400, seed: 11 })],
])('REST source against the reference server — %s', (_name, dataset) => {
  let server: LoopbackServer;
  let rest: CnrClient;
  let memory: CnrClient;

  beforeAll(async () => {
    server = await serveFetch(createApp({ dataset }).fetch);
    rest = createClient({ api: server.url, retry: 0 });
    memory = createClient({ src: dataset, reference: false }); // the server is given no base either
  });
  afterAll(() => server.close());

  const territory = dataset.territories.find((t) => t.kind === 'region')!.code;
  const someAxis = dataset.axes[0]!.id;
  const funder = dataset.fundings[0]?.funder;

  const filterCases: [string, ProjectFilters][] = [
    ['no filter', {}],
    ['a région by bare code (hierarchy)', { territory }],
    ['axes and statuses', { axes: [someAxis, 'sante-2'], statuses: ['en-cours', 'realise'] }],
    ['free text without accents', { q: 'prevention' }],
    ['year range and thématique', { thematique: 'sante', yearFrom: 2022, yearTo: 2024 }],
    ['funder', funder ? { funder } : {}],
  ];

  it.each(filterCases)('projects, facets and funding total agree: %s', async (_label, filters) => {
    const queries: ProjectQueryOptions[] = [{}, { sort: 'date', order: 'desc', limit: 7, offset: 3 }, { sort: 'amount', limit: 5 }];
    for (const query of queries) {
      const [a, b] = await Promise.all([rest.projects(filters, query), memory.projects(filters, query)]);
      expect(a.data).toEqual(b.data);
      expect(a.stale).toBe(false);
      expect(a.problems).toEqual([]);
    }
    expect((await rest.facets(filters)).data).toEqual((await memory.facets(filters)).data);
    expect((await rest.fundingTotal(filters)).data).toEqual((await memory.fundingTotal(filters)).data);
  });

  it('walks every page with cursors to the same projects', async () => {
    const walk = async (client: CnrClient) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page++) {
        const { data } = await client.projects({}, { limit: 50, sort: 'title', ...(cursor ? { cursor } : {}) });
        ids.push(...data.items.map((p) => p.id));
        cursor = data.nextCursor;
        if (!cursor) break;
      }
      return ids;
    };
    const [a, b] = await Promise.all([walk(rest), walk(memory)]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(dataset.projects.length);
  });

  it('figures, a project by id, referential lists agree', async () => {
    for (const query of [{}, { territory }, { thematique: 'sante' as const }, { territory: 'region:44', phase: 'acte-1' }]) {
      expect((await rest.figures(query)).data).toEqual((await memory.figures(query)).data);
    }
    const id = dataset.projects[0]!.id;
    expect((await rest.project(id)).data).toEqual((await memory.project(id)).data);
    expect((await rest.project('no-such-project')).data).toBeUndefined();
    expect((await rest.territories()).data).toEqual((await memory.territories()).data);
    expect((await rest.axes()).data).toEqual((await memory.axes()).data);
    expect((await rest.documents()).data).toEqual((await memory.documents()).data);
  });

  it('load() gives the metadata and the referential, marked incomplete', async () => {
    const [a, b] = await Promise.all([rest.load(), memory.load()]);
    expect(a.complete).toBe(false);
    expect(b.complete).toBe(true);
    expect(a.dataset.version).toBe(b.dataset.version);
    expect(a.dataset.generatedAt).toBe(b.dataset.generatedAt);
    expect(a.dataset.territories).toEqual(b.dataset.territories);
    expect(a.dataset.axes).toEqual(b.dataset.axes);
    expect(a.dataset.solutions).toEqual(b.dataset.solutions);
    expect(a.dataset.documents).toEqual(b.dataset.documents);
    expect(a.dataset.projects).toEqual([]);
    expect(a.data).toBe(a.dataset);
  });

  it('rejects invalid parameters with 400 (not retried)', async () => {
    const error = await rest.projects({}, { limit: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CnrHttpError);
    expect(error).toMatchObject({ status: 400, retryable: false, code: 'http' });
    const bad = await rest.projects({}, { cursor: 'not-a-cursor' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400 });
  });
});

describe('reference server HTTP behaviour', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await serveFetch(createApp({ dataset: smallDataset }).fetch);
  });
  afterAll(() => server.close());

  it('sends an ETag, answers 304 to If-None-Match, and keeps CORS headers on the 304', async () => {
    const url = `${server.url}projects?territory=44`;
    const first = await fetch(url, { headers: { origin: 'https://ars.example' } });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.headers.get('access-control-allow-credentials')).toBeNull();
    expect(first.headers.get('access-control-expose-headers')).toMatch(/etag/i);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    await first.arrayBuffer();

    const second = await fetch(url, { headers: { origin: 'https://ars.example', 'if-none-match': etag! } });
    expect(second.status).toBe(304);
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('access-control-allow-origin')).toBe('*');
    expect(await second.text()).toBe('');

    const other = await fetch(`${server.url}projects?territory=88`, { headers: { 'if-none-match': etag! } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it('answers a CORS preflight for a conditional request', async () => {
    const response = await fetch(`${server.url}projects`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://ars.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('describes invalid parameters and unknown resources as problem documents', async () => {
    const bad = await fetch(`${server.url}projects?status=fini&yearFrom=abc&limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const body = (await bad.json()) as { status: number; errors: { param: string }[] };
    expect(body.status).toBe(400);
    expect(body.errors.map((e) => e.param).sort()).toEqual(['limit', 'status', 'yearFrom']);

    const missing = await fetch(`${server.url}nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { status: number }).status).toBe(404);
  });

  it('accepts lists as comma-separated or repeated parameters', async () => {
    const a = await (await fetch(`${server.url}projects?axis=sante-1,sante-2&limit=1000`)).json();
    const b = await (await fetch(`${server.url}projects?axis=sante-1&axis=sante-2&limit=1000`)).json();
    expect(a).toEqual(b);
  });
});
