// The HTML snippet that loads the CDN bundle with Subresource Integrity on
// every file (docs/cdn.md), from `dist/cdn/integrity.json` (scripts/sri.mjs).
// No dependency, browser and Node: the embed configurator and scripts/sri.mjs
// both build their snippet with it (`@cnr-widgets/elements/cdn-snippet`).
//
// Why an import map: the `integrity` attribute of the script tag covers only
// cnr-widgets.js. The chunks it loads on demand (embedded dataset, map
// geometry, CSV, data sources) are checked against the `integrity` map of an
// import map — an inline script, which a Content-Security-Policy must allow by
// nonce or by hash (cspHash below).

/** Default CDN: jsDelivr serves npm packages with CORS, which SRI needs. */
export function defaultBase(version) {
  return `https://cdn.jsdelivr.net/npm/@cnr-widgets/elements@${version}/dist/cdn/`;
}

/** URL of a file of dist/cdn/ under `base` (absolute, or starting with `/`, `./` or `../` as import maps require). */
function resolve(base, file) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(base)) return new URL(file, base).href;
  return `${base.endsWith('/') ? base : `${base}/`}${file}`;
}

/**
 * The text of the import map (exactly what goes between the tags, which a CSP hash covers):
 * `{"integrity": {"<url of each file>": "sha384-…"}}`, one file a line.
 */
export function importMapText(integrity, base = integrity.base) {
  const entries = Object.entries(integrity.files).map(
    ([file, hash]) => `    ${JSON.stringify(resolve(base, file))}: ${JSON.stringify(hash)}`,
  );
  return `\n{\n  "integrity": {\n${entries.join(',\n')}\n  }\n}\n`;
}

const escapeAttribute = (value) => String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * The snippet: an import map declaring the integrity of every file, then the
 * module script with its own `integrity`. Paste it once per page, in `<head>`
 * or before the first widget; then any number of `<cnr-…>` elements.
 *
 * @param {object} integrity   the content of dist/cdn/integrity.json
 * @param {object} [options]
 * @param {string} [options.base]     URL of the dist/cdn/ folder (default: integrity.base)
 * @param {string} [options.nonce]    the page's CSP nonce, put on the import map
 * @param {string} [options.element]  HTML to put after the scripts (e.g. `<cnr-project-list territory="departement:57"></cnr-project-list>`)
 * @param {boolean} [options.comment] add an explanatory HTML comment (default false: the recommended
 *                                     snippet of the README, docs/cdn.md and the configurator has none)
 */
export function cdnSnippet(integrity, { base = integrity.base, nonce, element, comment = false } = {}) {
  const entry = resolve(base, integrity.entry);
  const lines = [];
  if (comment) {
    lines.push(
      `<!-- CNR Widgets ${integrity.version}: the import map declares the Subresource Integrity of every file`,
      `     (the script tag's integrity covers only ${integrity.entry}). Under a Content-Security-Policy, give`,
      `     the import map your page's nonce, or allow its hash in script-src. See docs/cdn.md. -->`,
    );
  }
  lines.push(
    `<script type="importmap"${nonce ? ` nonce="${escapeAttribute(nonce)}"` : ''}>${importMapText(integrity, base)}</script>`,
    `<script type="module" src="${escapeAttribute(entry)}" integrity="${escapeAttribute(integrity.files[integrity.entry])}" crossorigin="anonymous"></script>`,
  );
  if (element) lines.push(element);
  return lines.join('\n');
}

/**
 * The CSP source that allows this import map without a nonce:
 * `'sha256-…'`, for `script-src`. Async (Web Crypto), browser and Node.
 */
export async function cspHash(integrity, base = integrity.base) {
  const bytes = new TextEncoder().encode(importMapText(integrity, base));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/**
 * The CSP line to add to a page with a strict Content-Security-Policy and no
 * nonce: `script-src 'sha256-…' https://cdn.jsdelivr.net` (the import map's
 * hash and the CDN's origin). The configurator prints it under the snippet.
 */
export async function cspLine(integrity, base = integrity.base) {
  const origin = /^[a-z][a-z0-9+.-]*:/i.test(base) ? new URL(base).origin : "'self'";
  return `script-src ${await cspHash(integrity, base)} ${origin}`;
}
