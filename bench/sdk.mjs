#!/usr/bin/env node
// SDK benchmark in Node: validation, indexing, queries, facets, funding sums
// and memory on seeded synthetic datasets of 1 000, 10 000 and 100 000
// projects. Prints a table and writes bench/results/sdk.json.
//
//   node --expose-gc bench/sdk.mjs [--quick]
//
// The SDK is bundled from its sources by Vite (bench/sdk-entry.ts) into a
// temporary directory, then imported. Every figure is the median of several
// runs, each on a freshly parsed document and a fresh index, so that "first"
// figures (lazy caches of the index) are measured as many times as the rest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchDir, buildSdkEntry } from './lib/build.mjs';
import { environment, measured, printTable, writeJson } from './lib/report.mjs';
import { round } from './lib/stats.mjs';

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const quick = args.includes('--quick');

// Heap figures need a full collection before reading `heapUsed`.
if (typeof globalThis.gc !== 'function') {
  const child = spawnSync(process.execPath, ['--expose-gc', self, ...args], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
const gc = globalThis.gc;

const SEED = 42;
/** Runs per size: warm-ups (not counted) and measured runs. 100 000 gets fewer: one run costs seconds. */
const PLAN = quick
  ? [
      { projects: 1_000, warmups: 1, runs: 3 },
      { projects: 10_000, warmups: 1, runs: 3 },
    ]
  : [
      { projects: 1_000, warmups: 2, runs: 7 },
      { projects: 10_000, warmups: 2, runs: 7 },
      { projects: 100_000, warmups: 1, runs: 5 },
    ];
const HEAP_RUNS = 3;
/** PRODUCT.md / issue 3: budgets hold at 10 000 projects, in Node on this machine. */
const BUDGET_SIZE = 10_000;
const BUDGETS = {
  validateIndex: { limit: 150, text: '≤ 150 ms' },
  filterFacets: { limit: 5, text: '≤ 5 ms' },
};

/** Typical filter combinations, each answered as a widget does: one page of projects and the facets. */
const QUERIES = [
  ['territory région 44 (Grand Est)', { thematique: 'sante', territory: '44' }],
  ['axis sante-3', { thematique: 'sante', axes: ['sante-3'] }],
  ['text « prevention »', { thematique: 'sante', q: 'prevention' }],
  ['combined: région 44 + axis sante-4 + « prevention » + en-cours', {
    thematique: 'sante',
    territory: '44',
    axes: ['sante-4'],
    q: 'prevention',
    statuses: ['en-cours'],
  }],
];

const now = () => performance.now();
function time(fn) {
  const start = now();
  const value = fn();
  return [now() - start, value];
}

/** heapUsed (after full collections) before and after a client loads the document; the client is alive at both reads. */
async function heapOfLoadedClient(sdk, text) {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const client = sdk.createClient({ src: JSON.parse(text) });
  const { dataset } = await client.load();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  return { before, after, kind: client.kind, projects: dataset.projects.length };
}

const label = (n) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ');

async function benchSize(sdk, { projects, warmups, runs }) {
  const group = `SDK in Node — ${label(projects)} projects`;
  const [generateMs, generated] = time(() => sdk.generateDataset({ projects, seed: SEED }));
  const text = JSON.stringify(generated);
  const counts = { projects: generated.projects.length, territories: generated.territories.length, fundings: generated.fundings.length };
  console.warn(
    `  ${label(projects)} projects: generated in ${generateMs.toFixed(0)} ms, ${(text.length / 1e6).toFixed(1)} MB of JSON; ${warmups} warm-up + ${runs} runs`,
  );

  const s = {
    jsonParse: [],
    validate: [],
    index: [],
    validateIndex: [],
    firstQuery: [],
    textFirst: [],
    textWarm: [],
    queries: QUERIES.map(() => ({ first: [], repeat: [] })),
    fundingAll: [],
    fundingCombined: [],
  };
  let problems = 0;
  let totals;
  for (let run = 0; run < warmups + runs; run++) {
    const keep = run >= warmups;
    gc();
    const [parseMs, raw] = time(() => JSON.parse(text));
    const [validateMs, parsed] = time(() => sdk.parseDataset(raw));
    const [indexMs, index] = time(() => sdk.createIndex(parsed.dataset));
    problems = parsed.report.problems.length;
    // The first query of an index sorts by title (French collation) and keeps that order.
    const [firstQueryMs] = time(() => sdk.queryProjects(index, { thematique: 'sante' }, { sort: 'title', limit: 20 }));
    // The first text search builds every project's normalized search text.
    const [textFirstMs] = time(() => sdk.queryProjects(index, { q: 'diabete' }, { limit: 20 }));
    // Later searches for a new word reuse it.
    const [textWarmMs] = time(() => sdk.queryProjects(index, { q: 'obesite' }, { limit: 20 }));
    const answer = (filters) => [sdk.queryProjects(index, filters, { limit: 20 }), sdk.computeFacets(index, filters)];
    const queryMs = QUERIES.map(([, filters]) => {
      const [first, result] = time(() => answer(filters));
      const [repeat] = time(() => answer(filters));
      return { first, repeat, total: result[0].total };
    });
    const [fundingAllMs] = time(() => sdk.totalFunding(index, { thematique: 'sante' }));
    const [fundingCombinedMs] = time(() => sdk.totalFunding(index, QUERIES[3][1]));
    totals = queryMs.map((q) => q.total);
    if (!keep) continue;
    s.jsonParse.push(parseMs);
    s.validate.push(validateMs);
    s.index.push(indexMs);
    s.validateIndex.push(validateMs + indexMs);
    s.firstQuery.push(firstQueryMs);
    s.textFirst.push(textFirstMs);
    s.textWarm.push(textWarmMs);
    queryMs.forEach((q, i) => {
      s.queries[i].first.push(q.first);
      s.queries[i].repeat.push(q.repeat);
    });
    s.fundingAll.push(fundingAllMs);
    s.fundingCombined.push(fundingCombinedMs);
  }

  // Memory: what a loaded client holds (the parsed document, the validated dataset, the index).
  // One load before the measured ones: its lazily compiled code and caches are not the data's.
  const heapDelta = [];
  const heapTotal = [];
  for (let run = -1; run < HEAP_RUNS; run++) {
    const { before, after } = await heapOfLoadedClient(sdk, text);
    if (run < 0) continue;
    heapDelta.push((after - before) / 1e6);
    heapTotal.push(after / 1e6);
  }

  const at = projects === BUDGET_SIZE;
  const rows = [
    measured(group, 'JSON.parse of the document', s.jsonParse, { note: `${(text.length / 1e6).toFixed(1)} MB; not part of the budget` }),
    measured(group, 'validate (parseDataset)', s.validate),
    measured(group, 'index (createIndex)', s.index),
    measured(group, 'validate + index', s.validateIndex, { budget: at ? BUDGETS.validateIndex : undefined }),
    measured(group, 'first query, sort by title (builds the title order)', s.firstQuery),
    measured(group, 'first text search « diabete » (builds the search text)', s.textFirst),
    measured(group, 'warm text search « obesite » (new word)', s.textWarm),
  ];
  QUERIES.forEach(([name], i) => {
    rows.push(
      measured(group, `query + facets: ${name} — first`, s.queries[i].first, {
        budget: at ? BUDGETS.filterFacets : undefined,
        note: `${label(totals[i])} projects match`,
      }),
      measured(group, `query + facets: ${name} — repeated`, s.queries[i].repeat, { budget: at ? BUDGETS.filterFacets : undefined }),
    );
  });
  rows.push(
    measured(group, 'totalFunding, every santé project', s.fundingAll),
    measured(group, 'totalFunding, combined filter', s.fundingCombined),
    measured(group, 'heap held by a loaded client (document + dataset + index)', heapDelta, {
      unit: 'MB',
      note: `heapUsed after load and gc(): ${round(heapTotal.sort((a, b) => a - b)[1] ?? heapTotal[0], 1)} MB in all`,
    }),
  );
  return {
    rows,
    dataset: { projects, seed: SEED, jsonBytes: text.length, ...counts, validationProblems: problems, warmups, runs, heapRuns: HEAP_RUNS },
  };
}

async function main() {
  const started = now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cnr-bench-sdk-'));
  try {
    console.warn('SDK bench: bundling bench/sdk-entry.ts (SDK sources, zod, ky) with Vite…');
    const entry = await buildSdkEntry(tmp);
    const sdk = await import(pathToFileURL(entry).href);
    const rows = [];
    const datasets = [];
    for (const step of PLAN) {
      const { rows: r, dataset } = await benchSize(sdk, step);
      rows.push(...r);
      datasets.push(dataset);
      if (dataset.validationProblems > 0) console.warn(`  warning: ${dataset.validationProblems} validation problems in the synthetic dataset`);
    }
    const title = 'SDK (Node) — median of runs, spread min–max';
    printTable(title, rows);
    const out = path.join(benchDir, 'results/sdk.json');
    writeJson(out, {
      kind: 'sdk',
      environment: environment({ quick, durationSeconds: round((now() - started) / 1000, 1) }),
      method:
        'Each run parses the JSON text, validates (parseDataset) and indexes (createIndex) it afresh, then times the first title-sorted query, the first and a later text search, and each typical query twice (first on this index, then repeated) with computeFacets. Heap: process.memoryUsage().heapUsed after gc(), with and without a loaded createClient({ src: document }).',
      datasets,
      rows,
    });
    console.log(`\nwrote ${path.relative(process.cwd(), out)} (${((now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
