#!/usr/bin/env node
// Size budgets of @cnr-widgets/elements (PRODUCT.md, docs/size.md). Builds
// nothing of the packages: it measures what `pnpm build` left in
// packages/elements/dist/.
//
//   npm entry points  each dist/<entry>.js bundled with everything it may load
//                     (lit, @lit/task, the SDK with zod/mini and ky, the SDK's
//                     lazy sources), minified, production conditions, one file;
//                     the embedded dataset and the map geometry left out (they
//                     are data, loaded on demand, measured apart);
//   CDN bundle        the files of dist/cdn/ as a browser downloads them: the
//                     entry alone, with the code chunks, with the dataset and
//                     the geometry chunks.
// Sizes are gzip level 9 and raw, in kB of 1,000 bytes. `initial` is what an
// application's bundler would load before the first import() (code split as
// Vite does); `page` adds what a page on the embedded dataset imports on demand
// (the SDK's embedded source and query engine: no validation, HTTP or CSV).
// Prints each figure against its PRODUCT.md budget, for the `page` column and
// for everything an entry may load; exits 1 when a figure is over its
// regression ceiling.
//
//   node scripts/size.mjs            table
//   node scripts/size.mjs --json     table, and bench/results/size.json
//   node scripts/size.mjs --modules  also the 25 largest modules of the all-elements bundle
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const elementsDir = path.join(root, 'packages/elements');
const dist = path.join(elementsDir, 'dist');
const KB = 1000;

/** Budgets, gzipped, in kB. PRODUCT.md: all elements + SDK ≤ 30 kB without geometry; geometry ≤ 25 kB. */
const BUDGETS = {
  /** One element with the SDK: what a page with a single widget loads (data aside). */
  element: 25,
  /** Every element with the SDK (PRODUCT.md). */
  all: 30,
  /** The classes without registration: same code as `all`. */
  index: 30,
  /** CDN: what a page fetches before any data: cnr-widgets.js alone (issue 14). */
  cdnEntry: 4,
  /** CDN: the map geometry chunk (issue 14). What each page fetches: scripts/size-pages.mjs. */
  geometry: 20,
  /** The SDK's browser code with zod/mini and ky, what one page loads (issue 3). */
  sdk: 12,
};

/**
 * Regression ceilings, gzipped, in kB: what CI enforces. The PRODUCT.md budgets
 * above are not met yet (see docs/size.md); until they are, these ceilings —
 * the sizes measured when they were set, plus about 3 % — stop the code from
 * growing unnoticed. Lower them whenever a change makes the bundle smaller.
 * Raised by 0.5 to 1 kB for the schemas of issue 17 (derivation, funding kinds
 * with a support without amount — a discriminated union —, targets,
 * proportions, composition): +1.2 kB gzip on the SDK's validation code.
 */
const CEILINGS = {
  // 5 December 2026, issue 14's core size pass (the failure path on demand, no ContextRoot, no live directive…):
  // the rows it shrank set at its measurement plus about 3 % (docs/size.md).
  // 4 December 2026, after merging main (server rendering and hydration, announcements, the map's static shapes,
  // the CDN chunk graph): the rows these grew set at the merged measurement plus about 3 %.
  // Raised for issue 12 (a producer's file over the reference, several src, the producer's CSV form,
  // errors with line and column; problems for the producer, ids in words) and issue 17 (derivation,
  // funding kinds, targets: +1.2 kB of schemas; « déduit » marks: +2 kB): measured after both, plus about 3 %.
  // 5 December (validate branch): everything an entry may load now holds both the checks compiled from
  // the schemas (what validates a valid document) and zod/mini with its messages (loaded only for a
  // document with a problem): about +1.5 to +2 kB here, while what a `src` page downloads falls by 11 kB
  // (scripts/size-pages.mjs; the SDK's « reading a src document » page below: 35 → 18.1 kB). Measured + about 3 %.
  '@cnr-widgets/elements': 84,
  '@cnr-widgets/elements/all.js': 84,
  '@cnr-widgets/elements/axis-filter.js': 57.5,
  '@cnr-widgets/elements/funding-counter.js': 58.3,
  '@cnr-widgets/elements/key-figures.js': 60,
  '@cnr-widgets/elements/project-card.js': 59.5,
  '@cnr-widgets/elements/project-list.js': 66.7,
  '@cnr-widgets/elements/provider.js': 49.3,
  '@cnr-widgets/elements/territory-map.js': 65.3,
  // Issue 14 (sizes, second pass): + the autoloader's hint that fetches the English texts (a chunk of their own).
  'cnr-widgets.js (entry alone)': 1.82,
  // Issue 14: the autoloader loads one chunk per widget + a core chunk, or, on a page with many kinds of
  // widget, the one-file bundle (with its own on-demand chunks). What pages fetch: scripts/size-pages.mjs.
  // Issue 18: + the hydration chunk (2.5 kB gz), which only pages with widgets rendered ahead of time load;
  // issue 14 (sizes, second pass): + the English texts' chunk (2.6 kB, English pages only), out of the widget chunks.
  // 5 December (validate branch): + the compiled checks and the on-demand problem texts (see above).
  'entry + code chunks': 102.7,
  'one-file bundle + its on-demand chunks': 86.1,
  'geometry chunk': 18.7,
  '@cnr-widgets/sdk, on the embedded dataset': 39.9,
  '@cnr-widgets/sdk, reading a src document': 39.9,
};

/**
 * Regression ceilings of the `page` column (what a page on the embedded
 * dataset loads), gzipped, in kB: measured plus about 3 %, like CEILINGS.
 */
const EMBEDDED_CEILINGS = {
  // 5 December 2026, issue 14's core size pass: the rows it shrank at its measurement plus about 3 %.
  // The elements' rows: about +1 kB with issue 12 (see CEILINGS).
  // Issue 18: + about 0.3 kB for data given ahead of time (a task's seed, the JSON island read before the first update);
  // the accessible names and bidi isolation (names branch) and the CDN's lazy English hook (base class): 50.1–50.2 kB.
  '@cnr-widgets/elements': 57,
  '@cnr-widgets/elements/all.js': 57,
  '@cnr-widgets/elements/axis-filter.js': 28.5,
  // 5 December, after merging the three branches (French order without Intl.Collator in the SDK, +0.5 kB;
  // the failure path's wait): measured 27.8 + about 3 %.
  '@cnr-widgets/elements/funding-counter.js': 28.6,
  // Issue 14 (sizes): the SDK's figures and breakdown are a module of their own that the in-memory source
  // imports at the first query needing them (a list or counter page never loads them); an application's
  // bundler makes it a chunk, so the map and key figures pages pay its file (+0.1 to +0.6 kB gz).
  '@cnr-widgets/elements/key-figures.js': 30.8,
  '@cnr-widgets/elements/project-card.js': 29.5, // 5 December, after the merges: 28.7 + about 3 %
  '@cnr-widgets/elements/project-list.js': 37.5,
  '@cnr-widgets/elements/provider.js': 20, // issue 16: + the provider's --cnr-gap spacing (0.1 kB; 19.5 was measured 19.4 + 0.5 %)
  '@cnr-widgets/elements/territory-map.js': 37,
  '@cnr-widgets/sdk, on the embedded dataset': 11.8, // 5 December, after the merges: 11.5 + about 3 %
  // 5 December: a valid document is validated without zod (18.7 kB measured after the merges, was about 34).
  '@cnr-widgets/sdk, reading a src document': 19.2,
};

/** Dynamic imports measured apart: the embedded dataset and the map geometry. */
const isData = (id) => /@cnr-widgets[\\/]data([\\/]|$)|[\\/]packages[\\/]data[\\/]/.test(id);
const isGeometry = (id) => /[\\/]geometry[\\/]|france\.generated/.test(id);

const sizes = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
const kb = (n) => (n / KB).toFixed(1);

function requireBuild() {
  for (const file of ['index.js', 'all.js', 'cdn/cnr-widgets.js', 'cdn/integrity.json']) {
    if (!existsSync(path.join(dist, file))) {
      console.error(`size: packages/elements/dist/${file} is missing — run pnpm build first (pnpm size does)`);
      process.exit(1);
    }
  }
}

/** The npm entry points (package.json exports with a dist/ default), `.` first. */
function npmEntries() {
  const pkg = JSON.parse(readFileSync(path.join(elementsDir, 'package.json'), 'utf8'));
  const entries = [];
  for (const [key, value] of Object.entries(pkg.exports)) {
    // `./server` runs in Node (server rendering, issue 18): no browser bundle to measure.
    if (key === './server') continue;
    const target = typeof value === 'object' ? value.default : undefined;
    if (typeof target === 'string' && /^\.\/dist\/[^*/]+\.js$/.test(target)) entries.push({ key, file: target.slice(2) });
  }
  return entries;
}

/**
 * One entry bundled with its dependencies, minified, production; data left out.
 * `split: false`: one file (everything the entry may load); `split: true`: as an
 * application's bundler splits it, to measure what loads before any `import()`.
 */
async function bundle(file, split = false, pagePath = EMBEDDED_PATH) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: elementsDir,
    mode: 'production',
    resolve: { conditions: [...defaultClientConditions] },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: { entry: path.join(elementsDir, file), formats: ['es'], fileName: 'entry' },
      rolldownOptions: {
        external: (id) => isData(id) || isGeometry(id),
        output: { codeSplitting: split, minify: true, comments: { legal: true, annotation: false, jsdoc: false } },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  if (!split) {
    if (chunks.length !== 1) throw new Error(`size: ${file} bundled into ${chunks.length} files`);
    return chunks[0];
  }
  // What loads before any import(): the entry chunk and its static imports, transitively.
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (starts) => {
    const seen = new Set();
    const visit = (c) => {
      if (!c || seen.has(c)) return;
      seen.add(c);
      for (const name of c.imports) visit(byName.get(name));
    };
    for (const c of starts) visit(c);
    return seen;
  };
  const entry = chunks.find((c) => c.isEntry);
  const initial = closure([entry]);
  // A page on the embedded dataset also loads the SDK's embedded source and its
  // in-memory query engine (dynamic imports), not validation, HTTP or CSV.
  const embeddedPath = chunks.filter((c) => c.moduleIds.some((id) => pagePath.test(id.replaceAll('\\', '/'))));
  const embedded = closure([entry, ...embeddedPath]);
  const total = (set) => sum([...set].map((c) => sizes(Buffer.from(c.code)))).gzip;
  return { initial: total(initial), embedded: total(embedded) };
}

/**
 * The SDK modules a page on the embedded dataset imports on demand (built or source): the embedded and
 * in-memory sources, and the query module(s) the in-memory source imports at the first query of the
 * widget: `listing` (page of projects, facets: the list, the axis filter, `projects()`), `totals`
 * (figures, breakdown: the map, the key figures). The counter, the card and the provider need neither.
 */
const pagePath = (...query) =>
  new RegExp(`/sdk/(dist|src)/(sources/(embedded|memory)${query.map((q) => `|query/${q}`).join('')})\\.(js|ts)$`);
const EMBEDDED_PATH = pagePath();
const ENTRY_QUERY_MODULES = {
  '.': ['listing', 'totals'],
  './all.js': ['listing', 'totals'],
  './axis-filter.js': ['listing'],
  './project-list.js': ['listing'],
  './key-figures.js': ['totals'],
  './territory-map.js': ['totals'],
};
/** … and a page reading a dataset document (`src`, the SDK alone calling `projects()`): its source, validation (zod/mini), HTTP (ky), query engine. */
const DOCUMENT_PATH = /\/sdk\/(dist|src)\/(sources\/(static|memory)|query\/listing|validation\/parse|transport\/http)\.(js|ts)$/;
const SDK_APP = `import { createClient } from '@cnr-widgets/sdk';
export const answer = createClient(globalThis.cnrOptions).projects();
`;

function cdnFiles() {
  const dir = path.join(dist, 'cdn');
  const out = [];
  const walk = (sub) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      // The iframe embed page's own scripts (embed.js, embed-resize.js) are not loaded by a page of widgets.
      else if (name.endsWith('.js') && !/^embed(-resize)?\.js$/.test(rel)) out.push({ file: rel, ...sizes(readFileSync(path.join(dir, rel))) });
    }
  };
  walk('');
  return out;
}

/**
 * Which CDN file holds what: from its sources (source map), resolved to absolute paths. `bundle`: the
 * one-file bundle (vite.cdn.config.ts, `bundleEntry()`) and the code chunks that import it.
 */
function cdnKind(file) {
  if (file === 'cnr-widgets.js') return 'entry';
  const code = readFileSync(path.join(dist, 'cdn', file), 'utf8');
  const isBundleCode = /^chunks\/bundle-/.test(file) || /from"\.\/bundle-[\w-]+\.js"/.test(code);
  const mapFile = path.join(dist, 'cdn', `${file}.map`);
  // The rolldown runtime (a few bytes) has no source map.
  if (!existsSync(mapFile)) return isBundleCode ? 'bundle' : 'code';
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const sources = (map.sources ?? []).map((s) => path.resolve(path.dirname(mapFile), s));
  if (sources.length > 0 && sources.every(isGeometry)) return 'geometry';
  if (sources.length > 0 && sources.every(isData)) return 'dataset';
  return isBundleCode ? 'bundle' : 'code';
}

const sum = (files) => files.reduce((s, f) => ({ raw: s.raw + f.raw, gzip: s.gzip + f.gzip }), { raw: 0, gzip: 0 });

async function main() {
  requireBuild();
  const rows = [];
  let largest;
  for (const { key, file } of npmEntries()) {
    const chunk = await bundle(file);
    const s = sizes(Buffer.from(chunk.code));
    const { initial, embedded } = await bundle(file, true, pagePath(...(ENTRY_QUERY_MODULES[key] ?? [])));
    const budget = key === '.' ? BUDGETS.index : key === './all.js' ? BUDGETS.all : BUDGETS.element;
    rows.push({ group: 'npm', name: `@cnr-widgets/elements${key === '.' ? '' : key.slice(1)}`, ...s, initial, embedded, budget });
    if (key === './all.js') largest = chunk;
  }

  // The SDK alone (issue 3: its browser entry, with zod/mini and ky, ≤ 12 kB).
  const app = path.join(elementsDir, '.size-sdk-app.js');
  writeFileSync(app, SDK_APP);
  try {
    const chunk = await bundle(path.basename(app));
    const embedded = await bundle(path.basename(app), true, pagePath('listing'));
    const document = await bundle(path.basename(app), true, DOCUMENT_PATH);
    const everything = sizes(Buffer.from(chunk.code));
    const sdkRow = (name, page) => ({ group: 'sdk', name, ...everything, initial: page.initial, embedded: page.embedded, budget: BUDGETS.sdk });
    rows.push(sdkRow('@cnr-widgets/sdk, on the embedded dataset', embedded));
    rows.push(sdkRow('@cnr-widgets/sdk, reading a src document', document));
  } finally {
    rmSync(app, { force: true });
  }

  const files = cdnFiles().map((f) => ({ ...f, kind: cdnKind(f.file) }));
  const of = (...kinds) => files.filter((f) => kinds.includes(f.kind));
  const cdn = [
    { name: 'cnr-widgets.js (entry alone)', ...sum(of('entry')), budget: BUDGETS.cdnEntry },
    { name: 'entry + code chunks', ...sum(of('entry', 'code')) },
    { name: 'one-file bundle + its on-demand chunks', ...sum(of('bundle')) },
    // What each page downloads (the autoloader loads only its widgets' chunks) is measured in
    // Chromium by scripts/size-pages.mjs.
    { name: 'geometry chunk', ...sum(of('geometry')), budget: BUDGETS.geometry },
    { name: 'dataset chunk', ...sum(of('dataset')) },
    { name: 'code + dataset', ...sum(of('entry', 'code', 'dataset')) },
    { name: 'everything (code + dataset + geometry)', ...sum(files) },
  ];
  for (const row of cdn) rows.push({ group: 'cdn', ...row });

  for (const r of rows) {
    r.ceiling = CEILINGS[r.name];
    r.embeddedCeiling = EMBEDDED_CEILINGS[r.name];
  }
  // A budget is met when the code a page loads on the embedded dataset fits
  // (the `page` column; the CDN row that says so), and is shown against
  // everything an entry may load (the gzip column) as well.
  const pageOver = (r) => r.budget !== undefined && r.embedded !== undefined && r.embedded > r.budget * KB;
  const over = rows.filter((r) => r.budget !== undefined && r.gzip > r.budget * KB);
  const overCeiling = [
    ...rows.filter((r) => r.ceiling !== undefined && r.gzip > r.ceiling * KB).map((r) => `${r.name} ${kb(r.gzip)} kB > ${r.ceiling} kB`),
    ...rows
      .filter((r) => r.embeddedCeiling !== undefined && r.embedded > r.embeddedCeiling * KB)
      .map((r) => `${r.name} (page on the embedded dataset) ${kb(r.embedded)} kB > ${r.embeddedCeiling} kB`),
  ];
  const width = Math.max(...rows.map((r) => r.name.length));
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const size = (n) => (n === undefined ? '' : `${kb(n)} kB`);
  const status = (r, n) => (r.budget === undefined || n === undefined ? '' : n > r.budget * KB ? 'OVER' : 'ok');
  console.log(line(['what'.padEnd(width), '     raw', 'gzip -9', '     ', 'initial', '   page', '     ', ' budget', 'ceiling']));
  console.log(line(['-'.repeat(width), '-------:', '------:', '-----', '------:', '------:', '-----', '------:', '------:']));
  let group;
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      const title = { npm: '**npm entries, bundled with lit + SDK**', sdk: '**the SDK alone, in a browser app**', cdn: '**CDN bundle, dist/cdn/**' }[group];
      console.log(line([title.padEnd(width), ...[8, 7, 5, 7, 7, 5, 7, 7].map((n) => ''.padEnd(n))]));
    }
    const ceilings = [r.ceiling, r.embeddedCeiling].filter((c) => c !== undefined).join(' / ');
    console.log(
      line([
        r.name.padEnd(width),
        size(r.raw).padStart(8),
        size(r.gzip).padStart(7),
        status(r, r.gzip).padEnd(5),
        size(r.initial).padStart(7),
        size(r.embedded).padStart(7),
        status(r, r.embedded).padEnd(5),
        (r.budget === undefined ? '' : `${r.budget} kB`).padStart(7),
        (ceilings ? `${ceilings} kB` : '').padStart(7),
      ]),
    );
  }
  console.log(
    '\ngzip -9: everything the entry may load (every source, validation, HTTP, CSV); initial: before any import();' +
      ' page: what a page on the embedded dataset loads (initial + the embedded source and the query engine; for « reading a src document »:' +
      ' + the static source, the validation (zod/mini only for a document with a problem), HTTP with ky). Data and geometry aside.',
  );
  console.log(`\nCDN files: ${files.map((f) => `${f.file} (${f.kind}, ${kb(f.gzip)} kB gz)`).join(', ')}`);

  if (process.argv.includes('--modules') && largest) {
    const modules = Object.entries(largest.modules)
      .map(([id, m]) => ({ id: path.relative(root, id.replace(/^\0/, '')).replace(/^(\.\.\/)+/, ''), length: m.renderedLength }))
      .sort((a, b) => b.length - a.length);
    const total = modules.reduce((s, m) => s + m.length, 0);
    console.log(`\nLargest modules of all.js (rendered, before minification; ${modules.length} modules, ${kb(total)} kB):`);
    for (const m of modules.slice(0, 25)) console.log(`  ${kb(m.length).padStart(6)} kB  ${m.id}`);
  }

  if (process.argv.includes('--json')) {
    const out = path.join(root, 'bench/results/size.json');
    mkdirSync(path.dirname(out), { recursive: true });
    // The page column as rows of their own, for pnpm bench's table (it reads `gzip` and `budget`).
    const pageRows = rows
      .filter((r) => r.embedded !== undefined && r.group !== 'cdn')
      .map((r) => ({ group: r.group, name: `${r.name} — what the page loads`, gzip: r.embedded, budget: r.budget }));
    const allRows = [...rows.map(({ budget, ...r }) => ({ ...r, ...(r.embedded === undefined || r.group === 'cdn' ? { budget } : {}) })), ...pageRows];
    const report = { date: new Date().toISOString(), unit: 'bytes', gzipLevel: 9, budgets: BUDGETS, ceilings: CEILINGS, rows: allRows, cdnFiles: files };
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nsize: wrote ${path.relative(root, out)}`);
  }

  const overPage = rows.filter(pageOver);
  if (overPage.length > 0) {
    console.log(`\nsize: pages on the embedded dataset over budget: ${overPage.map((r) => `${r.name} ${kb(r.embedded)} kB > ${r.budget} kB`).join('; ')}`);
  } else {
    console.log('\nsize: every page on the embedded dataset within its PRODUCT.md budget');
  }
  if (over.length > 0) {
    console.log(`size: with everything they may load (gzip -9 column), over budget: ${over.map((r) => `${r.name} ${kb(r.gzip)} kB > ${r.budget} kB`).join('; ')}`);
  }
  if (overCeiling.length > 0) {
    console.error(`size: over the regression ceiling: ${overCeiling.join('; ')}`);
    process.exit(1);
  }
  console.log('size: every figure within its regression ceiling');
}

await main();
