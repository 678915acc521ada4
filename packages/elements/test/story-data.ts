// Data sources for the stories (never shipped): a fetch stand-in serving the
// linked fixture, a request that hangs, a 404, and a way to make data stale.
import { clientFor } from '../src/base/clients.js';
import linked from './fixtures/figures-linked.json';

/**
 * Story data sources: `/cnr-story/linked.json` (a dataset whose projects have
 * axes and fundings), `/cnr-story/hang.json` (never answers), `/cnr-story/missing.json` (404).
 */
export function serveStoryData(): () => void {
  const original = window.fetch;
  window.fetch = (resource, init) => {
    const url = resource instanceof Request ? resource.url : String(resource);
    if (url.includes('/cnr-story/hang')) return new Promise<Response>(() => undefined);
    if (url.includes('/cnr-story/missing')) return Promise.resolve(new Response('', { status: 404 }));
    if (url.includes('/cnr-story/')) return Promise.resolve(Response.json(linked, { headers: { etag: '"story"' } }));
    return original.call(window, resource, init);
  };
  return () => {
    window.fetch = original;
  };
}

/** Loads `src`, then makes its refresh fail: the data shown is stale. */
export async function makeStale(src: string): Promise<void> {
  const client = clientFor({ src });
  await client.load();
  const original = window.fetch;
  window.fetch = () => Promise.resolve(new Response('', { status: 404 }));
  try {
    await client.refresh();
  } finally {
    window.fetch = original;
  }
}
