import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { CHUNK_GRAPH_PLACEHOLDER, cdnChunkGraph } from './scripts/cdn-chunk-graph.js';
import { minifyTemplates } from './scripts/minify-templates.mjs';

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

/** Modules outside a widget's folder that a single widget uses (checked: `grep` their importers). */
const ONE_USER: readonly (readonly [RegExp, string])[] = [
  [/\/elements\/src\/i18n\/unattributed\.ts$/, 'key-figures'],
  [/\/elements\/src\/i18n\/partial-date\.ts$/, 'project-list'],
  [/\/elements\/src\/i18n\/deduced-fields\.ts$/, 'project-list'],
  [/\/@lit\/context\/lib\/(controllers\/context-provider|value-notifier)\.js$/, 'provider'],
  // The failure and stale announcers: a provider's alone (a widget alone makes its error box its own alert).
  [/\/elements\/src\/base\/failure-announcer\.ts$/, 'provider'],
];

const TOTALS = /\/sdk\/src\/query\/(totals|figures|breakdown)\.ts$/;
/** The page of projects and the facets (sdk/src/query/listing.ts), imported on demand by the in-memory source. */
const LISTING = /\/sdk\/src\/query\/(listing|query|facets)\.ts$/;

/**
 * The card travels with the list (one file instead of two: the list renders
 * cards, and two files gzipped apart cost ≈ 0.9 kB more on a list page); a page
 * showing a card alone fetches the list's code too.
 */
const widgetChunk = (widget: string): string => (widget === 'project-card' ? 'project-list' : widget);

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
  // An i18n module's English tables read from the English chunk (lazyEnglish()): with the i18n module.
  const english = /^\0cnr-english:([a-z-]+)$/.exec(file);
  if (english) return chunkGroup(path.join(here, `src/i18n/${english[1]}.ts`));
  // The English texts themselves: left to rolldown, which makes them the chunk of their `import()`
  // (in a group, the chunk would import rolldown's runtime for its namespace): pure data, the same
  // file in both passes.
  if (/\/elements\/src\/i18n\/(en\/[a-z-]+|english)\.ts$/.test(file)) return null;
  // Rolldown's runtime and the decorators' helper: tiny, needed by core; no file of their own.
  if (file.startsWith('\0') || /rolldown:runtime|@oxc-project\/runtime/.test(file)) return 'core';
  if (CHUNK_NAMES.some(([pattern]) => pattern.test(file))) return null;
  // The list's CSV export is imported on demand: it goes with the CSV chunk.
  if (/\/elements\/src\/project-list\/list-csv\.ts$/.test(file)) return null;
  // The figures and the breakdown (sdk/src/query/totals.ts), imported on demand by the in-memory
  // source: the key figures and map pages load them; a list or counter page does not.
  if (TOTALS.test(file)) return null;
  // The page of projects and the facets (sdk/src/query/listing.ts), likewise: the list and the axis
  // filter load them; a counter or key-figures page does not.
  if (LISTING.test(file)) return 'listing';
  // The failure path (a failed load's fault, the problems notice and console report, their texts, the SDK's
  // `formatProblem`): imported on the first failure or problem (base/states.ts `loadFailureDetails()`).
  if (/\/elements\/src\/(base\/failure-details|i18n\/failures)\.ts$|\/sdk\/src\/validation\/report\.ts$/.test(file)) return 'failure';
  // Small SDK modules that core imports statically (schemas' collections, transport helpers).
  if (/\/sdk\/src\/(schemas\/collections|transport\/shared)\.ts$/.test(file)) return 'core';
  // The dataset preloader runs on every page with a data widget, all of which need core: in core,
  // so that the autoloader's import of it starts fetching core at once, and one file fewer.
  if (/\/elements\/src\/cdn\/preload-data\.ts$/.test(file)) return 'core';
  // The hydration support (pages with widgets rendered ahead of time only): its own chunk, with Lit's SSR helpers.
  if (/\/elements\/src\/hydrate\.ts$|\/@lit-labs\/ssr-client\/|\/lit-html\/(development\/)?(experimental-hydrate|private-ssr-support|directive-helpers|directive)\.js$/.test(file)) return null;
  // The entries themselves (the autoloader, the eager and classes entries) stay out of every group.
  if (/\/elements\/src\/cdn(\/|\.ts$|-all\.ts$|-classes\.ts$)/.test(file)) return null;
  const define = /\/elements\/src\/define\/([a-z-]+)\.ts$/.exec(file);
  if (define && WIDGETS.includes(define[1]!)) return widgetChunk(define[1]!);
  // A widget's folder, and its texts (src/i18n/<widget>.ts); the shared texts and formatters go to core.
  const folder = /\/elements\/src\/(?:i18n\/(?=[a-z-]+\.ts$))?([a-z-]+)[/.]/.exec(file);
  if (folder && WIDGETS.includes(folder[1]!)) return widgetChunk(folder[1]!);
  // Shared-looking modules that one widget alone uses: with it.
  const owner = ONE_USER.find(([pattern]) => pattern.test(file))?.[1];
  if (owner) return owner;
  // Barrels (importing them would pull every widget, or zod) and what a `src`/`api` page alone needs.
  if (/\/(elements|sdk)\/src\/index\.ts$|\/elements\/src\/define\/index\.ts$/.test(file)) return null;
  // A `src` page's own pieces (the static source, the reference it merges over, the validation of a
  // document: the checks compiled from the schemas, no zod) in one chunk. zod/mini with its messages,
  // and the texts of problems, are imported only for a document that has a problem: left to rolldown.
  if (/\/sdk\/src\/(sources\/(static|reference)|validation\/(validate|references|check-kit|compiled-checks\.generated))\.ts$/.test(file)) return 'src';
  if (/\/sdk\/src\/(sources\/(static|rest|rest-params|rest-schemas|records|reference)|transport|validation|csv|schemas)[/.]/.test(file)) return null;
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(file)) return 'core';
  if (/\/(elements|sdk)\/src\//.test(file)) return 'core';
  return null;
}

/**
 * The English texts on demand (both passes): an i18n module's import of its
 * English tables (`./en/<module>.js`) becomes tables read from the `english`
 * chunk (src/i18n/english.ts) once it has arrived, the French ones before
 * (src/i18n/english-lazy.ts). A French page never fetches the English texts;
 * an English element waits for them before its first render
 * (CnrElement.scheduleUpdate), and the autoloader starts fetching them with
 * the widget chunks when it sees an English element (src/cdn/english-hint.ts).
 * The npm build and the tests keep the static imports.
 */
function lazyEnglish(): Plugin {
  const prefix = '\0cnr-english:';
  const i18n = path.join(here, 'src/i18n');
  return {
    name: 'cnr-lazy-english',
    enforce: 'pre',
    resolveId(source, importer) {
      const module = /^\.\/en\/([a-z-]+)\.js$/.exec(source)?.[1];
      if (!module || !importer || path.dirname(importer) !== i18n || importer.endsWith(`${path.sep}english.ts`)) return null;
      return `${prefix}${module}`;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const module = id.slice(prefix.length);
      const names = [...readFileSync(path.join(i18n, `en/${module}.ts`), 'utf8').matchAll(/^export const (\w+)/gm)].map((match) => match[1]!);
      if (names.length === 0) this.error(`cnr-lazy-english: no export in src/i18n/en/${module}.ts`);
      // A table missing from the English chunk would show French on English pages, silently.
      const english = readFileSync(path.join(i18n, 'english.ts'), 'utf8');
      for (const name of names) {
        if (!new RegExp(`'?${module}'?: \\{[^}]*\\b${name}: \\w+`).test(english)) this.error(`cnr-lazy-english: src/i18n/english.ts lacks ${module}.${name}`);
      }
      return [
        `import { englishTable } from ${JSON.stringify(path.join(i18n, 'english-lazy.ts'))};`,
        `import * as base from ${JSON.stringify(path.join(i18n, `${module}.ts`))};`,
        ...names.map((name) => `export const ${name} = englishTable(${JSON.stringify(module)}, ${JSON.stringify(name)}, () => base.${name}.fr);`),
      ].join('\n');
    },
  };
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

/**
 * The one-file bundle (`--mode bundle`, run **before** the main pass):
 * `chunks/bundle-<hash>.js` holds every element (src/define/index.ts), Lit,
 * the SDK's client and query engine, and what a page on the embedded dataset
 * imports on demand at once (the SDK's embedded and in-memory sources, the key
 * figures' unattributed block), so that those `import()` calls resolve in the
 * same file. The autoloader (src/cdn/autoloader.ts) imports it instead of the
 * core and widget chunks when a page shows enough kinds of widget that one
 * file costs less than several: each file is gzipped on its own, so the same
 * code in one file is smaller (docs/size.md). What only some pages load
 * (dataset, geometry, zod/mini and validation, HTTP, CSV) is split as in the
 * main pass, under the same names (the dataset and geometry chunks come out as
 * the very same files). The main pass then writes beside it
 * (`emptyOutDir: false`) and hands its file name to the autoloader as
 * `__CNR_CDN_BUNDLE__` (undefined when the bundle pass did not run: the
 * autoloader then always loads chunks).
 */
const BUNDLE_ENTRY = 'virtual:cnr-widgets-bundle';
function bundleGroup(id: string): string | null {
  const group = chunkGroup(id);
  // A `src` page shows few widgets: it uses the chunks, not the bundle; here `src` is left to rolldown.
  if (group === 'src' || group === 'failure') return null;
  return group !== null || TOTALS.test(id.replaceAll('\\', '/')) ? 'bundle' : null;
}
const here = path.dirname(fileURLToPath(import.meta.url));

function bundleEntry(): Plugin {
  const resolved = `\0${BUNDLE_ENTRY}`;
  const onDemand = [
    'src/key-figures/unattributed.ts',
    '../sdk/src/sources/embedded.ts',
    '../sdk/src/sources/memory.ts',
    '../sdk/src/transport/shared.ts',
    '../sdk/src/query/totals.ts',
    '../sdk/src/query/listing.ts',
  ].map((file) => path.join(here, file));
  return {
    name: 'cnr-bundle-entry',
    resolveId: (id) => (id.endsWith(BUNDLE_ENTRY) ? resolved : null),
    // Every element (side effects), and the on-demand modules as namespaces: exported, so kept.
    load: (id) =>
      id === resolved
        ? [`import ${JSON.stringify(path.join(here, 'src/define/index.ts'))};`]
            .concat(onDemand.map((file, i) => `export * as m${i} from ${JSON.stringify(file)};`))
            .join('\n')
        : null,
    /**
     * Rolldown writes the entry as a facade re-exporting from the `bundle` group
     * (`export{…}from"./chunks/bundle-….js"`), and the group imports the facade
     * back. The autoloader imports the group's file itself; the facade is not
     * written, and the group's import of it is blanked (same length, so the
     * source map stays right). Both shapes are checked.
     */
    generateBundle(_options, bundle) {
      const entries = Object.values(bundle).filter((output) => output.type === 'chunk' && output.isEntry);
      const facade = entries[0];
      const code = facade?.type === 'chunk' ? facade.code.replace(/\n\/\/# sourceMappingURL=.*$/, '').trim() : '';
      const target = /^export\{[\w$, ]*\}from"\.\/(chunks\/bundle-[\w-]+\.js)";$/.exec(code)?.[1];
      const group = target ? bundle[target] : undefined;
      const back = `import"../${facade?.fileName}";`;
      if (entries.length !== 1 || !facade || !group || group.type !== 'chunk' || !group.code.startsWith(back)) {
        this.error(`cnr-bundle-entry: the bundle pass no longer writes a bare facade and one group chunk; review bundleEntry() (entry: ${code.slice(0, 200)}; group: ${group?.type === 'chunk' ? group.code.slice(0, 200) : ''})`);
      }
      for (const output of Object.values(bundle)) {
        if (output !== facade && output.type === 'chunk' && output.imports.includes(facade.fileName) && output !== group) {
          this.error(`cnr-bundle-entry: ${output.fileName} imports the facade; review bundleEntry()`);
        }
      }
      group.code = ' '.repeat(back.length) + group.code.slice(back.length);
      delete bundle[facade.fileName];
      delete bundle[`${facade.fileName}.map`];
    },
  };
}

/**
 * What the autoloader weighs to choose the bundle: gzip -9 bytes of each tag's
 * chunk in the main pass (the card's code is in the list's chunk), and of what
 * every chunked page fetches besides (core with the dataset preloader,
 * rolldown's runtime). Measured; `checkBundleWeights()` warns when the build drifts
 * from them by more than 15 %.
 */
const TAG_WEIGHTS: Readonly<Record<string, number>> = {
  // Each with half of the SDK's query chunk it shares with another widget (SHARED_CHUNKS).
  'cnr-project-list': 10_300,
  'cnr-territory-map': 10_800,
  'cnr-key-figures': 5_500,
  'cnr-funding-counter': 2_800,
  'cnr-axis-filter': 3_800,
  'cnr-provider': 2_250,
};
const CORE_WEIGHT = 22_650;
/** The SDK's query chunks, each loaded by two widgets (fetchQueryModulesWithWidgets()). */
const SHARED_CHUNKS: Readonly<Record<string, readonly string[]>> = {
  listing: ['project-list', 'axis-filter'],
  totals: ['territory-map', 'key-figures'],
};
const gzipSize = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length;
const withoutMapComment = (code: string): string => code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');

/**
 * Main pass: the SDK's on-demand query modules (sdk/src/query/listing.ts and
 * totals.ts, which the in-memory source imports at its first query) are
 * fetched with the widget that needs them, not after it: the registration file
 * of each such widget re-exports the module's namespace, so its chunk imports
 * that chunk statically and the browser fetches both at once (no round trip
 * more, no file the page does not use).
 */
function fetchQueryModulesWithWidgets(): Plugin {
  const modules: Readonly<Record<string, string>> = {
    'project-list': 'listing',
    'axis-filter': 'listing',
    'territory-map': 'totals',
    'key-figures': 'totals',
  };
  return {
    name: 'cnr-fetch-query-modules-with-widgets',
    apply: (_config, env) => env.mode !== 'bundle',
    transform(code, id) {
      const widget = /[\\/]elements[\\/]src[\\/]define[\\/]([a-z-]+)\.ts$/.exec(id)?.[1];
      const module = widget ? modules[widget] : undefined;
      if (!module) return null;
      const file = path.join(here, `../sdk/src/query/${module}.ts`);
      return { code: `${code}\nexport * as cdnQueryModule from ${JSON.stringify(file)};\n`, map: null };
    },
  };
}

/**
 * The bundle pass's file (`chunks/bundle-<hash>.js`) and the threshold (its
 * size less the core's: a page whose tags' chunks sum above it fetches less
 * with the bundle), for the main pass; undefined when there is no bundle.
 */
function builtBundle(): { file: string; threshold: number; weights: Readonly<Record<string, number>> } | undefined {
  const dir = path.join(here, 'dist/cdn/chunks');
  const found = existsSync(dir) ? readdirSync(dir).filter((name) => /^bundle-[\w-]+\.js$/.test(name)) : [];
  if (found.length > 1) throw new Error(`vite.cdn.config.ts: several bundles in dist/cdn/chunks (${found.join(', ')}): run the bundle pass first, it empties dist/cdn`);
  if (found[0] === undefined) return undefined;
  const size = gzipSize(withoutMapComment(readFileSync(path.join(dir, found[0]), 'utf8')));
  return { file: `chunks/${found[0]}`, threshold: size - CORE_WEIGHT, weights: TAG_WEIGHTS };
}

/** Main pass: warns when the chunks' sizes drift from TAG_WEIGHTS / CORE_WEIGHT (the autoloader's choice would be off). */
function checkBundleWeights(): Plugin {
  return {
    name: 'cnr-check-bundle-weights',
    apply: (_config, env) => env.mode !== 'bundle',
    generateBundle(_options, bundle) {
      const sizes: Record<string, number> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const name = /^chunks\/([a-z-]+)-[\w-]{8}\.js$/.exec(output.fileName)?.[1];
        if (name) sizes[name] = (sizes[name] ?? 0) + gzipSize(output.code);
      }
      const measured: [string, number, number][] = Object.entries(TAG_WEIGHTS).map(([tag, weight]) => {
        const name = tag.replace(/^cnr-/, '');
        const shared = Object.entries(SHARED_CHUNKS).filter(([, users]) => users.includes(name));
        return [tag, weight, (sizes[name] ?? 0) + shared.reduce((sum, [chunk, users]) => sum + (sizes[chunk] ?? 0) / users.length, 0)];
      });
      measured.push(['core + runtime', CORE_WEIGHT, (sizes.core ?? 0) + (sizes['rolldown-runtime'] ?? 0)]);
      for (const [what, weight, size] of measured) {
        if (Math.abs(size - weight) > weight * 0.15) {
          this.warn(`${what}: ${size} B gz, but the autoloader weighs it ${weight} B: update TAG_WEIGHTS / CORE_WEIGHT in vite.cdn.config.ts`);
        }
      }
    },
  };
}

export default defineConfig(({ mode }) => ({
  define: {
    __CNR_CDN_BUNDLE__: (mode === 'bundle' ? undefined : JSON.stringify(builtBundle())) ?? 'undefined',
    __CNR_CHUNK_GRAPH__: JSON.stringify(CHUNK_GRAPH_PLACEHOLDER),
  },
  // cdnChunkGraph (main pass): the entry learns every file each tag needs, to request them all at once (issue 14).
  plugins: [
    lazyEnglish(),
    isolateZodGlobals(),
    minifyTemplates(),
    ...(mode === 'bundle' ? [bundleEntry()] : [checkBundleWeights(), fetchQueryModulesWithWidgets(), cdnChunkGraph()]),
  ],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    // The bundle pass runs first and empties dist/cdn; the main pass writes beside it.
    emptyOutDir: mode === 'bundle',
    sourcemap: true,
    minify: true,
    lib: {
      // cnr-widgets.js: the autoloader (src/cdn.ts); cnr-widgets-all.js: every element at
      // once, and the classes; cnr-widgets-classes.js: the classes, registering nothing (docs/cdn.md).
      // Mode `bundle` (first pass): everything in one file, for the autoloader (bundleEntry()).
      entry: mode === 'bundle'
        ? ({ 'bundle-entry': BUNDLE_ENTRY } as Record<string, string>)
        : ({ 'cnr-widgets': 'src/cdn.ts', 'cnr-widgets-all': 'src/cdn-all.ts', 'cnr-widgets-classes': 'src/cdn-classes.ts' } as Record<string, string>),
      formats: ['es'],
    },
    rolldownOptions: {
      // The entry may export more than src/cdn.ts does: code that both the entry
      // and an on-demand chunk use then stays in the entry (one request), the
      // chunk importing it from there, instead of in a small shared chunk.
      preserveEntrySignatures: 'allow-extension',
      // The groups decide where modules go, not `import()` (and the bundle pass imports on-demand
      // modules statically on purpose, bundleEntry()): rolldown's notice that an `import()` does not
      // move a module is expected.
      onLog: (level, log, handler) => {
        if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
        handler(level, log);
      },
      output: {
        minify: true,
        codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: mode === 'bundle' ? bundleGroup : chunkGroup }] },
        entryFileNames: '[name].js',
        chunkFileNames: (chunk) => {
          const ids = [chunk.facadeModuleId ?? '', ...chunk.moduleIds].map((id) => id.replaceAll('\\', '/'));
          if (['core', 'bundle', 'listing', 'src', 'english', 'failure'].includes(chunk.name) || WIDGETS.includes(chunk.name)) return `chunks/${chunk.name}-[hash].js`;
          const name = CHUNK_NAMES.find(([pattern]) => ids.some((id) => pattern.test(id)))?.[1] ?? '[name]';
          return `chunks/${name}-[hash].js`;
        },
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
}));
