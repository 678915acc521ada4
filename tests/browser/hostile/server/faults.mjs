// Fault-injecting middleware of the test server (web-test-runner.config.mjs):
// network faults, slow and aborted responses, and the hostile dataset, under
// /__faults/. Every route takes `id`, a key the test chooses (unique per test
// and browser, as both browsers share this server); /__faults/stats?id=…
// tells what happened to the requests of that key.
//
//   /__faults/good             the reference dataset (packages/data/dist/cnr-dataset.json)
//   /__faults/500              HTTP 500
//   /__faults/429?retry-after=1[&times=n]
//                              HTTP 429 with Retry-After (the first n requests; all when no n), then good
//   /__faults/slow?delay=ms    the dataset after `delay` ms (default 3000)
//   /__faults/malformed        HTTP 200 whose body is not JSON
//   /__faults/truncated        HTTP 200 whose connection breaks in the middle of the body
//   /__faults/flaky            good once, then HTTP 500 (offline after a first load)
//   /__faults/hostile.json     the hostile dataset (fixtures/hostile-dataset.mjs)
//   /__faults/stats            { requests, completed, aborted, withCookie, withCredentials, paths } of `id`
// Any route takes `delay` (ms before answering).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hostileJson } from '../fixtures/hostile-dataset.mjs';

const datasetPath = fileURLToPath(new URL('../../../../packages/data/dist/cnr-dataset.json', import.meta.url));

let good;
let hostile;
const goodJson = () => (good ??= readFileSync(datasetPath, 'utf8'));
const hostileBody = () => (hostile ??= hostileJson(JSON.parse(goodJson())));

/** Per-id counters: requests received, responses completed, connections the client closed first. */
const stats = new Map();
function statsOf(id) {
  let entry = stats.get(id);
  if (!entry) {
    entry = { requests: 0, completed: 0, aborted: 0, withCookie: 0, withCredentials: 0, paths: [] };
    stats.set(id, entry);
    // Bounded: keys are per test.
    if (stats.size > 500) stats.delete(stats.keys().next().value);
  }
  return entry;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function faultsMiddleware() {
  return async function faults(ctx, next) {
    if (!ctx.path.startsWith('/__faults/')) return next();
    const route = ctx.path.slice('/__faults/'.length);
    const query = ctx.query;
    const id = String(query.id ?? '');

    if (route === 'stats') {
      ctx.set('cache-control', 'no-store');
      ctx.set('access-control-allow-origin', '*');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(statsOf(id));
      return;
    }

    const entry = statsOf(id);
    entry.requests += 1;
    entry.paths.push(ctx.url);
    if (ctx.get('cookie')) entry.withCookie += 1;
    if (ctx.get('authorization')) entry.withCredentials += 1;
    const res = ctx.res;
    res.once('close', () => {
      if (res.writableFinished) entry.completed += 1;
      else entry.aborted += 1;
    });

    // Everything below answers by hand: Koa must not answer again. The status is
    // for the test runner's log, which lists 404s (Koa's default) as missing files.
    ctx.respond = false;
    ctx.status = 200;
    const closed = new Promise((resolve) => res.once('close', resolve));
    const send = (status, body, headers = {}) => {
      if (res.destroyed || res.writableEnded) return;
      ctx.status = status;
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        // Readable from another origin (the privacy test serves its source from 127.0.0.1), without credentials.
        'access-control-allow-origin': '*',
        'content-length': Buffer.byteLength(body),
        ...headers,
      });
      res.end(body);
    };

    const defaultDelay = route === 'slow' ? 3000 : 0;
    const delay = Number(query.delay ?? defaultDelay);
    if (delay > 0) await Promise.race([sleep(delay), closed]);
    if (res.destroyed) return;

    const error = (status, headers) => send(status, JSON.stringify({ error: `fault ${status}` }), headers);
    switch (route) {
      case 'good':
      case 'slow':
        return send(200, goodJson());
      case 'hostile.json':
        return send(200, hostileBody());
      case '500':
        return error(500);
      case '429': {
        const times = query.times === undefined ? Infinity : Number(query.times);
        if (entry.requests <= times) return error(429, { 'retry-after': String(query['retry-after'] ?? '1') });
        return send(200, goodJson());
      }
      case 'malformed':
        return send(200, '{"version": "1.0.0", "projects": [{"id": "a", ]} <html>');
      case 'truncated': {
        const body = Buffer.from(goodJson());
        res.writeHead(200, {
          'content-type': 'application/json',
          'cache-control': 'no-store',
          'access-control-allow-origin': '*',
          'content-length': body.length,
        });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        await sleep(50);
        res.destroy();
        return;
      }
      case 'flaky':
        return entry.requests === 1 ? send(200, goodJson()) : error(500);
      default:
        return error(404);
    }
  };
}
