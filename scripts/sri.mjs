#!/usr/bin/env node
// Subresource Integrity of the CDN bundle of @cnr-widgets/elements: computes
// the sha384 of every JavaScript file of packages/elements/dist/cdn/ and writes
//   dist/cdn/integrity.json  { package, version, algorithm, entry, base, files, sizes }
//   dist/cdn/embed.html      the iframe embed page (packages/elements/scripts/embed-page.mjs)
//   dist/cdn/snippet.html    the recommended snippet (README, docs/cdn.md, the
//                            configurator): import map with every file's
//                            integrity + the module script
// and prints the snippet's CSP hash. Run after the CDN build (the elements'
// `build:cdn` script does).
//
//   node scripts/sri.mjs [--dir packages/elements/dist/cdn] [--base https://…/dist/cdn/]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cdnSnippet, cspLine, defaultBase } from '../packages/elements/scripts/cdn-snippet.mjs';
import { EMBED_FILES, embedPage } from '../packages/elements/scripts/embed-page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const dir = path.resolve(arg('--dir') ?? path.join(root, 'packages/elements/dist/cdn'));
const pkg = JSON.parse(readFileSync(path.join(root, 'packages/elements/package.json'), 'utf8'));
const ENTRY = 'cnr-widgets.js';

/** `sha384-<base64>` of some bytes, as the `integrity` attribute writes it. */
export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** Every .js file under `dir`, relative, `/`-separated, the entry first. */
function jsFiles(directory) {
  const out = [];
  const walk = (sub) => {
    for (const name of readdirSync(path.join(directory, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(directory, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.js') && !EMBED_FILES.includes(rel)) out.push(rel);
    }
  };
  walk('');
  return out.sort((a, b) => (a === ENTRY ? -1 : b === ENTRY ? 1 : a.localeCompare(b)));
}

const files = jsFiles(dir);
if (!files.includes(ENTRY)) {
  console.error(`sri: ${path.relative(root, dir)}/${ENTRY} is missing — build the CDN bundle first`);
  process.exit(1);
}
const integrity = {
  package: pkg.name,
  version: pkg.version,
  algorithm: 'sha384',
  entry: ENTRY,
  base: arg('--base') ?? defaultBase(pkg.version),
  files: {},
  sizes: {},
};
for (const file of files) {
  const bytes = readFileSync(path.join(dir, file));
  integrity.files[file] = sri(bytes);
  integrity.sizes[file] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
// The iframe embed's own files (packages/elements/scripts/build-embed.mjs), apart: not in the snippet's import map.
const embedFiles = EMBED_FILES.filter((file) => existsSync(path.join(dir, file)));
if (embedFiles.length > 0) integrity.embed = Object.fromEntries(embedFiles.map((file) => [file, sri(readFileSync(path.join(dir, file)))]));
writeFileSync(path.join(dir, 'integrity.json'), JSON.stringify(integrity, null, 2) + '\n');
if (embedFiles.length === EMBED_FILES.length) writeFileSync(path.join(dir, 'embed.html'), await embedPage(integrity));
const snippet = cdnSnippet(integrity);
writeFileSync(path.join(dir, 'snippet.html'), snippet + '\n');
const csp = await cspLine(integrity);

console.log(`sri: ${files.length} files → ${path.relative(root, dir)}/integrity.json, snippet.html`);
console.log(`sri: ${ENTRY} ${integrity.files[ENTRY]}`);
console.log(`sri: CSP without a nonce: ${csp}`);
