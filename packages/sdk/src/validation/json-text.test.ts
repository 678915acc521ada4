import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CnrDataError } from '../errors.js';
import { findJsonSyntaxFault, lineAndColumn, parseJsonText } from './json-text.js';

const accepts = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxFault', () => {
  it('finds no fault exactly when JSON.parse accepts the text', () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9a-z.eE+\-\\]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), jsonish, fc.json()), (text) => {
        expect(findJsonSyntaxFault(text) === undefined).toBe(accepts(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('accepts every JSON value, indented or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        expect(findJsonSyntaxFault(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
    );
  });

  it('puts the fault of a truncated document within the text, at its end', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value, null, 2);
        const truncated = text.slice(0, cut % Math.max(text.length, 1));
        const fault = findJsonSyntaxFault(truncated);
        if (accepts(truncated)) expect(fault).toBeUndefined();
        else expect(fault!.offset).toBeLessThanOrEqual(truncated.length);
      }),
    );
  });

  it('says line and column', () => {
    expect(findJsonSyntaxFault('{\n  "a": 1,\n  "b": tru\n}')).toMatchObject({ line: 3, column: 8, found: 't' });
    expect(findJsonSyntaxFault('<!doctype html>')).toMatchObject({ line: 1, column: 1, found: '<' });
    expect(findJsonSyntaxFault('{"a": [1, 2')).toMatchObject({ line: 1, column: 12, found: undefined });
    expect(findJsonSyntaxFault('[' .repeat(100_000))).toMatchObject({ offset: 100_000 }); // no stack overflow
    expect(lineAndColumn('a\r\nb\rc', 5)).toEqual({ line: 3, column: 1 });
  });
});

describe('parseJsonText', () => {
  it('parses JSON, a byte order mark allowed', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ a: 1 });
  });

  it('throws CnrDataError unreadable with the URL, line and column, in French and English', () => {
    let error: unknown;
    try {
      parseJsonText('{\n  "version": "1",\n  "projects": [}\n', 'https://ars.example/data.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CnrDataError);
    expect(error).toMatchObject({ code: 'unreadable', url: 'https://ars.example/data.json', line: 3, column: 16 });
    expect((error as Error).message).toContain('Le fichier de données « https://ars.example/data.json » est illisible');
    expect((error as Error).message).toContain('ligne 3, colonne 16');
    expect((error as Error).message).toContain('line 3, column 16');
  });
});
