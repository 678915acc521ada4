/**
 * What the compiled checks (compiled-checks.generated.ts) are made of: plain
 * functions, no zod. Each check returns the value zod would output for a
 * valid input — a new object with the shape's keys in the shape's order,
 * unknown keys left out, a present `undefined` kept — or {@link FAIL} on the
 * first doubt. A doubt is not a verdict: the caller then runs zod, which says
 * why (or accepts, in the rare cases these checks are stricter than zod).
 * With {@link reuse} on, a value that is exactly that output (a parsed JSON
 * file's valid records, without unknown keys) is returned itself, not copied.
 *
 * The checks never accept what zod refuses, and output what zod outputs:
 * compiled-checks.test.ts compares them with `z.safeParse` on valid, broken,
 * hostile and arbitrary records, with and without reuse.
 */
export const FAIL: unique symbol = Symbol('fail');

/** The value zod would output, or {@link FAIL}. */
export type Check = (value: unknown) => unknown;

/**
 * Whether the checks may output a valid value itself instead of a copy
 * (validate.ts sets it for each validation): when a value is exactly what zod
 * would output — a plain object with only the shape's keys present, as own
 * enumerable properties, every value exact in turn; an array of exact items; a
 * valid primitive — its exact test (`e<n>` in the generated module) says so
 * and the check returns it, without allocating a copy (at 10 000 projects,
 * the copies and their garbage collection were a third of the validation in
 * Chromium). The value keeps its own key order. Off, every check returns a
 * new object, as zod does. Only on when no prototype holds a key of the
 * schemas or an enumerable property ({@link prototypesIntact}).
 */
export const reuse = { ok: false };

/** Every key of the objects the checks know (each {@link obj} adds its own). */
const keys = new Set<string>();

/** True when `Object.prototype` and `Array.prototype` hold no enumerable property and no key of the checks' objects. */
export function prototypesIntact(): boolean {
  for (const _ in Object.prototype) return false;
  for (const _ in Array.prototype) return false;
  for (const key of keys) if (key in Object.prototype) return false;
  return true;
}

/** An object whose prototype is `Object.prototype` (what `JSON.parse` makes). */
export const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The number of enumerable keys of an object (its own, when the prototypes are intact). */
export function keyCount(value: object): number {
  let count = 0;
  for (const _ in value) count++;
  return count;
}


/** An object that is no array (zod's `isObject`). */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An exact test: true when the check outputs the value itself. */
export type Test = (value: unknown) => boolean;

/** The exact test of a check that always copies (unions, records). */
const never: Test = () => false;

/** A string of `min` (0 or 1) to `max` UTF-16 units matching `pattern` (at most `max` units: at most `max` code points, what zod counts). */
export const text = (min: number, max: number, pattern?: RegExp): Test =>
  pattern
    ? (value) => typeof value === 'string' && value.length >= min && value.length <= max && pattern.test(value)
    : (value) => typeof value === 'string' && value.length >= min && value.length <= max;

/** A finite number within inclusive bounds. */
export const num =
  (low: number, high: number): Test =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;

/** A safe integer within inclusive bounds. */
export const int =
  (low: number, high: number): Test =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= low && value <= high;

export const boolean = (): Test => (value) => typeof value === 'boolean';

/** The literal `expected`. */
export const is =
  (expected: unknown): Test =>
  (value) =>
    value === expected;

/** One of the values of `set` (an enum). */
export const inSet =
  (set: ReadonlySet<unknown>): Test =>
  (value) =>
    set.has(value);

/** The exact test of each check (a check without one, a union or a record, is never exact: always copied). */
const tests = new WeakMap<Check, Test>();

const withTest = (check: Check, test: Test): Check => {
  tests.set(check, test);
  return check;
};

/** The exact test of `check`. */
export const exactOf = (check: Check): Test => tests.get(check) ?? never;

/** A primitive zod outputs unchanged when `test` holds. */
export const leaf = (test: Test): Check => withTest((value) => (test(value) ? value : FAIL), test);

export function opt(inner: Check): Check {
  const innerExact = exactOf(inner);
  return withTest(
    (value) => (value === undefined ? undefined : inner(value)),
    (value) => value === undefined || innerExact(value),
  );
}

/** An array: itself when every item is exact and `reuse` is on, else a copy of its checked items. */
export function arr(element: Check, min = 0): Check {
  const elementExact = exactOf(element);
  const exact: Test = (value) => {
    if (!Array.isArray(value) || value.length < min) return false;
    // As zod reads them: a hole is undefined.
    for (const item of value) if (!elementExact(item)) return false;
    return true;
  };
  const check: Check = (value) => {
    if (reuse.ok && exact(value)) return value;
    if (!Array.isArray(value) || value.length < min) return FAIL;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i]);
      if (item === FAIL) return FAIL;
      out[i] = item;
    }
    return out;
  };
  return withTest(check, exact);
}

/** An object's fields: key, check, optional (`z.optional`: may be missing, or present and undefined). */
export type Field = readonly [key: string, check: Check, optional?: 1];

/** An object: itself when it is exact and `reuse` is on, else a new one with the shape's keys, in its order. */
export function obj(shape: readonly Field[]): Check {
  const fields = shape.map(([key, check, optional]) => [key, check, exactOf(check), optional] as const);
  const required = fields.filter((field) => !field[3]).length;
  for (const [key] of fields) keys.add(key);
  const names = fields.map(([key]) => key);
  const exacts = fields.map(([, , test]) => test);
  const optional = fields.map(([, , , optional]) => optional === 1);
  /** A plain object whose own keys are the shape's keys present (counted), each value exact. */
  const exact: Test = (value) => {
    if (!isPlain(value)) return false;
    let count = required;
    for (let i = 0; i < names.length; i++) {
      const field = value[names[i]!];
      if (optional[i]) {
        // Read as undefined: missing (or present and undefined: then the count differs, and the object is copied, as it must keep that key).
        if (field === undefined) continue;
        count++;
      }
      if (!exacts[i]!(field)) return false;
    }
    return count === keyCount(value);
  };
  const check: Check = (value) => {
    if (reuse.ok && exact(value)) return value;
    if (!isObject(value)) return FAIL;
    const out: Record<string, unknown> = {};
    for (const [key, check, , optional] of fields) {
      // As zod: `in` (not own); a missing optional key stays missing, a present undefined stays.
      if (!(key in value)) {
        if (optional) continue;
        return FAIL;
      }
      const field = value[key];
      const result = optional && field === undefined ? undefined : check(field);
      if (result === FAIL) return FAIL;
      out[key] = result;
    }
    return out;
  };
  return withTest(check, exact);
}

/**
 * An http(s) URL as `z.url({ protocol, hostname })` takes it, kept only when
 * zod would output it unchanged: no surrounding spaces, no tab or line break.
 */
export function url(protocol: RegExp, hostname: RegExp): Check {
  const check: Check = (value) => {
    if (typeof value !== 'string' || value !== value.trim() || /[\t\n\r]/.test(value) || !/^https?:\/\//i.test(value)) return FAIL;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return FAIL;
    }
    return hostname.test(parsed.hostname) && protocol.test(parsed.protocol.slice(0, -1)) ? value : FAIL;
  };
  return withTest(check, (value) => check(value) !== FAIL);
}

/** A discriminated union: the option whose discriminator values hold the input's. */
export function union(discriminator: string, options: readonly (readonly [values: readonly unknown[], check: Check])[]): Check {
  const byValue = new Map<unknown, Check>();
  for (const [values, check] of options) for (const v of values) byValue.set(v, check);
  return (value) => (isObject(value) ? (byValue.get(value[discriminator])?.(value) ?? FAIL) : FAIL);
}

/** `z.partialRecord(z.enum(keys), check)` on a plain JSON object: own enumerable string keys, each one of `keys`. */
export function record(keys: readonly string[], check: Check): Check {
  const known = new Set(keys);
  return (value) => {
    if (!isObject(value)) return FAIL;
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return FAIL;
    const out: Record<string, unknown> = {};
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string' || !known.has(key) || !Object.prototype.propertyIsEnumerable.call(value, key)) return FAIL;
      const result = check(value[key]);
      if (result === FAIL) return FAIL;
      out[key] = result;
    }
    return out;
  };
}
