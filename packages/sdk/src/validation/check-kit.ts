/**
 * The pieces the compiled checks (compiled-checks.generated.ts) are made of:
 * plain functions, no zod. Each check returns the value zod would output for
 * a valid input — a new object with the shape's keys in the shape's order,
 * unknown keys left out, a present `undefined` kept — or {@link FAIL} on the
 * first doubt. A doubt is not a verdict: the caller then runs zod, which says
 * why (or accepts, in the rare cases these checks are stricter than zod).
 *
 * The checks never accept what zod refuses: compiled-checks.test.ts compares
 * them with `z.safeParse` on valid, broken, hostile and arbitrary records.
 */
export const FAIL: unique symbol = Symbol('fail');

/** The value zod would output, or {@link FAIL}. */
export type Check = (value: unknown) => unknown;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string of `min` (0 or 1) to `max` UTF-16 units matching `pattern` (at most `max` units: at most `max` code points, what zod counts). */
export const str = (min: number, max: number, pattern?: RegExp): Check =>
  pattern
    ? (value) => (typeof value === 'string' && value.length >= min && value.length <= max && pattern.test(value) ? value : FAIL)
    : (value) => (typeof value === 'string' && value.length >= min && value.length <= max ? value : FAIL);

/** A finite number (a safe integer with `int`) within inclusive bounds. */
export const num =
  (int: boolean, low: number, high: number): Check =>
  (value) =>
    typeof value === 'number' && (int ? Number.isSafeInteger(value) : Number.isFinite(value)) && value >= low && value <= high ? value : FAIL;

export const bool: Check = (value) => (typeof value === 'boolean' ? value : FAIL);

/** One of the values (an enum, a literal). */
export function oneOf(...values: unknown[]): Check {
  const set = new Set(values);
  return (value) => (set.has(value) ? value : FAIL);
}

/**
 * An http(s) URL as `z.url({ protocol, hostname })` takes it, kept only when
 * zod would output it unchanged: no surrounding spaces, no tab or line break.
 */
export const url =
  (protocol: RegExp, hostname: RegExp): Check =>
  (value) => {
    if (typeof value !== 'string' || value !== value.trim() || /[\t\n\r]/.test(value) || !/^https?:\/\//i.test(value)) return FAIL;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return FAIL;
    }
    return hostname.test(parsed.hostname) && protocol.test(parsed.protocol.slice(0, -1)) ? value : FAIL;
  };

export const opt =
  (inner: Check): Check =>
  (value) =>
    value === undefined ? undefined : inner(value);

export const arr =
  (element: Check, min = 0): Check =>
  (value) => {
    if (!Array.isArray(value) || value.length < min) return FAIL;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i]);
      if (item === FAIL) return FAIL;
      out[i] = item;
    }
    return out;
  };

/** An object's fields: key, check, optional (`z.optional`: may be missing, or present and undefined). */
export type Field = readonly [key: string, check: Check, optional?: 1];

export const obj =
  (fields: readonly Field[]): Check =>
  (value) => {
    if (!isObject(value)) return FAIL;
    const out: Record<string, unknown> = {};
    for (const [key, check, optional] of fields) {
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
