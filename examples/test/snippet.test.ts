// One « paste this » snippet everywhere (issue 16.6): the README, docs/cdn.md
// (and its English version), « Bien démarrer » / « Getting started » and the
// configurator's output are the same recommended snippet — pinned version,
// import map with every file's integrity, module script with its own — and it
// is the one the CDN build writes (packages/elements/dist/cdn/snippet.html).
// The docs shorten the import map (`…`) and write `sha384-…` for the hashes,
// which change with each build; everything else must be identical.
//
// Needs the CDN build (`pnpm build`, or `pnpm --filter @cnr-widgets/elements run build:cdn`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@cnr-widgets/sdk';
import { describe, expect, test } from 'vitest';
import { cdnSnippet, cspLine, defaultBase, type CdnIntegrity } from '../../packages/elements/scripts/cdn-snippet.mjs';
import { readEmbedParams } from '../../packages/elements/src/embed/params';
import { elementMarkup, embedQuery, iframeSnippet, snippet, staticCommand, type ConfiguratorOptions, type WidgetChoice } from '../configurator/snippet';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cdn = path.join(repo, 'packages/elements/dist/cdn');
const version = (JSON.parse(readFileSync(path.join(repo, 'packages/elements/package.json'), 'utf8')) as { version: string }).version;

/** The documents that show the snippet; the translations are optional (one of each pair must exist). */
const DOCS = ['README.md', 'packages/elements/README.md', 'docs/cdn.md', 'docs/cdn.en.md', 'docs/getting-started.mdx', 'docs/bien-demarrer.mdx'];

function built(): { integrity: CdnIntegrity; html: string } {
  const file = path.join(cdn, 'integrity.json');
  if (!existsSync(file)) throw new Error(`${path.relative(repo, file)} is missing: run \`pnpm build\` (or the elements' build:cdn) first`);
  return { integrity: JSON.parse(readFileSync(file, 'utf8')) as CdnIntegrity, html: readFileSync(path.join(cdn, 'snippet.html'), 'utf8') };
}

/** The ```html blocks of a Markdown/MDX text that contain an import map. */
function snippetsIn(markdown: string): string[] {
  return [...markdown.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!.trimEnd()).filter((block) => block.includes('type="importmap"'));
}

/**
 * A snippet with its build-specific parts written as the docs write them:
 * `sha384-…`, `chunks/<name>-….js`, and the import map's entries taken out
 * (returned apart, `…` being the docs' elision).
 */
function shape(text: string): { rest: string; entries: string[]; elided: boolean } {
  const normal = text.replace(/sha384-[A-Za-z0-9+/]+={0,2}/g, 'sha384-…').replace(/chunks\/([a-z-]+)-[A-Za-z0-9_-]{8}\.js/g, 'chunks/$1-….js');
  const match = /<script type="importmap">\n\{\n {2}"integrity": \{\n([\s\S]*?)\n {2}\}\n\}\n<\/script>/.exec(normal);
  if (!match) throw new Error(`no import map of the expected form in:\n${text}`);
  const lines = match[1]!.split('\n').map((line) => line.trim().replace(/,$/, ''));
  return {
    rest: normal.replace(match[0], '<script type="importmap">{ … }</script>'),
    entries: lines.filter((line) => line !== '…'),
    elided: lines.includes('…'),
  };
}

describe('one recommended snippet', () => {
  test('the build writes it: pinned to the package version, the integrity of every file, no comment', () => {
    const { integrity, html } = built();
    expect(integrity.base).toBe(defaultBase(version));
    expect(integrity.base).toContain(`@cnr-widgets/elements@${version}/`);
    expect(html).toBe(`${cdnSnippet(integrity)}\n`);
    const { entries } = shape(html);
    expect(entries).toHaveLength(Object.keys(integrity.files).length);
    expect(html).toContain(`src="${integrity.base}cnr-widgets.js" integrity="${integrity.files['cnr-widgets.js']}" crossorigin="anonymous"`);
    expect(html).not.toContain('<!--');
  });

  test('the configurator prints exactly the build’s snippet, the widgets, and the CSP line', async () => {
    const { integrity, html } = built();
    const { data: territories } = await createClient().territories();
    const territory = territories.find((t) => t.id === 'region:44');
    const markup = elementMarkup({ widget: 'all', territory, axes: [], statuses: [], theme: 'auto', language: 'fr' }, territories);
    const out = snippet(markup, 'auto', integrity, version);
    expect(out.integrity).toBe(true);
    expect(out.text).toBe(`${html.trimEnd()}\n${markup}`);
    expect(await cspLine(integrity)).toMatch(/^script-src 'sha256-[A-Za-z0-9+/]{43}=' https:\/\/cdn\.jsdelivr\.net$/);
  });

  const existing = DOCS.filter((doc) => existsSync(path.join(repo, doc)));
  test('README, docs/cdn.md and the getting-started pages show it', () => {
    expect(existing).toEqual(expect.arrayContaining(['README.md', 'packages/elements/README.md', 'docs/cdn.md']));
    expect(existing.some((doc) => doc.includes('getting-started') || doc.includes('bien-demarrer'))).toBe(true);
  });

  test.each(existing)('%s: its snippet is the configurator’s, the import map shortened', async (doc) => {
    const { integrity } = built();
    const blocks = snippetsIn(readFileSync(path.join(repo, doc), 'utf8'));
    expect(blocks, `${doc} must show the recommended snippet exactly once`).toHaveLength(1);
    const { data: territories } = await createClient().territories();
    const markup = elementMarkup(
      { widget: 'all', territory: territories.find((t) => t.id === 'region:44'), axes: [], statuses: [], theme: 'auto', language: 'fr' },
      territories,
    );
    const expected = shape(snippet(markup, 'auto', integrity, version).text);
    const shown = shape(blocks[0]!);
    expect(shown.rest).toBe(expected.rest);
    // Every entry the doc shows is one of the build's (same URL form, same order); the rest elided with `…`.
    expect(shown.entries.length).toBeGreaterThan(0);
    for (const entry of shown.entries) expect(expected.entries).toContain(entry);
    expect(shown.entries).toEqual(expected.entries.filter((entry) => shown.entries.includes(entry)));
    expect(shown.elided || shown.entries.length === expected.entries.length).toBe(true);
  });

  test('the README sends to the configurator for the full snippet', () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Paste it in a page'), readme.indexOf('## Use it from npm'));
    expect(section).toContain('[configurator](examples/configurator)');
    expect(section).not.toMatch(/unpkg\.com|@latest/);
  });
});

describe('the other forms of the configurator', () => {
  const options = async (widget: WidgetChoice, extra: Partial<ConfiguratorOptions> = {}): Promise<ConfiguratorOptions> => {
    const { data: territories } = await createClient().territories();
    return { widget, territory: territories.find((t) => t.id === 'departement:57'), axes: [], statuses: [], theme: 'auto', language: 'fr', ...extra };
  };

  test.each(['list', 'map', 'counter', 'figures', 'axes', 'all'] as const)('iframe, %s: the embed page reads its address back whole, nothing ignored', async (widget) => {
    const chosen = await options(widget, { axes: ['sante-1'], statuses: ['en-cours', 'realise'], theme: 'dark', language: 'en', src: 'https://www.example.org/cnr/données ars.json' });
    const read = readEmbedParams(embedQuery(chosen));
    expect(read.ignored).toEqual([]);
    expect(read.territory).toBe('departement:57');
    expect(read.src).toBe('https://www.example.org/cnr/donn%C3%A9es%20ars.json');
    expect(read.lang).toBe('en');
    expect(read.theme).toBe('dark');
    expect(read.widgets.length).toBeGreaterThan(0);
    const filters = widget === 'list' || widget === 'all';
    expect(read.axis).toBe(filters ? 'sante-1' : undefined);
    expect(read.status).toBe(filters ? 'en-cours,realise' : undefined);
  });

  test('iframe: pinned, titled, the resize line with its integrity (optional)', async () => {
    const { integrity } = built();
    const text = iframeSnippet(await options('list'), integrity, version, true);
    expect(text).toContain(`<iframe src="${integrity.base}embed.html?widgets=project-list&amp;territory=departement:57" title="Projets du CNR santé — Moselle"`);
    expect(text).toContain(`<script src="${integrity.base}embed-resize.js" integrity="${integrity.embed!['embed-resize.js']}" crossorigin="anonymous" async></script>`);
    expect(iframeSnippet(await options('list'), integrity, version, false)).not.toContain('<script');
  });

  test('static HTML: one render command per widget, the same attributes, quoted for the shell; no static axis filter', async () => {
    const { data: territories } = await createClient().territories();
    expect(staticCommand(await options('all', { axes: ['sante-2'] }), territories).split('\n')).toEqual([
      'npm install @cnr-widgets/sdk @cnr-widgets/elements',
      '# Le filtre par axe n’a pas de forme statique : il ne sert qu’avec JavaScript.',
      'npx cnr-widgets render cnr-key-figures territory=departement:57 --out cnr-key-figures.html',
      'npx cnr-widgets render cnr-territory-map level=department region=44 --out cnr-territory-map.html',
      'npx cnr-widgets render cnr-funding-counter territory=departement:57 --out cnr-funding-counter.html',
      'npx cnr-widgets render cnr-project-list territory=departement:57 axis=sante-2 --out cnr-project-list.html',
    ]);
    expect(staticCommand(await options('counter', { src: "https://x.org/l'ars.json", language: 'en' }), territories).split('\n')[1]).toBe(
      "npx cnr-widgets render cnr-funding-counter 'src=https://x.org/l'\\''ars.json' territory=departement:57 --lang en --out cnr-funding-counter.html",
    );
  });
});
