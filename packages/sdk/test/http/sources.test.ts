import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../../examples/api-server/src/server.js';
import { createClient } from '../../src/client.js';
import { CnrAbortError, CnrDataError, CnrHttpError } from '../../src/errors.js';
import { smallDataset } from '../../src/query/__fixtures__/small-dataset.js';
import { createEmbeddedSource, createMemorySource } from '../../src/sources/index.js';
import { FAST_RETRY, failure, faultServer, sendJson, serveFetch, sleep, type LoopbackServer } from './helpers.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

type Mode = 'up' | 'down' | 'garbage' | 'hang';

/** The reference server behind a switch that makes it fail on demand. */
async function switchableApi() {
  const app = createApp({ dataset: smallDataset });
  const state = { mode: 'up' as Mode, requests: 0 };
  const server = await serveFetch(async (request) => {
    state.requests += 1;
    switch (state.mode) {
      case 'down':
        return new Response('{"title":"Service Unavailable"}', { status: 503 });
      case 'garbage':
        return new Response('<html>maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } });
      case 'hang':
        await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve()));
        return new Response(null, { status: 499 });
      default:
        return app.fetch(request);
    }
  });
  servers.push(server);
  return { server, state };
}

describe('static document source', () => {
  it('fetches once, revalidates with the ETag on refresh() and keeps the index on 304', async () => {
    const document = await faultServer((request, response) => {
      if (request.headers['if-none-match'] === '"doc-1"') {
        response.writeHead(304, { etag: '"doc-1"' });
        response.end();
      } else sendJson(response, smallDataset, { etag: '"doc-1"' });
    });
    servers.push(document);

    const client = createClient({ src: `${document.url}cnr-dataset.json`, retry: 0 });
    expect(client.kind).toBe('static');
    const first = await client.load();
    expect(first).toMatchObject({ stale: false, complete: true });
    expect(first.dataset.projects.length).toBe(smallDataset.projects.length);
    await client.projects({ territory: '44' });
    await client.facets();
    expect(document.requests).toHaveLength(1);

    const refreshed = await client.refresh();
    expect(refreshed.stale).toBe(false);
    expect(refreshed.dataset).toBe(first.dataset);
    expect(document.requests).toHaveLength(2);
    expect(document.requests[1]!.headers['if-none-match']).toBe('"doc-1"');
  });

  it('serves the loaded data with stale: true when the site goes offline, until a refresh succeeds', async () => {
    let mode: 'up' | 'down' = 'up';
    const document = await faultServer((request, response) => {
      if (mode === 'down') request.socket.destroy();
      else sendJson(response, smallDataset, { etag: '"doc-2"' });
    });
    servers.push(document);
    const client = createClient({ src: `${document.url}data.json`, retry: 0 });
    const loaded = await client.load();

    mode = 'down';
    const refreshed = await client.refresh();
    expect(refreshed.stale).toBe(true);
    expect(refreshed.error).toBeInstanceOf(CnrHttpError);
    expect(refreshed.error).toMatchObject({ code: 'network' });
    expect(refreshed.dataset).toBe(loaded.dataset);
    const page = await client.projects({}, { limit: 3 });
    expect(page.stale).toBe(true);
    expect(page.data.items).toHaveLength(3);

    mode = 'up';
    const back = await client.refresh();
    expect(back.stale).toBe(false);
    expect(back.error).toBeUndefined();
    expect((await client.projects()).stale).toBe(false);
  });

  it('rejects with the typed error when the first load fails, and tries again next time', async () => {
    let n = 0;
    const document = await faultServer((_request, response) => {
      n += 1;
      if (n === 1) sendJson(response, {}, { status: 500 });
      else sendJson(response, smallDataset);
    });
    servers.push(document);
    const client = createClient({ src: `${document.url}data.json`, retry: 0 });
    expect(await failure(client.projects())).toMatchObject({ name: 'CnrHttpError', status: 500 });
    expect((await client.projects()).data.total).toBeGreaterThan(0);
  });

  it('rejects an aborted load with CnrAbortError, and loads on the next call', async () => {
    let hold = true;
    const document = await faultServer((_request, response) => {
      if (!hold) sendJson(response, smallDataset);
    });
    servers.push(document);
    const client = createClient({ src: `${document.url}data.json`, retry: 0 });
    const controller = new AbortController();
    const pending = failure(client.load({ signal: controller.signal }));
    await sleep(30);
    controller.abort();
    expect(await pending).toBeInstanceOf(CnrAbortError);
    hold = false;
    expect((await client.load()).stale).toBe(false);
  });

  it('rejects a document that is not a dataset with CnrDataError', async () => {
    const document = await faultServer((_request, response) => sendJson(response, [1, 2, 3]));
    servers.push(document);
    const error = await failure(createClient({ src: `${document.url}x.json` }).load());
    expect(error).toBeInstanceOf(CnrDataError);
  });

  it('reports invalid records of a document object on load(), keeping the valid ones', async () => {
    const client = createClient({
      src: { ...smallDataset, projects: [...smallDataset.projects, { id: 'broken', title: '' }] },
    });
    const { report, dataset, problems } = await client.load();
    expect(dataset.projects).toHaveLength(smallDataset.projects.length);
    expect(problems).toBe(report.problems);
    expect(problems.some((p) => p.collection === 'projects' && p.id === 'broken')).toBe(true);
    expect((await client.projects()).problems).toEqual([]);
  });
});

describe('REST source', () => {
  it('answers a failing call with the last good answer to that request, stale', async () => {
    const { server, state } = await switchableApi();
    const client = createClient({ api: server.url, retry: 0, cacheTtl: 0 });
    const fresh = await client.projects({ territory: '44' }, { limit: 5 });
    const facets = await client.facets({ territory: '44' });
    expect(fresh.stale).toBe(false);

    state.mode = 'down';
    const stale = await client.projects({ territory: '44' }, { limit: 5 });
    expect(stale).toMatchObject({ stale: true, data: fresh.data });
    expect(stale.error).toMatchObject({ name: 'CnrHttpError', status: 503 });
    expect((await client.facets({ territory: '44' })).stale).toBe(true);
    expect(await failure(client.projects({ territory: '88' }))).toMatchObject({ name: 'CnrHttpError', status: 503 });

    state.mode = 'garbage';
    const garbled = await client.facets({ territory: '44' });
    expect(garbled).toMatchObject({ stale: true, data: facets.data });
    expect(garbled.error).toMatchObject({ name: 'CnrDataError', code: 'unreadable' });

    state.mode = 'up';
    expect((await client.projects({ territory: '44' }, { limit: 5 })).stale).toBe(false);
  });

  it('serves stale data when the server is gone altogether', async () => {
    const { server } = await switchableApi();
    const client = createClient({ api: server.url, retry: 0, cacheTtl: 0 });
    const loaded = await client.load();
    const axes = await client.axes();
    await server.close();

    const again = await client.refresh();
    expect(again.stale).toBe(true);
    expect(again.error).toMatchObject({ code: 'network' });
    expect(again.dataset).toEqual(loaded.dataset);
    expect(await client.axes()).toMatchObject({ stale: true, data: axes.data });
  });

  it('serves from memory within the TTL, and refresh() revalidates with ETags', async () => {
    const { server, state } = await switchableApi();
    const client = createClient({ api: server.url, retry: 0 });
    await client.load();
    await client.territories();
    await client.projects();
    await client.projects();
    const afterLoad = state.requests;
    expect(afterLoad).toBe(6); // meta, documents, territories, axes, solutions, projects

    await client.refresh();
    expect(state.requests).toBe(afterLoad + 5);
  });

  it('sends one request for identical concurrent calls', async () => {
    const { server, state } = await switchableApi();
    const client = createClient({ api: server.url, retry: 0, cacheTtl: 0 });
    const [a, b] = await Promise.all([
      client.projects({ territory: '44', q: 'santé' }),
      client.projects({ q: 'santé', territory: '44' }),
    ]);
    expect(a.data).toBe(b.data);
    expect(state.requests).toBe(1);
  });

  it('never falls back to stale data when the caller aborts', async () => {
    const { server, state } = await switchableApi();
    const client = createClient({ api: server.url, retry: 0, cacheTtl: 0 });
    await client.projects();
    state.mode = 'hang';
    const controller = new AbortController();
    const pending = failure(client.projects({}, {}, { signal: controller.signal }));
    await sleep(30);
    controller.abort(new Error('user left'));
    const error = await pending;
    expect(error).toBeInstanceOf(CnrAbortError);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(await failure(client.axes({ signal: AbortSignal.abort() }))).toBeInstanceOf(CnrAbortError);
  });

  it('rejects with the typed error when there is no earlier answer', async () => {
    const { server, state } = await switchableApi();
    state.mode = 'down';
    const client = createClient({ api: server.url, retry: FAST_RETRY });
    const error = await failure(client.load());
    expect(error).toBeInstanceOf(CnrHttpError);
    expect(error).toMatchObject({ status: 503, retryable: true });
  });

  it('keeps the valid records of a response, reports the invalid ones', async () => {
    const [good, other] = smallDataset.projects;
    const api = await faultServer((request, response) => {
      if (request.url?.startsWith('/projects?')) {
        sendJson(response, { items: [good, { ...good, id: 'no-title', title: '' }, other], total: 3, offset: 10, limit: 3 });
      } else if (request.url === '/projects/bad') {
        sendJson(response, { id: 'bad' });
      } else if (request.url === '/territories') {
        // Hostile keys arrive as JSON text, where `__proto__` is an ordinary key.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          '{"items":[{"id":"region:44","kind":"region","code":"44","name":"Grand Est","__proto__":{"polluted":true}},' +
            '{"__proto__":{"polluted":true},"id":1}]}',
        );
      } else sendJson(response, { axes: 'nope' });
    });
    servers.push(api);
    const client = createClient({ api: api.url, retry: 0 });

    const page = await client.projects({ q: 'x' });
    expect(page.data.items.map((p) => p.id)).toEqual([good!.id, other!.id]);
    expect(page.data.total).toBe(3);
    expect(page.problems).toHaveLength(1);
    expect(page.problems[0]).toMatchObject({ collection: 'projects', index: 11, id: 'no-title', path: ['title'], severity: 'error' });
    expect(page.problems[0]!.message.fr).toBeTruthy();
    expect(page.problems[0]!.message.en).toBeTruthy();

    const bad = await client.project('bad');
    expect(bad.data).toBeUndefined();
    expect(bad.problems.length).toBeGreaterThan(0);

    const territories = await client.territories();
    expect(territories.data).toHaveLength(1);
    expect(territories.problems[0]).toMatchObject({ collection: 'territories', index: 1 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((territories.data[0] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();

    expect(await failure(client.facets())).toBeInstanceOf(CnrDataError);
  });
});

describe('memory source', () => {
  it('validates and indexes a document once when two clients get it at the same time', async () => {
    // The CDN's preloader and the widgets' client both load the embedded dataset as the page starts.
    const document = structuredClone(smallDataset);
    let prepared = 0;
    const prepare = async (raw: unknown) => {
      prepared += 1;
      await sleep(5);
      const dataset = raw as typeof smallDataset;
      return { dataset, report: { problems: [], counts: {} } };
    };
    const first = createClient({ source: createMemorySource('static', () => Promise.resolve(document), prepare) });
    const second = createClient({ source: createMemorySource('static', () => Promise.resolve(document), prepare) });
    const [a, b] = await Promise.all([first.projects({ territory: '88' }), second.projects({ territory: '88' })]);
    expect(prepared).toBe(1);
    expect(b.data.total).toBe(a.data.total);
    expect(a.data.total).toBeGreaterThan(0);
  });

  it('prepares the document again after a failed preparation', async () => {
    const document = structuredClone(smallDataset);
    let prepared = 0;
    const prepare = async (raw: unknown) => {
      prepared += 1;
      if (prepared === 1) throw new CnrDataError({ message: 'not this time' });
      return { dataset: raw as typeof smallDataset, report: { problems: [], counts: {} } };
    };
    const client = createClient({ source: createMemorySource('static', () => Promise.resolve(document), prepare) });
    expect(await failure(client.load())).toBeInstanceOf(CnrDataError);
    expect((await client.load()).dataset.projects.length).toBe(smallDataset.projects.length);
    expect(prepared).toBe(2);
  });
});

describe('embedded source', () => {
  it('imports the data module once, on first use, and shares it between concurrent calls', async () => {
    let imports = 0;
    const source = createEmbeddedSource(async () => {
      imports += 1;
      await sleep(10);
      return { dataset: smallDataset };
    });
    const client = createClient({ source });
    expect(imports).toBe(0);
    const [loaded, page] = await Promise.all([client.load(), client.projects({ territory: '88' })]);
    expect(imports).toBe(1);
    expect(loaded.complete).toBe(true);
    expect(page.data.total).toBeGreaterThan(0);
    await client.refresh();
    expect(imports).toBe(2);
  });

  it('reports a module that cannot be loaded as a typed error, and retries next time', async () => {
    let attempts = 0;
    const client = createClient({
      source: createEmbeddedSource(async () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return { default: smallDataset };
      }),
    });
    expect(await failure(client.load())).toMatchObject({ name: 'CnrHttpError', code: 'network' });
    expect((await client.load()).dataset.projects.length).toBe(smallDataset.projects.length);
  });

  it('reads the reference dataset of @cnr-widgets/data by default', async () => {
    const client = createClient();
    expect(client.kind).toBe('embedded');
    const { dataset, report, stale } = await client.load();
    expect(stale).toBe(false);
    expect(dataset.projects.length).toBeGreaterThan(0);
    expect(report.counts['projects']?.valid).toBe(dataset.projects.length);
    // The same data served by the reference server answers the same.
    const server = await serveFetch(createApp({ dataset }).fetch);
    servers.push(server);
    const rest = createClient({ api: server.url, retry: 0 });
    const filters = { territory: '44' };
    expect((await rest.projects(filters, { limit: 100 })).data).toEqual((await client.projects(filters, { limit: 100 })).data);
    expect((await rest.facets(filters)).data).toEqual((await client.facets(filters)).data);
  });
});

describe('createClient', () => {
  it('refuses several sources at once', () => {
    expect(() => createClient({ src: {}, api: 'http://127.0.0.1:1/' })).toThrow(TypeError);
  });
});
