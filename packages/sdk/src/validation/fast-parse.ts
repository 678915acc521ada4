import type * as z from 'zod/mini';

/**
 * A faster `z.safeParse` for records that are valid, the common case: the
 * schema's objects, arrays, optionals, enums, numbers and booleans are checked
 * by plain code compiled once from the schema's definition, and every other
 * node (strings, with their fast path in primitives.ts; URLs, dates, unions…)
 * by its own zod `run`. The output is the one zod gives — a new object with the
 * shape's keys in the shape's order, unknown keys left out, a present
 * `undefined` kept — and on the first doubt the answer is {@link FAIL}: the
 * caller then runs zod itself, which says why (the issues are zod's, unchanged).
 *
 * zod/mini's objects walk a generic path per property (a payload object, a
 * result handler, issue bookkeeping) that costs more than the checks on a
 * valid record; at 10 000 projects this halves the validation (issue 14).
 * fast-parse.test.ts compares it with `z.safeParse` on valid, broken and
 * hostile records.
 */
export const FAIL: unique symbol = Symbol('fail');

type Fast = (value: unknown) => unknown;

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  shape?: Record<string, z.core.$ZodType>;
  catchall?: unknown;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  entries?: Record<string, unknown>;
  format?: string;
}

const compiled = new WeakMap<z.core.$ZodType, Fast>();

/** The node's own zod `run`, accepted only when it reports no issue and answers at once. */
function viaZod(schema: z.core.$ZodType): Fast {
  const run = schema._zod.run.bind(schema._zod);
  return (value) => {
    const result = run({ value, issues: [] }, { async: false });
    return result instanceof Promise || result.issues.length > 0 ? FAIL : result.value;
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function compileNumber(def: Def, schema: z.core.$ZodType): Fast {
  if (def.format !== undefined && def.format !== 'safeint') return viaZod(schema);
  const bounds: ((n: number) => boolean)[] = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    const limit = c['value'];
    if (typeof limit !== 'number' || (c['check'] !== 'greater_than' && c['check'] !== 'less_than')) {
      if (c['check'] === 'number_format' && c['format'] === def.format) continue;
      return viaZod(schema);
    }
    const inclusive = c['inclusive'] === true;
    if (c['check'] === 'greater_than') bounds.push(inclusive ? (n) => n >= limit : (n) => n > limit);
    else bounds.push(inclusive ? (n) => n <= limit : (n) => n < limit);
  }
  const integer = def.format === 'safeint';
  return (value) =>
    typeof value === 'number' && Number.isFinite(value) && (!integer || Number.isSafeInteger(value)) && bounds.every((ok) => ok(value)) ? value : FAIL;
}

function compileArray(def: Def, schema: z.core.$ZodType): Fast {
  let min = 0;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c['check'] !== 'min_length' || typeof c['minimum'] !== 'number') return viaZod(schema);
    min = Math.max(min, c['minimum']);
  }
  const element = compile(def.element!);
  return (value) => {
    if (!Array.isArray(value) || value.length < min) return FAIL;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i]);
      if (item === FAIL) return FAIL;
      out[i] = item;
    }
    return out;
  };
}

function compileObject(def: Def, schema: z.core.$ZodType): Fast {
  if ((def.checks?.length ?? 0) > 0 || def.catchall !== undefined) return viaZod(schema);
  const fields = Object.entries(def.shape!).map(([key, field]) => ({
    key,
    check: compile(field),
    optional: field._zod.optin === 'optional' && field._zod.optout === 'optional',
  }));
  if (fields.some((f) => f.key === '__proto__')) return viaZod(schema);
  return (value) => {
    if (!isPlainObject(value)) return FAIL;
    const out: Record<string, unknown> = {};
    for (const { key, check, optional } of fields) {
      // As zod: `in` (not own), a missing optional key stays missing, a present undefined stays.
      if (!(key in value)) {
        if (optional) continue;
        return FAIL;
      }
      const field = check(value[key]);
      if (field === FAIL) return FAIL;
      out[key] = field;
    }
    return out;
  };
}

function compileNode(schema: z.core.$ZodType): Fast {
  const def = schema._zod.def as unknown as Def;
  const plain = (def.checks?.length ?? 0) === 0;
  switch (def.type) {
    case 'object':
      return compileObject(def, schema);
    case 'array':
      return compileArray(def, schema);
    case 'number':
      return compileNumber(def, schema);
    case 'optional': {
      if (!plain) return viaZod(schema);
      const inner = compile(def.innerType!);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'enum': {
      if (!plain) return viaZod(schema);
      const values = new Set(Object.values(def.entries!));
      return (value) => (values.has(value) ? value : FAIL);
    }
    case 'boolean':
      return plain ? (value) => (typeof value === 'boolean' ? value : FAIL) : viaZod(schema);
    default:
      return viaZod(schema);
  }
}

function compile(schema: z.core.$ZodType): Fast {
  let fast = compiled.get(schema);
  if (!fast) {
    // Compiled on first use, lazily for nested nodes: a schema that refers to itself stays finite.
    let inner: Fast | undefined;
    compiled.set(schema, (value) => (inner ??= compileNode(schema))(value));
    fast = compileNode(schema);
    compiled.set(schema, fast);
  }
  return fast;
}

/**
 * The value zod would output for `value` under `schema`, or {@link FAIL} when
 * it may not be valid (then run `z.safeParse` for the issues).
 */
export function fastParse(schema: z.core.$ZodType, value: unknown): unknown {
  return compile(schema)(value);
}
