#!/usr/bin/env node
// The CDN snippet with Subresource Integrity, under a strict Content-Security-Policy.
//
//   pnpm build && node examples/cdn-sri/server.mjs   → http://localhost:5180/
//
// Serves packages/elements/dist/cdn/ the way a CDN would, and pages that paste
// the snippet of docs/cdn.md: the import map declares every file's integrity
// and carries the page's CSP nonce (or the page allows the map by its hash).
// The other scenarios serve a copy with one byte flipped, to show what SRI
// does: nothing from a tampered file runs. tests/cdn/sri.test.mjs drives the
// same pages in Chromium and Firefox.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cdnSnippet, cspHash } from '../../packages/elements/scripts/cdn-snippet.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultCdnDir = path.resolve(here, '../../packages/elements/dist/cdn');

/**
 * Scenarios: which file is tampered with, and how the page loads the bundle.
 * `integrity: false` are the controls: the same tampered files without SRI run
 * normally, so the flipped byte is harmless and SRI alone blocks them.
 */
export const SCENARIOS = {
  ok: { title: 'Correct hashes, CSP nonce on the import map', tamper: undefined, integrity: true, csp: 'nonce' },
  'csp-hash': { title: 'Correct hashes, import map allowed by its CSP hash', tamper: undefined, integrity: true, csp: 'hash' },
  'tampered-entry': { title: 'cnr-widgets.js with one byte flipped', tamper: 'entry', integrity: true, csp: 'nonce' },
  'tampered-dataset': { title: 'Dataset chunk with one byte flipped (checked by the import map)', tamper: 'dataset', integrity: true, csp: 'nonce' },
  'control-entry': { title: 'Control: tampered cnr-widgets.js, no integrity', tamper: 'entry', integrity: false, csp: 'nonce' },
  'control-dataset': { title: 'Control: tampered dataset chunk, no integrity', tamper: 'dataset', integrity: false, csp: 'nonce' },
  src: { title: 'A dataset document from the site (src), validated in the page', tamper: undefined, integrity: true, csp: 'nonce', src: true },
};

/**
 * The widgets each page shows: key figures and a funding counter on région 44,
 * on the embedded dataset or (`src` scenario) on the same data published as a
 * document by the site, which the page fetches and validates.
 */
const widgets = (src) => `<cnr-provider territory="region:44"${src ? ` src="${DOCUMENT_URL}"` : ''}>
  <cnr-key-figures></cnr-key-figures>
  <cnr-funding-counter></cnr-funding-counter>
</cnr-provider>`;

/** Where the site publishes its dataset document (the reference dataset, from packages/data). */
const DOCUMENT_URL = '/data/cnr-dataset.json';
const documentFile = path.resolve(here, '../../packages/data/dist/cnr-dataset.json');

/**
 * Flips one byte of a file without changing what it does: the case of a letter
 * inside a string (the `[cnr-widgets]` warning prefix of the entry, the title
 * of the dataset), so that only SRI can tell.
 */
export function tamper(bytes, kind) {
  const text = bytes.toString('latin1');
  // The `c` of the entry's `[cnr-widgets]`; the first letter of the dataset's title.
  const marker = kind === 'entry' ? '[' : '"title":"';
  const found = text.indexOf(kind === 'entry' ? '[cnr-widgets]' : marker);
  if (found === -1) throw new Error(`tamper: no ${marker} in the ${kind} file`);
  const at = found + marker.length;
  if (!/[A-Za-z]/.test(text[at] ?? '')) throw new Error(`tamper: no letter after ${marker} in the ${kind} file`);
  const copy = Buffer.from(bytes);
  copy[at] = copy[at] ^ 0x20; // c ↔ C
  return copy;
}

/** Records, for the page and the test, uncaught errors, CSP violations and the cnr-error events. */
const RECORDER = `window.__cnr = { errors: [], violations: [], scriptErrors: [], cnrErrors: [], globals: Object.keys(window) };
addEventListener('error', (e) => { if (e instanceof ErrorEvent) __cnr.errors.push(String(e.message)); });
addEventListener('unhandledrejection', (e) => { __cnr.errors.push('unhandled rejection: ' + String(e.reason)); });
document.addEventListener('securitypolicyviolation', (e) => { __cnr.violations.push(e.violatedDirective + ' ' + e.blockedURI); });
document.addEventListener('error', (e) => { if (e.target instanceof HTMLScriptElement) __cnr.scriptErrors.push(e.target.src); }, true);
document.addEventListener('cnr-error', (e) => { __cnr.cnrErrors.push(String(e.detail && e.detail.error)); }, true);
`;

/**
 * The embedded dataset's chunk among the CDN files: the largest `dataset-` chunk
 * (the other one is the referential a `src` page loads, `@cnr-widgets/data/referential`).
 * @param {{ files: Record<string, string> }} integrity
 * @param {string} [cdnDir]
 */
export function datasetChunk(integrity, cdnDir = defaultCdnDir) {
  const size = (file) => statSync(path.join(cdnDir, file)).size;
  return Object.keys(integrity.files)
    .filter((f) => /(^|\/)dataset-[^/]+\.js$/.test(f))
    .sort((a, b) => size(b) - size(a))[0];
}

/**
 * Starts the server. Resolves to `{ url, close }`; `port: 0` picks a free port.
 * @param {{ port?: number, host?: string, cdnDir?: string }} [options]
 */
export async function startServer({ port = 0, host = '127.0.0.1', cdnDir = defaultCdnDir } = {}) {
  const integrity = JSON.parse(readFileSync(path.join(cdnDir, 'integrity.json'), 'utf8'));
  const datasetFile = datasetChunk(integrity, cdnDir);

  const page = async (name) => {
    const scenario = SCENARIOS[name];
    const base = `/cdn/${name}/`;
    const nonce = randomBytes(16).toString('base64');
    const scripts = scenario.integrity
      ? cdnSnippet(integrity, { base, nonce: scenario.csp === 'nonce' ? nonce : undefined })
      : `<script type="module" src="${base}${integrity.entry}"></script>`;
    const scriptSrc = scenario.csp === 'hash' ? `${await cspHash(integrity, base)} 'self'` : `'nonce-${nonce}' 'self'`;
    const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>CNR Widgets — ${scenario.title}</title>
<script src="/recorder.js"></script>
${scripts}
</head>
<body>
<h1>${scenario.title}</h1>
<p><a href="/">All scenarios</a></p>
${widgets(scenario.src)}
</body>
</html>
`;
    return { html, csp: `default-src 'self'; script-src ${scriptSrc}; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'` };
  };

  const index = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CNR Widgets — CDN snippet with SRI</title></head>
<body><h1>CDN snippet with Subresource Integrity</h1>
<p>Each page pastes the snippet of docs/cdn.md under a strict Content-Security-Policy.</p>
<ul>${Object.entries(SCENARIOS)
    .map(([name, s]) => `<li><a href="/page/${name}">${s.title}</a></li>`)
    .join('')}</ul>
<h2>The snippet (jsDelivr)</h2>
<pre>${cdnSnippet(integrity).replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</pre>
</body></html>
`;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status, type, body, headers = {}) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      response.end(body);
    };
    try {
      if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', index);
      if (url.pathname === '/recorder.js') return send(200, 'text/javascript', RECORDER);
      if (url.pathname === DOCUMENT_URL) return send(200, 'application/json', readFileSync(documentFile));
      const pageMatch = /^\/page\/([a-z-]+)$/.exec(url.pathname);
      if (pageMatch && pageMatch[1] in SCENARIOS) {
        const { html, csp } = await page(pageMatch[1]);
        return send(200, 'text/html; charset=utf-8', html, { 'content-security-policy': csp });
      }
      const fileMatch = /^\/cdn\/([a-z-]+)\/(.+\.js)$/.exec(url.pathname);
      if (fileMatch && fileMatch[1] in SCENARIOS && fileMatch[2] in integrity.files) {
        const [, name, file] = fileMatch;
        let bytes = readFileSync(path.join(cdnDir, file));
        const kind = SCENARIOS[name].tamper;
        if ((kind === 'entry' && file === integrity.entry) || (kind === 'dataset' && file === datasetFile)) {
          bytes = tamper(bytes, kind);
        }
        return send(200, 'text/javascript', bytes, { 'access-control-allow-origin': '*' });
      }
      send(404, 'text/plain', 'not found');
    } catch (error) {
      send(500, 'text/plain', String(error));
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 5180), host: 'localhost' });
  console.log(`CDN snippet with SRI: ${url}/`);
}
