#!/usr/bin/env node
// A static page of a département's CNR projects, rendered ahead of time with
// `@cnr-widgets/elements/server`: plain Node, no site generator. The widgets'
// HTML (declarative shadow roots) reads with no script; `index.html` also loads
// the CDN script, whose widgets hydrate — interactive, same data, nothing
// fetched again — and `sans-script.html` is the same page without any script.
//
//   pnpm build                                           # once: packages/*/dist
//   node examples/static-html/build.mjs                  # → examples/static-html/dist/
//   node examples/static-html/build.mjs departement:88 /tmp/vosges
//
// See README.md (why a Node script rather than Eleventy or Astro).
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient } from '@cnr-widgets/sdk';
import { cspStyleHashes, renderWidgetHTML } from '@cnr-widgets/elements/server';
import { cdnSnippet, cspHash } from '@cnr-widgets/elements/cdn-snippet';

const here = path.dirname(fileURLToPath(import.meta.url));
const cdnDir = path.resolve(here, '../../packages/elements/dist/cdn');

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Builds the site into `outDir`: `index.html` (hydrates with the CDN script,
 * copied into `cdn/`), `sans-script.html` (no script) and `site.css`.
 * Resolves to the files written and the texts the page shows.
 */
export async function buildStaticSite({ territory = 'departement:57', outDir = path.join(here, 'dist') } = {}) {
  const client = createClient();
  const { data: territories } = await client.territories();
  const place = territories.find((candidate) => candidate.id === territory);
  if (!place || place.kind !== 'departement') throw new Error(`${territory}: not a département of the referential`);
  const region = territories.find((candidate) => candidate.id === place.parent);

  // Each widget with its data; one client, so the dataset is read once.
  const render = (tag, attributes) => renderWidgetHTML(tag, attributes, { client, lang: 'fr' });
  const [figures, funding, map, list] = await Promise.all([
    render('cnr-key-figures', { territory }),
    render('cnr-funding-counter', { territory }),
    // The map of the région's départements, its table open: the figures read without the drawing.
    render('cnr-territory-map', { level: 'department', region: region?.code, 'table-open': true }),
    render('cnr-project-list', { territory, 'page-size': 24 }),
  ]);
  const widgets = [figures, funding, map, list].join('');

  const integrity = JSON.parse(readFileSync(path.join(cdnDir, 'integrity.json'), 'utf8'));
  const csp = async (scripts) =>
    [
      "default-src 'self'",
      `script-src ${scripts ? `'self' ${await cspHash(integrity, './cdn/')}` : "'none'"}`,
      // The widgets' <style> elements by their hash: no 'unsafe-inline'.
      `style-src 'self' ${cspStyleHashes(widgets).join(' ')}`,
      "img-src 'self' data:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "object-src 'none'",
    ].join('; ');

  const page = async (scripts) => `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${escape(await csp(scripts))}" />
    <title>Le CNR santé en ${escape(place.name)} — projets, financements et chiffres</title>
    <link rel="stylesheet" href="./site.css" />
${scripts ? `${cdnSnippet(integrity, { base: './cdn/', comment: false })}\n` : ''}  </head>
  <body>
    <a class="skip-link" href="#contenu">Aller au contenu</a>
    <header class="site-header"><p>Conseil national de la refondation — santé</p></header>
    <main id="contenu" tabindex="-1">
      <h1>Le CNR santé en ${escape(place.name)}</h1>
      <p class="chapo">Les projets, les financements et les chiffres de la concertation${region ? ` (région ${escape(region.name)})` : ''}, tels que les documents publics les donnent${scripts ? '' : ' — cette page ne charge aucun script'}.</p>
      <section aria-labelledby="chiffres">
        <h2 id="chiffres">Chiffres de la concertation</h2>
        ${figures}
      </section>
      <section aria-labelledby="financements">
        <h2 id="financements">Financements</h2>
        ${funding}
      </section>
      <section aria-labelledby="carte">
        <h2 id="carte">Les départements de la région</h2>
        ${map}
      </section>
      <section aria-labelledby="projets">
        <h2 id="projets">Projets</h2>
        ${list}
      </section>
    </main>
  </body>
</html>
`;

  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.html'), await page(true));
  writeFileSync(path.join(outDir, 'sans-script.html'), await page(false));
  cpSync(path.join(here, 'site.css'), path.join(outDir, 'site.css'));
  cpSync(cdnDir, path.join(outDir, 'cdn'), { recursive: true });
  return { outDir, files: ['index.html', 'sans-script.html', 'site.css', 'cdn/'], name: place.name };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!existsSync(path.join(cdnDir, 'integrity.json'))) {
    console.error('static-html: packages/elements/dist/cdn is missing — run pnpm build first');
    process.exit(1);
  }
  const [territory, outDir] = process.argv.slice(2);
  const { outDir: written, name } = await buildStaticSite({
    ...(territory ? { territory } : {}),
    ...(outDir ? { outDir: path.resolve(outDir) } : {}),
  });
  console.log(`static-html: ${name} → ${path.relative(process.cwd(), written) || '.'}/index.html, sans-script.html`);
}
