import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departementOfCommune, describeTerritoryId, parseTerritoryId, territoryId } from './ids.js';

const require = createRequire(import.meta.url);
const communes = require('@etalab/decoupage-administratif/data/communes.json') as {
  code: string;
  departement?: string;
  type: string;
}[];

describe('departementOfCommune', () => {
  it('gives, for every commune of the COG, the département the referential gives', () => {
    // Communes associées aside: five of them kept the code of the département they left.
    const placed = communes.filter((c) => c.departement !== undefined && c.type !== 'commune-associee');
    expect(placed.length).toBeGreaterThan(34_000);
    fc.assert(
      fc.property(fc.constantFrom(...placed), (commune) => departementOfCommune(commune.code) === commune.departement),
      { numRuns: 2_000 },
    );
    // And all of them, since it is cheap: none disagrees.
    expect(placed.filter((c) => departementOfCommune(c.code) !== c.departement).map((c) => c.code)).toEqual([]);
  });

  it('reads Corsica and the overseas codes', () => {
    expect(departementOfCommune('2A004')).toBe('2A');
    expect(departementOfCommune('2b033')).toBe('2B');
    expect(departementOfCommune('97411')).toBe('974');
    expect(departementOfCommune('05061')).toBe('05');
    expect(departementOfCommune('96001')).toBe('96'); // not a département: the referential says so
  });

  it('refuses what is not a commune code, and never throws', () => {
    for (const code of ['', '4400', '440000', '2C001', 'abcde', '05 061']) expect(departementOfCommune(code)).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = departementOfCommune(text);
        return result === undefined || text.trim().toUpperCase().startsWith(result);
      }),
    );
  });
});

describe('describeTerritoryId', () => {
  it('says a territory id in words, in French and English', () => {
    expect(describeTerritoryId('commune:49007', 'fr')).toBe('commune 49007');
    expect(describeTerritoryId('departement:44', 'fr')).toBe('département 44');
    expect(describeTerritoryId('region:52', 'fr')).toBe('région 52');
    expect(describeTerritoryId('epci:200068146', 'fr')).toBe('EPCI 200068146');
    expect(describeTerritoryId('tds:grand-est-vosges', 'fr')).toBe('territoire de démocratie sanitaire grand-est-vosges');
    expect(describeTerritoryId('region:52', 'en')).toBe('region 52');
    expect(describeTerritoryId('departement:2A', 'en')).toBe('département 2A');
    expect(describeTerritoryId('44', 'fr')).toBe('44');
    expect(describeTerritoryId('planete:3', 'fr')).toBe('planete:3');
  });

  it('parses and writes ids', () => {
    expect(parseTerritoryId('Departement:2a')).toEqual({ kind: 'departement', code: '2a' });
    expect(parseTerritoryId('44')).toBeUndefined();
    expect(territoryId('departement', '2a')).toBe('departement:2A');
  });
});
