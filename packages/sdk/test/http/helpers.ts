import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** A server on 127.0.0.1 and a port chosen by the system; `close()` drops open connections too. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** Serves a fetch handler (the reference Hono app) with @hono/node-server. */
export function serveFetch(fetch: (request: Request) => Response | Promise<Response>): Promise<LoopbackServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({ url: `http://127.0.0.1:${info.port}/`, close: closer(server as Server) });
    }) as Server;
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface FaultServer extends LoopbackServer {
  /** Every request received, in order. */
  requests: RecordedRequest[];
}

/**
 * A node:http server whose handler decides, per request, how to misbehave.
 * `n` is the 0-based number of the request.
 */
export function faultServer(
  handler: (request: IncomingMessage, response: ServerResponse, n: number) => void,
): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const n = requests.length;
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, at: Date.now() });
    handler(request, response, n);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, requests, close: closer(server) });
    });
  });
}

/** Sends a JSON body, with an ETag when given. */
export function sendJson(response: ServerResponse, body: unknown, init: { status?: number; etag?: string } = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(init.status ?? 200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(init.etag ? { etag: init.etag } : {}),
  });
  response.end(text);
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A retry policy that keeps tests fast. */
export const FAST_RETRY = { limit: 2, delay: 10, backoffLimit: 20 } as const;

/** The rejection of `promise` (a test fails when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}
