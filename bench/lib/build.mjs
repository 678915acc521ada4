// Vite builds for the bench, all into temporary directories outside the
// repository (nothing to lint, nothing to ignore): the SDK entry for Node
// (SSR build, everything bundled), the bench pages (production build) and the
// example page. Workspace packages resolve to their sources (`source`).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions, defaultServerConditions } from 'vite';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(benchDir, '..');
/** Where the elements' registration modules are (overridable to test the bench itself). */
const defineDir = process.env.BENCH_DEFINE_DIR ?? path.join(repoRoot, 'packages/elements/src/define');

const quiet = { logLevel: 'error', configFile: false, publicDir: false, clearScreen: false };

/** Bundles bench/sdk-entry.ts (the SDK from its sources, zod and ky included) for Node; returns the module's path. */
export async function buildSdkEntry(outDir) {
  const conditions = ['source', ...defaultServerConditions];
  await build({
    ...quiet,
    root: benchDir,
    mode: 'production',
    resolve: { conditions },
    ssr: { noExternal: true, resolve: { conditions, externalConditions: conditions } },
    build: {
      ssr: path.join(benchDir, 'sdk-entry.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'sdk-entry.mjs' } },
    },
  });
  return path.join(outDir, 'sdk-entry.mjs');
}

/** Tags to treat as missing (`BENCH_SKIP_ELEMENTS=cnr-territory-map`), to see the « not available » rows. */
const skipped = new Set((process.env.BENCH_SKIP_ELEMENTS ?? '').split(',').map((t) => t.trim()).filter(Boolean));

/** The registration module of an element (`cnr-project-list` → src/define/project-list.ts), if it exists. */
export function defineModule(tag) {
  if (skipped.has(tag)) return undefined;
  const file = path.join(defineDir, `${tag.replace(/^cnr-/, '')}.ts`);
  return existsSync(file) ? file : undefined;
}

/** Tags whose registration module exists today. */
export function definedTags() {
  if (!existsSync(defineDir)) return [];
  return readdirSync(defineDir)
    .filter((f) => /^[a-z][a-z0-9-]*\.ts$/.test(f) && f !== 'index.ts')
    .map((f) => `cnr-${f.slice(0, -3)}`)
    .sort();
}

const VIRTUAL = 'virtual:cnr-bench-elements';

/**
 * `import { included, missing } from 'virtual:cnr-bench-elements?tags=a,b'`
 * imports the registration module of each tag that exists and compiles, and
 * says why the others are missing, so a page can print « not available »
 * instead of failing to build.
 */
function elementsPlugin(excluded) {
  return {
    name: 'cnr-bench-elements',
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL}`)) return undefined;
      const tags = (new URLSearchParams(id.split('?')[1] ?? '').get('tags') ?? '').split(',').filter(Boolean);
      const imports = [];
      const included = [];
      const missing = {};
      for (const tag of tags) {
        const file = defineModule(tag);
        if (skipped.has(tag)) missing[tag] = 'left out (BENCH_SKIP_ELEMENTS)';
        else if (!file) missing[tag] = `no packages/elements/src/define/${tag.replace(/^cnr-/, '')}.ts yet`;
        else if (excluded.has(tag)) missing[tag] = `its module does not build: ${excluded.get(tag)}`;
        else {
          imports.push(`import ${JSON.stringify(file.split(path.sep).join('/'))};`);
          included.push(tag);
        }
      }
      return `${imports.join('\n')}\nexport const included = ${JSON.stringify(included)};\nexport const missing = ${JSON.stringify(missing)};\n`;
    },
  };
}

function pagesConfig(pagesDir, outDir, input, excluded, write = true) {
  return {
    ...quiet,
    root: pagesDir,
    base: './',
    mode: 'production',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    plugins: [elementsPlugin(excluded)],
    build: {
      outDir,
      emptyOutDir: true,
      write,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: { input },
    },
  };
}

/** The gist of a build error: its first lines that say something, on one line. */
function firstLine(error) {
  const lines = String(error?.message ?? error)
    .replace(/\x1b\[[0-9;]*m/g, '') // eslint-disable-line no-control-regex -- ANSI colours of the message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Build failed with \d+ errors?:?$/.test(l));
  return (lines.slice(0, 2).join(' ') || 'build error').slice(0, 240);
}

/**
 * Builds bench/pages/<name>.html for each name. When the build fails because
 * an element's module does not compile (others are writing them right now),
 * each element is built alone, the failing ones are left out, and the pages
 * are built again without them. Returns `{ excluded }` (tag → error line).
 */
export async function buildPages(names, tags, outDir) {
  const pagesDir = path.join(benchDir, 'pages');
  const input = Object.fromEntries(names.map((n) => [n, path.join(pagesDir, `${n}.html`)]));
  const excluded = new Map();
  try {
    await build(pagesConfig(pagesDir, outDir, input, excluded));
    return { excluded };
  } catch (error) {
    console.warn(`bench pages: build failed (${firstLine(error)}); building each element alone to find the culprit`);
  }
  for (const tag of tags) {
    if (!defineModule(tag)) continue;
    const probe = { probe: `${VIRTUAL}?tags=${tag}` };
    try {
      await build(pagesConfig(pagesDir, path.join(outDir, '..', 'probe'), probe, new Map(), false));
    } catch (error) {
      excluded.set(tag, firstLine(error));
    }
  }
  await build(pagesConfig(pagesDir, outDir, input, excluded));
  return { excluded };
}

/**
 * Builds one example page with examples/vite.config.ts: `examples/ars-region/`
 * when it exists, else `examples/demo/`. Returns the page's path under outDir.
 */
export async function buildExample(outDir) {
  const candidates = ['ars-region', 'demo'];
  const name = candidates.find((n) => existsSync(path.join(repoRoot, 'examples', n, 'index.html')));
  if (!name) return { name: undefined };
  const page = path.join(repoRoot, 'examples', name, 'index.html');
  await build({
    configFile: path.join(repoRoot, 'examples/vite.config.ts'),
    logLevel: 'error',
    clearScreen: false,
    mode: 'production',
    base: '/',
    // The config lists every example page as an input (inline config would be merged into
    // that list): build this page only, as the examples' config builds it.
    plugins: [{ name: 'cnr-bench-one-page', options: (options) => ({ ...options, input: { [name]: page } }) }],
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
  });
  return { name, page: `/${name}/index.html` };
}
