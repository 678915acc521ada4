import * as z from 'zod/mini';

/** C0 control characters other than tab and line breaks, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/**
 * A string of 1 to `max` characters matching `pattern`.
 *
 * With dozens of such fields per record, zod's bookkeeping per check costs
 * more than the checks, so the schema's entry point first runs them as one
 * plain test and passes the value on, unchanged, when it holds (a string of at
 * most `max` UTF-16 units has at most `max` code points, what zod counts).
 * Any other value goes through zod's checks, which also say why it is
 * refused: issues and the generated JSON Schema are unchanged (see
 * primitives.test.ts). Marked free of side effects so that bundlers still drop
 * the schemas a page does not use.
 */
/* @__NO_SIDE_EFFECTS__ */
function bounded(max: number, pattern: RegExp) {
  const schema = z.string().check(z.minLength(1), z.maxLength(max), z.regex(pattern));
  const run = schema._zod.run;
  schema._zod.run = (payload, ctx) => {
    const value = payload.value;
    return typeof value === 'string' && value.length > 0 && value.length <= max && pattern.test(value)
      ? payload
      : run(payload, ctx);
  };
  return schema;
}

/**
 * A non-empty string of bounded length (titles, names, labels) with no control
 * characters. The length is checked first, so a 10 MB string is rejected
 * before any pattern runs over it.
 */
export const text = (max = 2_000) => bounded(max, CONTROL_CHARACTERS);

/** A longer free text (objectives, descriptions). */
export const longText = () => text(20_000);

/**
 * A stable identifier: lowercase letters, digits, `-`, `_`, `.` and `:`,
 * e.g. `vosges-teleconsultation`, `region:44`, `departement:2A`.
 */
export const Identifier = bounded(200, /^[a-z0-9][a-z0-9._:-]*$/i);
export type Identifier = z.infer<typeof Identifier>;

/**
 * An http(s) URL. `z.url()` alone accepts `javascript:` and `data:`, so the
 * protocol is constrained explicitly.
 */
export const HttpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });
export type HttpUrl = z.infer<typeof HttpUrl>;

/**
 * A date as precise as the documents state it: `2023`, `2023-02`, `2023-02-07`,
 * or a quarter, `2024-Q1` (« au cours du premier trimestre 2024 »).
 */
export const PartialDate = z.string().check(
  z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$/),
);
export type PartialDate = z.infer<typeof PartialDate>;

/** A non-negative, finite count. */
export const Count = z.int().check(z.gte(0));

/** An amount in euros: finite, non-negative. */
export const Euros = z.number().check(z.gte(0), z.lte(1e13));

/** A calendar year. */
export const Year = z.int().check(z.gte(1900), z.lte(2200));

export const Thematique = z.enum(['sante', 'education']);
export type Thematique = z.infer<typeof Thematique>;
