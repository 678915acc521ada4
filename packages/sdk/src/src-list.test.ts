import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSrcList } from './client.js';

describe('parseSrcList', () => {
  it('gives back the URLs whatever whitespace separates them', () => {
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
    const space = fc.stringMatching(/^[ \t\n\r]{1,4}$/);
    fc.assert(
      fc.property(fc.array(url, { minLength: 1, maxLength: 5 }), space, space, (urls, gap, edge) => {
        expect(parseSrcList(edge + urls.join(gap) + edge)).toEqual(urls);
        expect(parseSrcList(urls)).toEqual(urls);
      }),
    );
  });

  it('reads a URL object and drops empty items', () => {
    expect(parseSrcList(new URL('https://ars.example/a.json'))).toEqual(['https://ars.example/a.json']);
    expect(parseSrcList(['', ' https://ars.example/a.json '])).toEqual(['https://ars.example/a.json']);
    expect(parseSrcList('   ')).toEqual([]);
  });
});
