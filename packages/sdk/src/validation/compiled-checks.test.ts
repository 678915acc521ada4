import dataset from '@cnr-widgets/data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionName } from '../schemas/dataset.js';
import { generateDataset } from '../testing/index.js';
import { readFileSync } from 'node:fs';
import { generateCompiledChecks } from '../../scripts/compiled-checks.js';
import { DatasetMeta } from '../schemas/dataset.js';
import { FAIL, prototypesIntact, reuse, type Check } from './check-kit.js';
import { COLLECTION_CHECKS, META_CHECK } from './compiled-checks.generated.js';

/** A value with its keys in order and its present-but-undefined keys marked, so that two outputs compare exactly. */
function exact(value: unknown): unknown {
  if (value === undefined) return '⟨undefined⟩';
  if (Array.isArray(value)) return value.map(exact);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => [k, exact(v)]);
  return value;
}

const synthetic = generateDataset({ projects: 300, seed: 7, communesPerDepartement: 2 });
/** Every record of the embedded dataset and of a synthetic one, with its collection. */
const records: [CollectionName, Record<string, unknown>][] = [dataset, synthetic].flatMap((d) =>
  COLLECTION_NAMES.flatMap((name) => ((d[name] ?? []) as unknown as Record<string, unknown>[]).map((r) => [name, r] as [CollectionName, Record<string, unknown>])),
);
// Fields no record of the datasets has today (a URL), on copies of real records.
records.push(
  ['projects', { ...synthetic.projects[0]!, url: 'https://www.ars.sante.fr/projet?id=1#a' }],
  ['documents', { ...dataset.documents[0]!, url: 'http://example.org/dossier.pdf' }],
);

/** The check's output, with copies only (`reuse` off) or the value itself where it is exact (`reuse` on). */
function run(check: Check, value: unknown, reusing: boolean): unknown {
  reuse.ok = reusing;
  try {
    return check(value);
  } finally {
    reuse.ok = false;
  }
}

/** What zod says, and what the compiled check says in both modes: the same output, or FAIL where zod refuses. */
function agree(name: CollectionName | 'meta', value: unknown): 'fast' | 'zod' {
  const [schema, check]: [z.core.$ZodType, Check] = name === 'meta' ? [DatasetMeta, META_CHECK] : [COLLECTION_SCHEMAS[name], COLLECTION_CHECKS[name]];
  const zod = z.safeParse(schema, value);
  const copied = run(check, value, false);
  const reused = run(check, value, true);
  expect(copied === FAIL, 'the check with and without reuse: FAIL alike').toBe(reused === FAIL);
  if (copied === FAIL) return 'zod';
  expect(zod.success, `${name}: the compiled check accepted a record zod refuses: ${JSON.stringify(value)?.slice(0, 300)}`).toBe(true);
  expect(exact(copied)).toStrictEqual(exact(zod.data));
  // Reused, a value keeps its own key order (the file's); otherwise it is zod's output.
  expect(reused).toStrictEqual(zod.data);
  // A copy is a new value, as zod's is; with reuse, an object or array is itself only when nothing differs.
  if (typeof value === 'object' && value !== null) expect(copied).not.toBe(value);
  return 'fast';
}

const clone = <T>(value: T): T => structuredClone(value);

/** A path into a value: the keys and indexes down to some leaf or node. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

/** Odd values: wrong types, bounds, control characters, hostile strings, URLs zod takes and outputs otherwise (trimmed, tab removed), refuses, or takes as they are; dates and times. */
const ODD_VALUES: unknown[] = [
  undefined, null, '', ' ', 'a\u0000b', 'x'.repeat(600), 'x'.repeat(5000), -1, 0, 1, 1.5, 99, 100, 101, 1899, 2201, 1e13, 1e14, Number.NaN, Infinity, -0, [], [1], {}, true, false,
  'https://example.org', 'https://example.org/ ', 'https://example.org/\u00a0', 'javascript:alert(1)', '2024-Q1', '2024-13', '2024-02-30', 'a', 'A-b:c', '-a', 'sante', 'stated', 'support', 'exact',
  ' https://example.org', 'https://exa\tmple.org', 'https://example.org\n', 'http:example.org', 'HTTPS://EXAMPLE.ORG/a', 'https://localhost', 'https://example.org:99999', 'https://[::1]/', 'ftp://example.org', 'https://xn--bcher-kva.example/é',
  '2024-02-29T12:00:00Z', '2023-02-29T12:00:00Z', '2024-01-01T00:00:00+02:00', '2024-01-01', '2024-01-01T24:00:00Z',
];
const oddValue = fc.oneof(fc.anything(), fc.constantFrom(...ODD_VALUES));

/**
 * One record per shape of path (indexes as `[]`): together they hold every field the datasets use.
 */
function recordsCoveringEveryField(): [CollectionName, Record<string, unknown>, (string | number)[][]][] {
  const seen = new Set<string>();
  const out: [CollectionName, Record<string, unknown>, (string | number)[][]][] = [];
  for (const [name, record] of records) {
    const fresh = paths(record).filter((path) => {
      const shape = `${name}:${path.map((step) => (typeof step === 'number' ? '[]' : step)).join('.')}`;
      if (seen.has(shape)) return false;
      seen.add(shape);
      return true;
    });
    if (fresh.length > 0) out.push([name, record, fresh]);
  }
  return out;
}

/** The documents' metadata, with the collections (which the check leaves out). */
const metas: Record<string, unknown>[] = [dataset as unknown as Record<string, unknown>, synthetic as unknown as Record<string, unknown>];

describe('the compiled checks (compiled-checks.generated.ts)', () => {
  it('are what scripts/compiled-checks.ts generates from the zod schemas today (else run `pnpm --filter @cnr-widgets/sdk run checks`)', () => {
    const checkedIn = readFileSync(new URL('./compiled-checks.generated.ts', import.meta.url), 'utf8');
    expect(checkedIn).toBe(generateCompiledChecks());
  });

  it('reuse a valid record of a parsed JSON file as it is, and copy one with an unknown key', () => {
    const project = JSON.parse(JSON.stringify(synthetic.projects[0])) as Record<string, unknown>;
    expect(run(COLLECTION_CHECKS.projects, project, true)).toBe(project);
    const extra = { ...project, extra: 1 };
    const output = run(COLLECTION_CHECKS.projects, extra, true) as Record<string, unknown>;
    expect(output).not.toBe(extra);
    expect(output).toStrictEqual(project);
    // The parts that are exact are still the input's own.
    expect(output['source']).toBe(project['source']);
  });

  it('allow reuse only while no prototype holds a key of the schemas or an enumerable property', () => {
    expect(prototypesIntact()).toBe(true);
    for (const [where, key] of [[Object.prototype, 'summary'], [Object.prototype, 'anything'], [Array.prototype, 'anything']] as const) {
      Object.defineProperty(where, key, { value: 'x', enumerable: key === 'anything', configurable: true, writable: true });
      try {
        expect(prototypesIntact(), `${key}`).toBe(false);
      } finally {
        delete (where as Record<string, unknown>)[key];
      }
    }
    expect(prototypesIntact()).toBe(true);
  });

  it('load no zod: the generated module and check-kit.ts import nothing else', () => {
    for (const file of ['./compiled-checks.generated.ts', './check-kit.ts']) {
      const imports = [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/^import .* from '([^']+)'/gm)].map((m) => m[1]);
      expect(imports.every((source) => source === './check-kit.js'), `${file}: ${imports.join(', ')}`).toBe(true);
    }
  });
});

describe('compiled checks: the same output as zod, or FAIL', () => {
  it('take the compiled path for the metadata of the embedded and synthetic datasets', () => {
    for (const meta of metas) expect(agree('meta', meta)).toBe('fast');
  });

  it('agree with zod on metadata with a field changed or removed', () => {
    fc.assert(
      fc.property(fc.nat(metas.length - 1), fc.constantFrom('$schema', 'version', 'generatedAt', 'title', 'publisher', 'license', 'referential'), oddValue, fc.boolean(), (m, key, odd, remove) => {
        const meta = { ...metas[m]! };
        if (remove) delete meta[key];
        else meta[key] = odd;
        agree('meta', meta);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the compiled path for every valid record (embedded and synthetic datasets), with zod’s output', () => {
    const paths = records.map(([name, record]) => agree(name, record));
    expect(paths.filter((p) => p === 'zod')).toHaveLength(0);
    expect(paths.length).toBeGreaterThan(1000);
  });

  it('agrees with zod on every odd value at every field the datasets use', () => {
    let compared = 0;
    for (const [name, original, fieldPaths] of recordsCoveringEveryField()) {
      for (const path of fieldPaths) {
        if (path.length === 0) continue;
        for (const odd of ODD_VALUES) {
          const record = clone(original);
          let parent = record as Record<string | number, unknown>;
          for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
          parent[path.at(-1)!] = odd;
          agree(name, record);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('agrees with zod on records with a field changed, removed or added', () => {
    fc.assert(
      fc.property(fc.nat(records.length - 1), fc.nat(), oddValue, fc.constantFrom('set', 'delete', 'add', 'proto'), (r, p, odd, how) => {
        const [name, original] = records[r]!;
        const record = clone(original);
        const all = paths(record);
        const path = all[p % all.length]!;
        if (path.length === 0) {
          agree(name, how === 'set' ? odd : record);
          return;
        }
        let parent = record as Record<string | number, unknown>;
        for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
        const last = path.at(-1)!;
        if (how === 'set') parent[last] = odd;
        else if (how === 'delete') {
          if (Array.isArray(parent)) parent.splice(Number(last), 1);
          else delete parent[last];
        } else if (how === 'add' && typeof parent === 'object' && !Array.isArray(parent)) parent[`extra-${String(last)}`] = odd;
        else if (how === 'proto' && typeof parent === 'object' && !Array.isArray(parent)) Object.defineProperty(parent, '__proto__', { value: odd, enumerable: true, configurable: true, writable: true });
        agree(name, record);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with zod on arbitrary values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COLLECTION_NAMES), fc.anything({ withObjectString: true, withNullPrototype: true }), (name, value) => {
        agree(name, value);
      }),
      { numRuns: 1000 },
    );
  });
});
