import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSeparator, formatCsvField, isFormulaLike, parseCsv, writeCsv, type CsvSeparator } from './csv.js';

/** Cells full of what breaks naive CSV code: quotes, both separators, line breaks, accents, emoji, BOM. */
const nastyString = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', '""', ',', ';', '\r', '\n', '\r\n', ' ', '\t', 'é', 'É', 'œ', 'ç', '’', '«', '😀', '👩‍⚕️', '\uFEFF', '|', '\\', '=', '+', '-', '@', "'", '\u00A0'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const rowsArb = fc.array(fc.array(nastyString, { minLength: 1, maxLength: 6 }), { maxLength: 12 });
const separatorArb = fc.constantFrom<CsvSeparator>(',', ';');

describe('parseCsv', () => {
  it('reads the RFC 4180 forms: quoted fields, doubled quotes, CRLF, line breaks inside quotes', () => {
    const text = 'id,title,note\r\n1,"Télé, consultation","dit ""oui""\r\net ""non"""\r\n2,Plain,\r\n';
    const result = parseCsv(text);
    expect(result.separator).toBe(',');
    expect(result.rows).toEqual([
      ['id', 'title', 'note'],
      ['1', 'Télé, consultation', 'dit "oui"\r\net "non"'],
      ['2', 'Plain', ''],
    ]);
    expect(result.lines).toEqual([1, 2, 4]);
    expect(result.problems).toEqual([]);
  });

  it('accepts LF and lone CR line breaks, and strips a leading BOM', () => {
    expect(parseCsv('\uFEFFa,b\nc,d\re,f').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('does not make a record of a trailing line break, but keeps blank lines inside', () => {
    expect(parseCsv('a\n\nb\n').rows).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('').rows).toEqual([]);
    expect(parseCsv('\uFEFF').rows).toEqual([]);
    expect(parseCsv('a,').rows).toEqual([['a', '']]);
  });

  it('detects the French Excel separator', () => {
    const text = '\uFEFFid;titre;montant\r\np-1;"Maison de santé; Épinal";1 100,50\r\n';
    const result = parseCsv(text);
    expect(result.separator).toBe(';');
    expect(result.rows[1]).toEqual(['p-1', 'Maison de santé; Épinal', '1 100,50']);
  });

  it('ignores separators inside quotes when detecting, and honours a given separator', () => {
    expect(detectSeparator('"a;b;c",d\n')).toBe(',');
    expect(detectSeparator('single\nline\nx;y\n')).toBe(';');
    expect(parseCsv('a;b,c', { separator: ',' }).rows).toEqual([['a;b', 'c']]);
  });

  it('reads broken quoting the way spreadsheets do, and says so', () => {
    const unclosed = parseCsv('a,b\n1,"never closed\nstill\n');
    expect(unclosed.rows).toEqual([
      ['a', 'b'],
      ['1', 'never closed\nstill\n'],
    ]);
    expect(unclosed.problems).toMatchObject([{ row: 2, line: 2, severity: 'error' }]);

    const trailing = parseCsv('"ab"cd,e\n');
    expect(trailing.rows).toEqual([['abcd', 'e']]);
    expect(trailing.problems).toMatchObject([{ row: 1, line: 1, severity: 'warning' }]);

    // A quote inside an unquoted field is kept literally.
    expect(parseCsv('5" screen,x').rows).toEqual([['5" screen', 'x']]);
  });

  it('counts physical lines across quoted line breaks', () => {
    const result = parseCsv('h\n"a\r\nb\rc"\nd\n"e"x\n');
    expect(result.lines).toEqual([1, 2, 5, 6]);
    expect(result.problems[0]).toMatchObject({ row: 4, line: 6 });
  });

  it('handles a 10 MB field and a 10 MB unclosed quote without hanging', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    expect(parseCsv(`a,"${big}"\n`).rows[0]![1]!.length).toBe(big.length);
    const unclosed = parseCsv(`a,"${big}`);
    expect(unclosed.rows[0]![1]!.length).toBe(big.length);
    expect(unclosed.problems).toHaveLength(1);
  });

  it('reads many small records', () => {
    const text = 'id,n\n' + Array.from({ length: 100_000 }, (_, i) => `r${i},${i}`).join('\n');
    const result = parseCsv(text);
    expect(result.rows).toHaveLength(100_001);
    expect(result.rows[100_000]).toEqual(['r99999', '99999']);
  });
});

describe('writeCsv', () => {
  it('quotes only when needed, with CRLF and a BOM by default', () => {
    expect(writeCsv([['a', 'b c', 'd,e', 'f"g', 'h\ni', 'j;k', '']])).toBe('\uFEFFa,b c,"d,e","f""g","h\ni","j;k",\r\n');
  });

  it('writes the French Excel form on demand', () => {
    expect(writeCsv([['é', 'x;y']], { separator: ';', bom: false, newline: '\n' })).toBe('é;"x;y"\n');
  });

  it('keeps a lone empty field a record', () => {
    const text = writeCsv([['a'], [''], ['b']], { bom: false });
    expect(text).toBe('a\r\n""\r\nb\r\n');
    expect(parseCsv(text).rows).toEqual([['a'], [''], ['b']]);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+1+2', '-2+3+cmd|x', '@SUM(A1)', '\tfoo', '\rfoo', '＝1+1']) {
      expect(isFormulaLike(cell)).toBe(true);
      expect(parseCsv(formatCsvField(cell)).rows[0]).toEqual([`'${cell}`]);
    }
    // Plain numbers and harmless text are left alone.
    for (const cell of ['-12', '+3.5', '-0,75', 'a=b', "'=already"]) expect(isFormulaLike(cell)).toBe(false);
    expect(formatCsvField('=1+1', { escapeFormulas: false })).toBe('=1+1');
  });

  it('reads back a neutralised cell with its quote: the reader never strips it', () => {
    const text = writeCsv([["'=1+1", '=1+1']]);
    expect(parseCsv(text).rows).toEqual([["'=1+1", "'=1+1"]]);
  });
});

describe('CSV round trip (property)', () => {
  it('reads back exactly what it wrote, with either separator, BOM or not, CRLF or LF', () => {
    fc.assert(
      fc.property(rowsArb, separatorArb, fc.boolean(), fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'), (rows, separator, bom, newline) => {
        const text = writeCsv(rows, { separator, bom, newline, escapeFormulas: false });
        const parsed = parseCsv(text, { separator });
        expect(parsed.rows).toEqual(rows);
        expect(parsed.problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('detects the separator of what it wrote', () => {
    fc.assert(
      fc.property(rowsArb, separatorArb, (rows, separator) => {
        const parsed = parseCsv(writeCsv(rows, { separator, escapeFormulas: false }));
        expect(parsed.rows).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('changes only formula-like cells when neutralising formulas, by one leading quote', () => {
    fc.assert(
      fc.property(rowsArb, separatorArb, (rows, separator) => {
        const parsed = parseCsv(writeCsv(rows, { separator }), { separator });
        expect(parsed.rows).toEqual(rows.map((row) => row.map((cell) => (isFormulaLike(cell) ? `'${cell}` : cell))));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        const parsed = parseCsv(text);
        expect(parsed.rows.length).toBe(parsed.lines.length);
      }),
      { numRuns: 500 },
    );
  });
});
