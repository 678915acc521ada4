import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { CHUNK_GRAPH_PLACEHOLDER, cdnChunkGraph } from './scripts/cdn-chunk-graph.js';

/**
 * CDN build of @cnr-widgets/elements: `dist/cdn/cnr-widgets.js` (+ source map)
 * is the autoloader (src/cdn.ts), which imports one chunk per tag found on the
 * page; everything the elements need (lit, @lit/task, the SDK with zod/mini and
 * ky) is bundled in the chunks, minified. What is loaded on demand stays a
 * separate chunk in `dist/cdn/chunks/`: the embedded dataset (the SDK's
 * `import('@cnr-widgets/data')`), the map geometry, the CSV module, the REST
 * and static-document sources.
 *
 * Production build of Lit: Vite resolves the `development|production`
 * condition to `production` in a build, so no dev-mode warnings ship. The
 * geometry's `/*! @license` comment is kept.
 *
 * After this build, scripts/sri.mjs (repository root) writes
 * `dist/cdn/integrity.json` and the snippet.
 */
const CHUNK_NAMES: readonly (readonly [RegExp, string])[] = [
  [/\/packages\/data\/|\/@cnr-widgets\/data\//, 'dataset'],
  [/\/territory-map\/geometry\//, 'geometry'],
  [/\/sdk\/src\/csv\/|\/@cnr-widgets\/sdk\/dist\/csv/, 'csv'],
  // zod/mini and the schemas: loaded for a `src` document or an `api` only.
  [/\/zod\//, 'zod'],
];

/**
 * zod keeps its configuration and schema registry on `globalThis`
 * (`__zod_globalConfig`, `__zod_globalRegistry`) so that every copy of zod in
 * an application shares them. On someone else's page that is a leak both
 * ways: our bundle writes two globals, and the host's own zod (`z.config()`)
 * would configure ours. The CDN bundle is a guest: it gives zod a scope of its
 * own instead. The npm build leaves zod as it is (the application's bundler
 * owns it). tests/cdn checks that no `__zod_` global appears.
 */
const WIDGETS = ['axis-filter', 'funding-counter', 'key-figures', 'project-card', 'project-list', 'provider', 'territory-map'];

/**
 * The chunk a module goes to (`output.codeSplitting.groups`), for a flat graph
 * with few requests (issue 14):
 * - one chunk per widget: its registration file (src/define/<tag>.ts, what the
 *   autoloader imports), its component folder and its texts (src/i18n/<tag>.ts)
 *   together, so the autoloader's `import()` fetches the component itself, not
 *   a stub that imports it (the list's CSV export, imported on demand, goes
 *   with the CSV chunk instead);
 * - `core`: what every widget needs — Lit, the elements' base, events and
 *   styles, shared texts and formatters, the SDK's client, query engine and
 *   in-memory source, the small SDK modules these import and rolldown's
 *   helpers — in one file, fetched in parallel with the widget's chunk;
 * - the rest (dataset, geometry, zod/mini and validation, HTTP, REST, CSV) as
 *   rolldown splits it: loaded on demand only.
 */
function chunkGroup(id: string): string | null {
  const file = id.replaceAll('\\', '/');
  // Rolldown's runtime and the decorators' helper: tiny, needed by core; no file of their own.
  if (file.startsWith('\0') || /rolldown:runtime|@oxc-project\/runtime/.test(file)) return 'core';
  if (CHUNK_NAMES.some(([pattern]) => pattern.test(file))) return null;
  // The list's CSV export is imported on demand: it goes with the CSV chunk.
  if (/\/elements\/src\/project-list\/list-csv\.ts$/.test(file)) return null;
  // Small SDK modules that core imports statically (schemas' collections, the problems report, transport helpers).
  if (/\/sdk\/src\/(schemas\/collections|validation\/report|transport\/shared)\.ts$/.test(file)) return 'core';
  // The entries themselves (the autoloader, the eager and classes entries) stay out of every group.
  if (/\/elements\/src\/cdn(\/|\.ts$|-all\.ts$|-classes\.ts$)/.test(file)) return null;
  const define = /\/elements\/src\/define\/([a-z-]+)\.ts$/.exec(file);
  if (define && WIDGETS.includes(define[1]!)) return define[1]!;
  // A widget's folder, and its texts (src/i18n/<widget>.ts); the shared texts and formatters go to core.
  const folder = /\/elements\/src\/(?:i18n\/(?=[a-z-]+\.ts$))?([a-z-]+)[/.]/.exec(file);
  if (folder && WIDGETS.includes(folder[1]!)) return folder[1]!;
  // Barrels (importing them would pull every widget, or zod) and what a `src`/`api` page alone needs.
  if (/\/(elements|sdk)\/src\/index\.ts$|\/elements\/src\/define\/index\.ts$/.test(file)) return null;
  if (/\/sdk\/src\/(sources\/(static|rest|rest-params|rest-schemas|records|reference)|transport|validation|csv|schemas)[/.]/.test(file)) return null;
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(file)) return 'core';
  if (/\/(elements|sdk)\/src\//.test(file)) return 'core';
  return null;
}

function isolateZodGlobals(): Plugin {
  const files = /[\\/]zod[\\/]v4[\\/]core[\\/](core|registries)\.js$/;
  return {
    name: 'cnr-isolate-zod-globals',
    transform(code, id) {
      if (!files.test(id)) return null;
      if (!code.includes('globalThis')) this.error(`${id}: zod no longer reads globalThis here; review isolateZodGlobals`);
      return { code: `const zodScope = {}; ${code.replaceAll('globalThis', 'zodScope')}`, map: null };
    },
  };
}

export default defineConfig({
  // cdnChunkGraph: the entry learns every file each tag needs, to request them all at once (issue 14).
  plugins: [isolateZodGlobals(), cdnChunkGraph()],
  define: { __CNR_CHUNK_GRAPH__: JSON.stringify(CHUNK_GRAPH_PLACEHOLDER) },
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: {
      // cnr-widgets.js: the autoloader (src/cdn.ts); cnr-widgets-all.js: every element at
      // once, and the classes; cnr-widgets-classes.js: the classes, registering nothing (docs/cdn.md).
      entry: { 'cnr-widgets': 'src/cdn.ts', 'cnr-widgets-all': 'src/cdn-all.ts', 'cnr-widgets-classes': 'src/cdn-classes.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      // The entry may export more than src/cdn.ts does: code that both the entry
      // and an on-demand chunk use then stays in the entry (one request), the
      // chunk importing it from there, instead of in a small shared chunk.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: chunkGroup }] },
        entryFileNames: '[name].js',
        chunkFileNames: (chunk) => {
          const ids = [chunk.facadeModuleId ?? '', ...chunk.moduleIds].map((id) => id.replaceAll('\\', '/'));
          if (chunk.name === 'core' || WIDGETS.includes(chunk.name)) return `chunks/${chunk.name}-[hash].js`;
          const name = CHUNK_NAMES.find(([pattern]) => ids.some((id) => pattern.test(id)))?.[1] ?? '[name]';
          return `chunks/${name}-[hash].js`;
        },
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
