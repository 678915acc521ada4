import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFrench, frenchCollator, frenchSortKey } from './normalize.js';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
const keyOrder = (a: string, b: string): number => {
  const x = frenchSortKey(a)!;
  const y = frenchSortKey(b)!;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Every character the keys handle, and a few they leave to the collator. */
const PLAIN = [
  ...'\t \u00a0\u202f_-\u2013\u2014,;:!?.\'\u2019"\u00ab\u00bb()[]{}@*/\\&#%`^+<=>|~$\u20ac',
  ...'0123456789',
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'àâäáãåçéèêëîïíìñôöóòõùûüúÿýÀÂÄÁÃÅÇÉÈÊËÎÏÍÌÑÔÖÓÒÕÙÛÜÚŸÝœŒæÆß',
];
const OTHER = [...'øØðþıİłŁ\u0301\u0308ǅﬁΩЖ中😀\u200b¤§°²½'];
const plainText = fc.array(fc.constantFrom(...PLAIN, '0', '0', '1', '9', 'e', 'E', ' '), { maxLength: 12 }).map((cs) => cs.join(''));
const anyText = fc.array(fc.constantFrom(...PLAIN, ...OTHER), { maxLength: 10 }).map((cs) => cs.join(''));

describe('frenchSortKey: the French collator’s order without Intl', () => {
  it('gives a key to the texts of French titles and names', () => {
    for (const text of ['Prévention « santé » : l’Œuvre de 2024–2025 (Épinal)', 'ARS Grand Est', 'État', '']) {
      expect(frenchSortKey(text)).toBeTypeOf('string');
    }
    for (const text of ['Ørsted', 'e\u0301', 'Ωmega', 'ﬁn']) expect(frenchSortKey(text)).toBeUndefined();
  });

  it('orders as the collator does: case, accents and ligatures ignored, numbers by value, punctuation before digits before letters', () => {
    const pairs: [string, string][] = [
      ['Projet 2', 'Projet 10'],
      ['a01', 'a1'],
      ['x', 'x0'],
      ['œuvre', 'oeuvre'],
      ['Été', 'ete'],
      ['a b', 'ab'],
      ['a-b', 'a b'],
      ['a’b', "a'b"],
      ['1.5', '1,5'],
      ['$', '0'],
      ['9', 'a'],
      ['straße', 'strasse'],
    ];
    for (const [a, b] of pairs) expect(keyOrder(a, b), `${a} vs ${b}`).toBe(sign(collator.compare(a, b)));
  });

  it('equals the collator’s sign on random texts of the handled characters', () => {
    fc.assert(
      fc.property(plainText, plainText, (a, b) => {
        expect(keyOrder(a, b)).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals the collator’s sign on long numbers and runs of zeros', () => {
    const digits = fc.array(fc.constantFrom('0', '0', '0', '1', '5', '9'), { minLength: 1, maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(digits, digits, fc.constantFrom('', 'a', ' ', '-'), (a, b, glue) => {
        expect(keyOrder(glue + a + glue, glue + b + glue)).toBe(sign(collator.compare(glue + a + glue, glue + b + glue)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('compareFrench: the collator’s sign on any text, through the collator when a text has no key', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(sign(compareFrench(a, b))).toBe(sign(frenchCollator().compare(a, b)));
      }),
      { numRuns: 10_000 },
    );
  });
});
