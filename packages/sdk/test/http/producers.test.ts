// Producers' files read over HTTP: over the reference, several at once, and files that cannot be read.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../../examples/api-server/src/server.js';
import referential from '@cnr-widgets/data/referential';
import { createClient, parseSrcList } from '../../src/client.js';
import { CnrDataError, CnrHttpError } from '../../src/errors.js';
import type { Dataset } from '../../src/schemas/dataset.js';
import { failure, faultServer, sendJson, serveFetch, type LoopbackServer } from './helpers.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function producerFile(publisher: string, prefix: string, territories: string[]) {
  const document = `${prefix}-bilan`;
  return {
    version: '1',
    generatedAt: '2024-03-01T09:00:00+01:00',
    publisher,
    documents: [{ id: document, title: 'Bilan', publisher }],
    projects: territories.map((territory, i) => ({
      id: `${prefix}-${i + 1}`,
      thematique: 'sante',
      title: `Projet ${i + 1} de ${publisher}`,
      porteurs: [],
      axes: ['sante-1'],
      territories: [territory],
      source: { document, excerpt: 'La phrase qui le dit.' },
    })),
  };
}

const pdl = producerFile('ARS Pays de la Loire', 'pdl', ['departement:44', 'region:52', 'commune:49007']);
const paca = producerFile('ARS Paca', 'paca', ['departement:05', 'commune:05061']);

/** Serves files by path: an object as JSON, a string as it is (HTML, truncated JSON), a number as that status. */
async function files(table: Record<string, unknown>) {
  const server = await faultServer((request, response) => {
    const body = table[request.url ?? ''];
    if (body === undefined) return sendJson(response, { title: 'Not Found' }, { status: 404 });
    if (typeof body === 'number') return sendJson(response, { title: 'Error' }, { status: body });
    if (typeof body === 'string') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(body);
    }
    sendJson(response, body);
  });
  servers.push(server);
  return server;
}

describe('a producer file over HTTP stands on the reference', () => {
  it('validates without problems, names the reference territories, and filters by kinded ids', async () => {
    const server = await files({ '/pdl.json': pdl });
    const client = createClient({ src: `${server.url}pdl.json`, retry: 0 });
    const { problems, dataset } = await client.load();
    expect(problems).toEqual([]);
    expect(dataset.territories.find((t) => t.id === 'departement:44')?.name).toBe('Loire-Atlantique');
    expect(dataset.axes.find((a) => a.id === 'sante-1')?.label).toBeTruthy();
    const ids = async (territory: string) => (await client.projects({ territory })).data.items.map((p) => p.id).sort();
    expect(await ids('region:52')).toEqual(['pdl-1', 'pdl-2', 'pdl-3']);
    expect(await ids('departement:44')).toEqual(['pdl-1']);
    expect(await ids('departement:49')).toEqual(['pdl-3']);
  });
});

describe('several producers on one page', () => {
  it('parseSrcList splits a src attribute on whitespace', () => {
    expect(parseSrcList(' https://a.fr/x.json\n\thttps://b.fr/y.json  ')).toEqual(['https://a.fr/x.json', 'https://b.fr/y.json']);
    expect(parseSrcList(['https://a.fr/x.json'])).toEqual(['https://a.fr/x.json']);
  });

  it('merges the files over one reference; each record keeps its publisher', async () => {
    const server = await files({ '/pdl.json': pdl, '/paca.json': paca });
    const client = createClient({ src: `${server.url}pdl.json ${server.url}paca.json`, retry: 0 });
    const { problems, dataset, failures } = await client.load();
    expect(problems).toEqual([]);
    expect(failures).toBeUndefined();
    expect(dataset.projects.map((p) => [p.id, p.publisher])).toEqual([
      ['pdl-1', 'ARS Pays de la Loire'],
      ['pdl-2', 'ARS Pays de la Loire'],
      ['pdl-3', 'ARS Pays de la Loire'],
      ['paca-1', 'ARS Paca'],
      ['paca-2', 'ARS Paca'],
    ]);
    expect((await client.projects({ territory: 'region:93' })).data.total).toBe(2);
  });

  it('reports an id found in two files instead of merging it silently', async () => {
    const clash = { ...paca, projects: [...paca.projects, { ...pdl.projects[0]!, source: paca.projects[0]!.source }] };
    const server = await files({ '/pdl.json': pdl, '/paca.json': clash });
    const { problems, dataset } = await createClient({ src: [`${server.url}pdl.json`, `${server.url}paca.json`], retry: 0 }).load();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ src: `${server.url}paca.json`, collection: 'projects', id: 'pdl-1', severity: 'error' });
    expect(dataset.projects.filter((p) => p.id === 'pdl-1')).toHaveLength(1);
  });

  it('serves the other files when one fails, and says the failure once', async () => {
    const server = await files({ '/pdl.json': pdl, '/broken.json': '<!doctype html><p>Page introuvable</p>' });
    const client = createClient({ src: [`${server.url}pdl.json`, `${server.url}absent.json`, `${server.url}broken.json`], retry: 0 });
    const { problems, dataset, failures } = await client.load();
    expect(dataset.projects.map((p) => p.id)).toEqual(['pdl-1', 'pdl-2', 'pdl-3']);
    expect(failures?.map((f) => [f.src, f.error.name])).toEqual([
      [`${server.url}absent.json`, 'CnrHttpError'],
      [`${server.url}broken.json`, 'CnrDataError'],
    ]);
    expect(failures?.[1]?.error).toMatchObject({ code: 'unreadable', line: 1, column: 1 });
    expect(problems.map((p) => [p.src, p.severity, p.path])).toEqual([
      [`${server.url}absent.json`, 'error', []],
      [`${server.url}broken.json`, 'error', []],
    ]);
    expect(problems[1]!.message.fr).toContain('illisible');
  });

  it('rejects with the first failure when every file fails', async () => {
    const server = await files({});
    const error = await failure(createClient({ src: [`${server.url}a.json`, `${server.url}b.json`], retry: 0 }).load());
    expect(error).toBeInstanceOf(CnrHttpError);
    expect(error).toMatchObject({ status: 404, url: `${server.url}a.json` });
  });
});

describe('errors that say where the fault is', () => {
  it('an HTML page instead of JSON: CnrDataError unreadable, with the URL, line and column', async () => {
    const server = await files({ '/x.json': '\n\n  <html lang="fr">maintenance</html>' });
    const error = await failure(createClient({ src: `${server.url}x.json`, retry: 0 }).load());
    expect(error).toBeInstanceOf(CnrDataError);
    expect(error).toMatchObject({ code: 'unreadable', url: `${server.url}x.json`, line: 3, column: 3 });
    expect((error as Error).message).toContain('ligne 3, colonne 3');
    expect((error as Error).message).toContain('line 3, column 3');
  });

  it('truncated JSON: unreadable at the end of the text', async () => {
    const server = await files({ '/x.json': '{\n  "version": "1",\n  "projects": [' });
    const error = await failure(createClient({ src: `${server.url}x.json`, retry: 0 }).load());
    expect(error).toMatchObject({ name: 'CnrDataError', code: 'unreadable', line: 3, column: 16 });
  });

  it('JSON that is not a dataset: CnrDataError not-a-dataset, with the URL', async () => {
    const server = await files({ '/x.json': [1, 2, 3] });
    const error = await failure(createClient({ src: `${server.url}x.json`, retry: 0 }).load());
    expect(error).toBeInstanceOf(CnrDataError);
    expect(error).toMatchObject({ code: 'not-a-dataset', url: `${server.url}x.json` });
  });

  it('a server that does not answer stays a CnrHttpError', async () => {
    const server = await files({ '/x.json': 503 });
    const error = await failure(createClient({ src: `${server.url}x.json`, retry: 0 }).load());
    expect(error).toBeInstanceOf(CnrHttpError);
  });

  it('REST: a body that is JSON but not the envelope is not-a-dataset, with its URL', async () => {
    const server = await serveFetch(() => new Response('{"nothing":true}', { headers: { 'content-type': 'application/json' } }));
    servers.push(server);
    const error = await failure(createClient({ api: server.url, retry: 0 }).projects());
    expect(error).toMatchObject({ name: 'CnrDataError', code: 'not-a-dataset', url: `${server.url}projects` });
  });

  it('REST: an HTML body is unreadable', async () => {
    const server = await serveFetch(() => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }));
    servers.push(server);
    const error = await failure(createClient({ api: server.url, retry: 0 }).projects());
    expect(error).toMatchObject({ name: 'CnrDataError', code: 'unreadable', line: 1, column: 1 });
  });
});

describe('the REST reference server serves the merged view', () => {
  it('with the referential as base, a producer file answers filters on reference territories', async () => {
    const server = await serveFetch(createApp({ dataset: pdl, base: referential as unknown as Dataset }).fetch);
    servers.push(server);
    const client = createClient({ api: server.url, retry: 0 });
    expect((await client.projects({ territory: 'region:52' })).data.total).toBe(3);
    expect((await client.projects({ territory: 'departement:49' })).data.items.map((p) => p.id)).toEqual(['pdl-3']);
    const { data: territories } = await client.territories();
    expect(territories.find((t) => t.id === 'commune:49007')?.parent).toBe('departement:49');
  });
});
