import dataset from '@cnr-widgets/data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, type CollectionName } from '../schemas/dataset.js';
import { generateDataset } from '../testing/index.js';
import { FAIL, fastParse } from './fast-parse.js';

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

/** What zod says, and what the compiled check says: the same output, or FAIL where zod refuses. */
function agree(name: CollectionName, value: unknown): 'fast' | 'zod' {
  const schema = COLLECTION_SCHEMAS[name];
  const zod = z.safeParse(schema, value);
  const fast = fastParse(schema, value);
  if (fast === FAIL) return 'zod';
  expect(zod.success, `${name}: the compiled check accepted a record zod refuses: ${JSON.stringify(value)?.slice(0, 300)}`).toBe(true);
  expect(exact(fast)).toStrictEqual(exact(zod.data));
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

/** Odd values: wrong types, bounds, control characters, hostile keys. */
const oddValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(undefined, null, '', ' ', 'a\u0000b', 'x'.repeat(600), -1, 0, 1.5, 1e14, Number.NaN, Infinity, -0, [], {}, true, 'https://example.org', 'javascript:alert(1)', '2024-Q1', '2024-13'),
);

describe('fastParse: the same output as zod, or FAIL', () => {
  it('takes the compiled path for every valid record (embedded and synthetic datasets), with zod’s output', () => {
    const paths = records.map(([name, record]) => agree(name, record));
    expect(paths.filter((p) => p === 'zod')).toHaveLength(0);
    expect(paths.length).toBeGreaterThan(1000);
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
