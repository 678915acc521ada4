import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CnrAbortError, CnrDataError, CnrHttpError } from '../../src/errors.js';
import { createHttp } from '../../src/transport/index.js';
import { FAST_RETRY, failure, faultServer, sendJson, sleep, type FaultServer } from './helpers.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serverWith(handler: (request: IncomingMessage, response: ServerResponse, n: number) => void) {
  const server = await faultServer(handler);
  servers.push(server);
  return server;
}

/** A handler that never answers (the connection stays open until the test closes the server). */
const hang = () => undefined;

describe('createHttp: timeouts', () => {
  it('times out when the server never answers, without retrying', async () => {
    const server = await serverWith(hang);
    const http = createHttp({ timeout: 150, retry: FAST_RETRY });
    const started = Date.now();
    const error = await failure(http.getJson(`${server.url}data`));
    expect(error).toBeInstanceOf(CnrHttpError);
    expect(error).toMatchObject({ code: 'timeout', retryable: true, url: `${server.url}data` });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a body that trickles in too slowly', async () => {
    const server = await serverWith((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      const timer = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(timer));
    });
    const http = createHttp({ timeout: 300, retry: 0 });
    const started = Date.now();
    const error = await failure(http.getJson(`${server.url}slow`));
    expect(error).toMatchObject({ name: 'CnrHttpError', code: 'timeout', status: 200 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('createHttp: retries', () => {
  it('retries a 500, then succeeds', async () => {
    const server = await serverWith((_request, response, n) => {
      if (n === 0) sendJson(response, { error: 'boom' }, { status: 500 });
      else sendJson(response, { ok: true });
    });
    const http = createHttp({ retry: FAST_RETRY });
    const result = await http.getJson(`${server.url}flaky`);
    expect(result.data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after the retry limit with a typed, retryable error', async () => {
    const server = await serverWith((_request, response) => sendJson(response, {}, { status: 503 }));
    const error = await failure(createHttp({ retry: FAST_RETRY }).getJson(`${server.url}down`));
    expect(error).toBeInstanceOf(CnrHttpError);
    expect(error).toMatchObject({ status: 503, retryable: true, code: 'http' });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const server = await serverWith((_request, response) => sendJson(response, {}, { status: 404 }));
    const error = await failure(createHttp({ retry: FAST_RETRY }).getJson(`${server.url}missing`));
    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a connection reset, then succeeds', async () => {
    const server = await serverWith((request, response, n) => {
      if (n === 0) request.socket.destroy();
      else sendJson(response, [1, 2, 3]);
    });
    const result = await createHttp({ retry: FAST_RETRY }).getJson(`${server.url}reset`);
    expect(result.data).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(2);
  });

  it('waits for Retry-After (seconds) on a 429', async () => {
    const server = await serverWith((_request, response, n) => {
      if (n === 0) {
        response.writeHead(429, { 'retry-after': '1' });
        response.end();
      } else sendJson(response, { ok: true });
    });
    const result = await createHttp({ retry: FAST_RETRY }).getJson(`${server.url}limited`);
    expect(result.data).toEqual({ ok: true });
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  });

  it('waits for Retry-After (HTTP date) on a 503', async () => {
    const server = await serverWith((_request, response, n) => {
      if (n === 0) {
        response.writeHead(503, { 'retry-after': new Date(Date.now() + 2_000).toUTCString() });
        response.end();
      } else sendJson(response, { ok: true });
    });
    await createHttp({ retry: FAST_RETRY }).getJson(`${server.url}busy`);
    const [first, second] = server.requests;
    // An HTTP date has a one-second resolution.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(700);
    expect(second!.at - first!.at).toBeLessThan(3_000);
  });

  it('caps a long Retry-After, and ignores an unreadable one', async () => {
    const server = await serverWith((_request, response, n) => {
      if (n < 2) {
        response.writeHead(429, { 'retry-after': n === 0 ? '3600' : 'tomorrow-ish' });
        response.end();
      } else sendJson(response, { ok: true });
    });
    const started = Date.now();
    await createHttp({ retry: { ...FAST_RETRY, maxRetryAfter: 200 } }).getJson(`${server.url}capped`);
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('createHttp: bodies', () => {
  it('rejects malformed JSON as an unreadable document (CnrDataError, line and column), without retrying', async () => {
    const server = await serverWith((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"items": [1, 2,');
    });
    const error = await failure(createHttp({ retry: FAST_RETRY }).getJson(`${server.url}broken`));
    expect(error).toBeInstanceOf(CnrDataError);
    expect(error).toMatchObject({ code: 'unreadable', url: `${server.url}broken`, line: 1, column: 17 });
    expect((error as Error).message).toContain('ligne 1, colonne 17');
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a body cut off before its announced length as a network error', async () => {
    const server = await serverWith((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"items": [');
      setTimeout(() => request.socket.destroy(), 20);
    });
    const error = await failure(createHttp({ retry: 0 }).getJson(`${server.url}cut`));
    expect(error).toBeInstanceOf(CnrHttpError);
    expect(error).toMatchObject({ code: 'network', retryable: true });
  });

  it('rejects an empty body as an unreadable document', async () => {
    const server = await serverWith((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end();
    });
    expect(await failure(createHttp({ retry: 0 }).getJson(`${server.url}empty`))).toMatchObject({ name: 'CnrDataError', code: 'unreadable', line: 1, column: 1 });
  });
});

describe('createHttp: cache, revalidation, de-duplication', () => {
  function etagServer(body: unknown) {
    return serverWith((request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' });
        response.end();
      } else sendJson(response, body, { etag: '"v1"' });
    });
  }

  it('revalidates with If-None-Match and reuses the body on 304', async () => {
    const server = await etagServer({ n: 1 });
    const http = createHttp({ cacheTtl: 0 });
    const first = await http.getJson(`${server.url}doc`);
    const second = await http.getJson(`${server.url}doc`);
    expect(first).toMatchObject({ from: 'network', etag: '"v1"' });
    expect(second).toMatchObject({ from: 'revalidated', etag: '"v1"' });
    expect(second.data).toBe(first.data);
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"']);
  });

  it('serves from memory within the TTL, and asks again on revalidate', async () => {
    const server = await etagServer({ n: 2 });
    const http = createHttp({ cacheTtl: 60_000 });
    await http.getJson(`${server.url}doc`);
    expect(await http.getJson(`${server.url}doc`)).toMatchObject({ from: 'cache' });
    expect(server.requests).toHaveLength(1);
    expect(await http.getJson(`${server.url}doc`, { revalidate: true })).toMatchObject({ from: 'revalidated' });
    http.expire();
    expect(await http.getJson(`${server.url}doc`)).toMatchObject({ from: 'revalidated' });
    expect(server.requests).toHaveLength(3);
    http.clear();
    expect(await http.getJson(`${server.url}doc`)).toMatchObject({ from: 'network' });
  });

  it('sends one request for identical concurrent GETs', async () => {
    const server = await serverWith((request, response) => {
      setTimeout(() => sendJson(response, { url: request.url }), 50);
    });
    const http = createHttp({ cacheTtl: 0 });
    const [a, b, c] = await Promise.all([
      http.getJson(`${server.url}projects`, { searchParams: { q: 'santé' } }),
      http.getJson(`${server.url}projects`, { searchParams: { q: 'santé' } }),
      http.getJson(`${server.url}projects`, { searchParams: { q: 'autre' } }),
    ]);
    expect(a.data).toBe(b.data);
    expect(c.data).not.toBe(a.data);
    expect(server.requests).toHaveLength(2);
  });

  it('lets one caller of a shared request abort without affecting the other', async () => {
    const server = await serverWith((_request, response) => {
      setTimeout(() => sendJson(response, { ok: true }), 150);
    });
    const http = createHttp();
    const controller = new AbortController();
    const aborted = failure(http.getJson(`${server.url}shared`, { signal: controller.signal }));
    const kept = http.getJson(`${server.url}shared`);
    setTimeout(() => controller.abort(), 20);
    expect(await aborted).toBeInstanceOf(CnrAbortError);
    expect((await kept).data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(1);
  });
});

describe('createHttp: aborts and requests', () => {
  it('rejects at once with CnrAbortError for a signal already aborted, sending nothing', async () => {
    const server = await serverWith(hang);
    const error = await failure(createHttp().getJson(`${server.url}x`, { signal: AbortSignal.abort('gone') }));
    expect(error).toBeInstanceOf(CnrAbortError);
    expect(error).toMatchObject({ name: 'AbortError', cause: 'gone' });
    await sleep(20);
    expect(server.requests).toHaveLength(0);
  });

  it('aborts a request in flight and closes its connection', async () => {
    let closed = false;
    const server = await serverWith((request) => {
      request.socket.on('close', () => {
        closed = true;
      });
    });
    const controller = new AbortController();
    const pending = failure(createHttp({ timeout: 5_000 }).getJson(`${server.url}x`, { signal: controller.signal }));
    await sleep(50);
    controller.abort();
    expect(await pending).toBeInstanceOf(CnrAbortError);
    for (let i = 0; i < 50 && !closed; i++) await sleep(10);
    expect(closed).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('sends no credentials and asks for JSON (injected fetch)', async () => {
    const seen: Request[] = [];
    const http = createHttp({
      prefixUrl: 'http://127.0.0.1:9/api',
      fetch: async (input, init) => {
        seen.push(input instanceof Request ? input : new Request(input, init));
        return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
      },
    });
    const result = await http.getJson('projects', { searchParams: { axis: 'sante-1,sante-2' } });
    expect(result.data).toEqual({ ok: true });
    expect(result.url).toBe('http://127.0.0.1:9/api/projects?axis=sante-1%2Csante-2');
    expect(seen[0]!.credentials).toBe('omit');
    expect(seen[0]!.headers.get('accept')).toBe('application/json');
  });

  it('reports an invalid URL as a typed error', async () => {
    const error = await failure(createHttp().getJson('http://[not a url'));
    expect(error).toBeInstanceOf(CnrHttpError);
    expect(error).toMatchObject({ retryable: false });
  });
});
