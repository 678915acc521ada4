import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Identifier, text } from './primitives.js';

/** The checks of `text()` and `Identifier`, without their fast path. */
// eslint-disable-next-line no-control-regex -- the same pattern as text()
const CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const plain = (max: number, pattern: RegExp) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(pattern));

const outcome = (schema: z.ZodMiniType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success ? { data: result.data as unknown } : { issues: result.error.issues };
};

describe('the fast path of text() and Identifier', () => {
  it('accepts and refuses exactly what their zod checks do, with the same issues', () => {
    const pairs: [z.ZodMiniType, z.ZodMiniType][] = [
      [text(8), plain(8, CONTROL_CHARACTERS)],
      [Identifier, plain(200, /^[a-z0-9][a-z0-9._:-]*$/i)],
    ];
    // Around the maximum length, in UTF-16 units and in code points (emoji), with control characters.
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\u0000', '\t', '\n', '\u007F', ':', '-'), maxLength: 12 }),
      fc.string({ unit: 'grapheme-ascii', minLength: 195, maxLength: 205 }),
      fc.anything(),
    );
    fc.assert(
      fc.property(value, (input) => {
        for (const [fast, slow] of pairs) expect(outcome(fast, input)).toEqual(outcome(slow, input));
      }),
      { numRuns: 3000 },
    );
  });
});
