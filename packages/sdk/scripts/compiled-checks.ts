/**
 * Writes the text of `src/validation/compiled-checks.generated.ts`: the
 * dataset's record schemas (zod/mini) turned into plain checks built from
 * `src/validation/check-kit.ts`, so that a browser validates a valid document
 * without loading zod (issue 14: what a `src` page downloads). zod is loaded
 * only when a check doubts a record, and says why.
 *
 * Run through `scripts/generate-compiled-checks.mjs` (`pnpm run checks`, and
 * `pnpm run checks:check` in CI; compiled-checks.test.ts also compares the
 * checked-in file with this output). A schema node this generator does not
 * know stops it with the node's path: extend it (and check-kit.ts) rather
 * than let a record go unchecked.
 */
import type * as z from 'zod/mini';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS, DatasetMeta } from '../src/schemas/dataset.js';

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  shape?: Record<string, z.core.$ZodType>;
  catchall?: unknown;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  format?: string;
  pattern?: RegExp;
  protocol?: RegExp;
  hostname?: RegExp;
  normalize?: boolean;
  coerce?: boolean;
  discriminator?: string;
  options?: z.core.$ZodType[];
  unionFallback?: boolean;
  keyType?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  mode?: string;
  check?: string;
}

class Unsupported extends Error {}

/** The name of a node's check (`c<n>`: the value zod outputs, or FAIL; check-kit.ts keeps its exact test with it). */
interface Compiled {
  check: string;
}

function regexLiteral(pattern: unknown, where: string): string {
  if (!(pattern instanceof RegExp)) throw new Unsupported(`${where}: a pattern that is not a RegExp`);
  if (/[gy]/.test(pattern.flags)) throw new Unsupported(`${where}: a /${pattern.flags} pattern (lastIndex)`);
  return `/${pattern.source}/${pattern.flags}`;
}

function literal(value: unknown, where: string): string {
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || value === null) return JSON.stringify(value);
  throw new Unsupported(`${where}: literal ${String(value)}`);
}

/** Builds the module: one constant per distinct check, named `c<n>`, shared by every schema node that compiles to it. */
export function generateCompiledChecks(): string {
  const consts = new Map<string, string>();
  const compiled = new Map<z.core.$ZodType, Compiled>();
  /** Patterns and sets of values, one constant each (`r<n>`), shared by the checks. */
  const values = new Map<string, string>();
  const visiting = new Set<z.core.$ZodType>();

  /** The constant named `<prefix><n>` for `text` in `table`, made on first use. */
  const named = (table: Map<string, string>, prefix: string, text: string): string => {
    let name = table.get(text);
    if (!name) {
      name = `${prefix}${table.size}`;
      table.set(text, name);
    }
    return name;
  };
  const value = (literalText: string): string => named(values, 'r', literalText);
  const regex = (pattern: unknown, where: string): string => value(regexLiteral(pattern, where));
  /** A primitive that zod outputs unchanged when `test` (a kit call making a test) holds. */
  const leaf = (test: string): Compiled => ({ check: hoist(`/* @__PURE__ */ leaf(${test})`) });
  const oneOf = (list: unknown[], where: string): Compiled => {
    if (list.length === 1) return leaf(`is(${literal(list[0], where)})`);
    return leaf(`inSet(${value(`new Set<unknown>([${list.map((v) => literal(v, where)).join(', ')}])`)})`);
  };
  const kept = (expression: string): Compiled => ({ check: hoist(expression) });

  const hoist = (expression: string): string => named(consts, 'c', expression);

  const plain = (def: Def, where: string) => {
    if ((def.checks?.length ?? 0) > 0) throw new Unsupported(`${where}: checks on a ${def.type}`);
  };

  function stringNode(def: Def, where: string): Compiled {
    if (def.coerce) throw new Unsupported(`${where}: coerced string`);
    if (def.format === 'url') {
      if (def.normalize || !def.protocol || !def.hostname) throw new Unsupported(`${where}: a URL without protocol and hostname, or normalized`);
      if ((def.checks?.length ?? 0) > 1) throw new Unsupported(`${where}: checks on a URL`);
      // The kit's url() outputs the value itself or FAIL.
      return kept(`/* @__PURE__ */ url(${regex(def.protocol, where)}, ${regex(def.hostname, where)})`);
    }
    let min = 0;
    let max = Infinity;
    const patterns: string[] = [];
    if (def.format !== undefined) {
      if (def.format !== 'datetime') throw new Unsupported(`${where}: string format ${def.format}`);
      patterns.push(regex(def.pattern, where));
    }
    for (const check of def.checks ?? []) {
      const c = check._zod.def;
      if (c['check'] === 'min_length' && typeof c['minimum'] === 'number' && c['minimum'] <= 1) min = Math.max(min, c['minimum']);
      else if (c['check'] === 'max_length' && typeof c['maximum'] === 'number') max = Math.min(max, c['maximum']);
      else if (c['check'] === 'string_format' && c['format'] === 'regex') patterns.push(regex(c['pattern'], where));
      else if (c['check'] === 'string_format' && c['format'] === def.format) continue;
      else throw new Unsupported(`${where}: string check ${JSON.stringify(c['check'])} ${JSON.stringify(c['format'] ?? c['minimum'] ?? '')}`);
    }
    if (patterns.length > 1) throw new Unsupported(`${where}: several patterns`);
    return leaf(`text(${min}, ${max === Infinity ? 'Infinity' : max}${patterns.length ? `, ${patterns[0]}` : ''})`);
  }

  function numberNode(def: Def, where: string): Compiled {
    if (def.coerce) throw new Unsupported(`${where}: coerced number`);
    if (def.format !== undefined && def.format !== 'safeint') throw new Unsupported(`${where}: number format ${def.format}`);
    let low = -Infinity;
    let high = Infinity;
    for (const check of def.checks ?? []) {
      const c = check._zod.def;
      const limit = c['value'];
      if (c['check'] === 'number_format' && c['format'] === def.format) continue;
      if (typeof limit !== 'number' || c['inclusive'] !== true) throw new Unsupported(`${where}: number check ${JSON.stringify(c['check'])}`);
      if (c['check'] === 'greater_than') low = Math.max(low, limit);
      else if (c['check'] === 'less_than') high = Math.min(high, limit);
      else throw new Unsupported(`${where}: number check ${JSON.stringify(c['check'])}`);
    }
    const bound = (n: number) => (n === Infinity ? 'Infinity' : n === -Infinity ? '-Infinity' : String(n));
    return leaf(`${def.format === 'safeint' ? 'int' : 'num'}(${bound(low)}, ${bound(high)})`);
  }

  function node(schema: z.core.$ZodType, where: string): Compiled {
    if (visiting.has(schema)) throw new Unsupported(`${where}: a schema that contains itself`);
    let done = compiled.get(schema);
    if (done) return done;
    visiting.add(schema);
    try {
      done = expression(schema, where);
      compiled.set(schema, done);
      return done;
    } finally {
      visiting.delete(schema);
    }
  }

  function expression(schema: z.core.$ZodType, where: string): Compiled {
    const def = schema._zod.def as unknown as Def;
    switch (def.type) {
      case 'string':
        return stringNode(def, where);
      case 'number':
        return numberNode(def, where);
      case 'boolean':
        plain(def, where);
        return leaf('boolean()');
      case 'enum':
        plain(def, where);
        return oneOf(Object.values(def.entries!), where);
      case 'literal':
        plain(def, where);
        return oneOf(def.values!, where);
      case 'optional': {
        plain(def, where);
        const inner = node(def.innerType!, where);
        return kept(`/* @__PURE__ */ opt(${inner.check})`);
      }
      case 'array': {
        let min = 0;
        for (const check of def.checks ?? []) {
          const c = check._zod.def;
          if (c['check'] !== 'min_length' || typeof c['minimum'] !== 'number') throw new Unsupported(`${where}: array check ${JSON.stringify(c['check'])}`);
          min = Math.max(min, c['minimum']);
        }
        const element = node(def.element!, `${where}[]`);
        return kept(`/* @__PURE__ */ arr(${element.check}${min > 0 ? `, ${min}` : ''})`);
      }
      case 'object': {
        plain(def, where);
        if (def.catchall !== undefined) throw new Unsupported(`${where}: object with a catchall`);
        // As zod: a field is read from `v` (own or inherited, as `in`); a missing optional field
        // stays missing, a present undefined stays; the output has the shape's keys, in its order.
        const fields = Object.entries(def.shape!).map(([key, field]) => {
          const path = `${where}.${key}`;
          if (key === '__proto__' || key in Object.prototype) throw new Unsupported(`${path}: a key that objects inherit`);
          const fieldDef = field._zod.def as unknown as Def;
          if (field._zod.optin === undefined && field._zod.optout === undefined) return { key, optional: false, compiled: node(field, path) };
          if (fieldDef.type !== 'optional' || field._zod.optin !== 'optional' || field._zod.optout !== 'optional') throw new Unsupported(`${path}: optional field other than z.optional`);
          plain(fieldDef, path);
          return { key, optional: true, compiled: node(fieldDef.innerType!, path) };
        });
        const table = fields.map(({ key, optional, compiled: { check } }) => `[${JSON.stringify(key)}, ${check}${optional ? ', 1' : ''}]`);
        return kept(`/* @__PURE__ */ obj([${table.join(', ')}])`);
      }
      case 'union': {
        if (def.discriminator === undefined || def.unionFallback) throw new Unsupported(`${where}: a union that is not a discriminated union`);
        plain(def, where);
        const discriminator = def.discriminator;
        const options = def.options!.map((option, i) => {
          const values = (option._zod as unknown as { propValues?: Record<string, Set<unknown>> }).propValues?.[discriminator];
          if (!values || values.size === 0 || values.has(undefined)) throw new Unsupported(`${where}|${i}: option without a required discriminator`);
          return `[[${[...values].map((v) => literal(v, where)).join(', ')}], ${node(option, `${where}|${i}`).check}]`;
        });
        return kept(`/* @__PURE__ */ union(${JSON.stringify(discriminator)}, [${options.join(', ')}])`);
      }
      case 'record': {
        plain(def, where);
        const keyDef = def.keyType!._zod.def as unknown as Def;
        // A partial record on an enum: keys from the set, each optional (zod's other record modes are not compiled).
        if (!(def as { partial?: boolean }).partial || def.mode === 'loose' || keyDef.type !== 'enum' || (keyDef.checks?.length ?? 0) > 0) {
          throw new Unsupported(`${where}: a record other than z.partialRecord(z.enum(…), …)`);
        }
        const names = Object.values(keyDef.entries!);
        if (!names.every((key) => typeof key === 'string' && !/^-?\d/.test(key))) throw new Unsupported(`${where}: record keys that are not words`);
        return kept(`/* @__PURE__ */ record([${names.map((k) => literal(k, where)).join(', ')}], ${node(def.valueType!, `${where}{}`).check})`);
      }
      default:
        throw new Unsupported(`${where}: schema type ${def.type}`);
    }
  }

  const collections = COLLECTION_NAMES.map((name) => `  ${name}: ${node(COLLECTION_SCHEMAS[name], name).check},`);
  const meta = node(DatasetMeta, 'DatasetMeta').check;

  const code = [...consts.keys()];
  const kit = ['arr', 'boolean', 'inSet', 'int', 'is', 'leaf', 'num', 'obj', 'opt', 'record', 'text', 'union', 'url'].filter((name) =>
    code.some((expression) => new RegExp(`\\b${name}\\(`).test(expression)),
  );
  return [
    '// Generated by scripts/generate-compiled-checks.mjs from the zod schemas (src/schemas): do not edit.',
    '// Regenerate with `pnpm --filter @cnr-widgets/sdk run checks`; CI runs `checks:check`.',
    '/* eslint-disable */',
    `import { ${kit.join(', ')}, type Check } from './check-kit.js';`,
    '',
    ...[...values].map(([literalText, name]) => `const ${name} = ${literalText};`),
    '',
    // In the order they were made: a check's parts before it.
    ...[...consts].map(([expression, name]) => `const ${name}: Check = ${expression};`),
    '',
    "/** The check of each collection's records (the value zod outputs, or FAIL). */",
    'export const COLLECTION_CHECKS = {',
    ...collections,
    '} as const;',
    '',
    "/** The check of the document's metadata (`DatasetMeta`). */",
    `export const META_CHECK: Check = ${meta};`,
    '',
  ].join('\n');
}
