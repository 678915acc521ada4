import { expect } from '@open-wc/testing';
import { conjunctionSeparators } from './bidi-quotes.js';

describe('conjunctionSeparators: the key figures’ lists without Intl.ListFormat', () => {
  it('puts between the items what Intl.ListFormat puts, in French and in English, from 0 to 7 items', () => {
    for (const locale of ['fr', 'en'] as const) {
      const format = new Intl.ListFormat(locale, { type: 'conjunction' });
      for (let count = 0; count <= 7; count++) {
        const items = Array.from({ length: count }, (_, k) => `item ${k}`);
        const literals = format
          .formatToParts(items)
          .filter((part) => part.type === 'literal')
          .map((part) => part.value);
        expect(conjunctionSeparators(count, locale), `${locale}, ${count} items`).to.deep.equal(literals);
      }
    }
  });
});
