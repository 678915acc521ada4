import { describe, expect, it } from 'vitest';
import { generateDataset } from '../testing/index.js';
import * as z from 'zod/mini';
import { Dataset } from '../schemas/dataset.js';
import { smallDataset } from './__fixtures__/small-dataset.js';
import {
  CnrQueryError,
  computeFacets,
  createIndex,
  descendantsOf,
  filterProjects,
  normalizeText,
  queryProjects,
  resolveTerritory,
  sumFigures,
  tokenize,
  totalFunding,
  type ProjectFilters,
} from './index.js';

const index = createIndex(smallDataset);
const ids = (filters: ProjectFilters): string[] => filterProjects(index, filters).map((p) => p.id);

describe('fixture', () => {
  it('is valid against the dataset schema', () => {
    expect(z.safeParse(Dataset, smallDataset).success).toBe(true);
  });
});

describe('normalizeText', () => {
  it('folds case, accents, ligatures and punctuation', () => {
    expect(normalizeText('Prévention')).toBe('prevention');
    expect(normalizeText('Main-d’Œuvre à  Épinal !')).toBe('main d oeuvre a epinal');
    expect(normalizeText('Cœur, Æther, Straße')).toBe('coeur aether strasse');
    expect(normalizeText('e\u0301te\u0301')).toBe('ete');
    expect(normalizeText('  ÇA\u00a0VA\t—  ')).toBe('ca va');
    expect(normalizeText('')).toBe('');
  });

  it('tokenizes a query, dropping words contained in longer ones', () => {
    expect(tokenize('Équipe  équipe, mobile e')).toEqual(['equipe', 'mobile']);
    expect(tokenize(' ,; ')).toEqual([]);
  });
});

describe('territories', () => {
  it('resolves ids and bare codes (région first)', () => {
    expect(resolveTerritory(index, 'region:44')?.id).toBe('region:44');
    expect(resolveTerritory(index, '44')?.id).toBe('region:44');
    expect(resolveTerritory(index, 'departement:44')?.id).toBe('departement:44');
    expect(resolveTerritory(index, '88')?.id).toBe('departement:88');
    expect(resolveTerritory(index, '2a')?.id).toBe('departement:2A');
    expect(resolveTerritory(index, 'departement:2a')?.id).toBe('departement:2A');
    expect(resolveTerritory(index, 'grand-est-vosges')?.id).toBe('tds:grand-est-vosges');
    expect(resolveTerritory(index, '88160')?.id).toBe('commune:88160');
    expect(resolveTerritory(index, '200068781')?.id).toBe('epci:200068781');
    expect(resolveTerritory(index, '99')).toBeUndefined();
    expect(resolveTerritory(index, 'region:99')).toBeUndefined();
    expect(resolveTerritory(index, ' ')).toBeUndefined();
  });

  it('knows the descendants of each territory, downward only', () => {
    expect([...descendantsOf(index, 'region:44')].sort()).toEqual(
      [
        'commune:54395',
        'commune:88160',
        'commune:88465',
        'departement:54',
        'departement:88',
        'epci:200068781',
        'tds:grand-est-vosges',
      ].sort(),
    );
    expect([...descendantsOf(index, 'tds:grand-est-vosges')].sort()).toEqual(
      ['commune:88160', 'commune:88465', 'departement:88', 'epci:200068781'].sort(),
    );
    // A partial TDS contains only the communes it names.
    expect([...descendantsOf(index, 'tds:hdf-hainaut')]).toEqual(['commune:59606']);
    expect(descendantsOf(index, 'commune:88160').size).toBe(0);
  });
});

describe('filterProjects', () => {
  it('returns everything without filters, in dataset order', () => {
    expect(ids({})).toEqual(smallDataset.projects.map((p) => p.id));
    expect(ids({ axes: [], statuses: [], q: '  ', territory: '' })).toHaveLength(10);
  });

  it('filters by territory with hierarchy', () => {
    expect(ids({ territory: '44' })).toEqual(['p1', 'p2', 'p3', 'p5', 'p7', 'p8', 'p9', 'p10']);
    expect(ids({ territory: 'departement:44' })).toEqual(['p4']);
    expect(ids({ territory: '88' })).toEqual(['p1', 'p2', 'p9', 'p10']);
    expect(ids({ territory: 'tds:grand-est-vosges' })).toEqual(['p1', 'p2', 'p5', 'p9', 'p10']);
    expect(ids({ territory: 'epci:200068781' })).toEqual(['p1', 'p9', 'p10']);
    expect(ids({ territory: 'tds:hdf-metropole-flandres' })).toEqual(['p6']);
    expect(ids({ territory: 'tds:hdf-hainaut' })).toEqual([]);
    expect(ids({ territory: '2A' })).toEqual(['p9']);
    // Never upward: a région-level project is not in one of its départements.
    expect(ids({ territory: '54' })).toEqual(['p3']);
    expect(ids({ territory: 'nowhere' })).toEqual([]);
  });

  it('filters by axes and sub-groups, including through the solution', () => {
    expect(ids({ axes: ['sante-3'] })).toEqual(['p2', 'p8']);
    expect(ids({ axes: ['sante-3-former'] })).toEqual(['p2']);
    expect(ids({ axes: ['sante-3-attirer'] })).toEqual(['p8']);
    expect(ids({ axes: ['sante-1', 'sante-4'] })).toEqual(['p1', 'p4', 'p5', 'p6']);
  });

  it('filters by thématique, solution, statuses', () => {
    expect(ids({ thematique: 'education' })).toEqual(['p7']);
    expect(ids({ solution: 'ge-sol-1' })).toEqual(['p2']);
    expect(ids({ statuses: ['en-cours', 'realise'] })).toEqual(['p1', 'p2', 'p5']);
  });

  it('filters by funder, case- and accent-insensitive', () => {
    expect(ids({ funder: 'etat' })).toEqual(['p2']);
    expect(ids({ funder: 'ARS GRAND EST' })).toEqual(['p1', 'p2']);
    expect(ids({ funder: 'ARS' })).toEqual([]);
  });

  it('filters by year range on dates and funding years', () => {
    expect(ids({ yearFrom: 2024 })).toEqual(['p2', 'p4', 'p5']);
    expect(ids({ yearFrom: 2022, yearTo: 2022 })).toEqual(['p2']);
    expect(ids({ yearTo: 2021 })).toEqual([]);
  });

  it('searches French text without case or accents', () => {
    expect(ids({ q: 'prevention' })).toEqual(['p1', 'p6']);
    expect(ids({ q: 'PRÉVENTION' })).toEqual(['p1', 'p6']);
    expect(ids({ q: 'oeuvre' })).toEqual(['p2', 'p5']);
    expect(ids({ q: 'œuvre' })).toEqual(['p2', 'p5']);
    expect(ids({ q: 'diab épinal' })).toEqual(['p1']);
    expect(ids({ q: 'lorraine' })).toEqual(['p2']);
    expect(ids({ q: 'depister' })).toEqual(['p1']);
    expect(ids({ q: 'equipe geriatrie' })).toEqual(['p9', 'p10']);
    expect(ids({ q: 'prevention nantes' })).toEqual([]);
  });
});

describe('queryProjects', () => {
  it('sorts by title with French collation (accents, numbers)', () => {
    const page = queryProjects(index, { axes: ['sante-2'] }, { sort: 'title' });
    expect(page.items.map((p) => p.id)).toEqual(['p10', 'p9', 'p3']);
    const desc = queryProjects(index, { axes: ['sante-2'] }, { sort: 'title', order: 'desc' });
    expect(desc.items.map((p) => p.id)).toEqual(['p3', 'p9', 'p10']);
  });

  it('sorts by date and amount, missing values last', () => {
    const byDate = queryProjects(index, {}, { sort: 'date' }).items.map((p) => p.id);
    expect(byDate.slice(0, 4)).toEqual(['p2', 'p8', 'p1', 'p5']);
    const byDateDesc = queryProjects(index, {}, { sort: 'date', order: 'desc' }).items.map((p) => p.id);
    expect(byDateDesc.slice(0, 4)).toEqual(['p5', 'p1', 'p8', 'p2']);
    expect(byDateDesc.slice(4)).toEqual(['p10', 'p3', 'p4', 'p6', 'p7', 'p9']);
    const byAmount = queryProjects(index, {}, { sort: 'amount', order: 'desc' }).items.map((p) => p.id);
    expect(byAmount.slice(0, 3)).toEqual(['p1', 'p2', 'p4']);
    expect(index.entries[0]!.amount).toBe(150_000);
    expect(index.entries[1]!.amount).toBe(80_000);
  });

  it('sorts a large set by title exactly as the collator does (precomputed ranks)', () => {
    const big = createIndex(generateDataset({ projects: 3000, seed: 3, communesPerDepartement: 2 }));
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    for (const order of ['asc', 'desc'] as const) {
      const got = queryProjects(big, {}, { sort: 'title', order, limit: 1000, offset: 1000 }).items.map((p) => p.id);
      const expected = [...big.projects]
        .sort((a, b) => (order === 'desc' ? -1 : 1) * collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1))
        .slice(1000, 2000)
        .map((p) => p.id);
      expect(got).toEqual(expected);
    }
  });

  it('paginates by offset and cursor', () => {
    const first = queryProjects(index, {}, { limit: 4 });
    expect(first).toMatchObject({ total: 10, offset: 0, limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = queryProjects(index, {}, { limit: 4, cursor: first.nextCursor! });
    expect(second.offset).toBe(4);
    const third = queryProjects(index, {}, { limit: 4, cursor: second.nextCursor! });
    expect(third.items).toHaveLength(2);
    expect(third.nextCursor).toBeUndefined();
    expect(queryProjects(index, {}, { limit: 4, offset: 4 }).items).toEqual(second.items);
  });

  it('clamps the limit', () => {
    expect(queryProjects(index, {}).limit).toBe(20);
    expect(queryProjects(index, {}, { limit: 5000 }).limit).toBe(1000);
    expect(queryProjects(index, {}, { limit: 0 }).limit).toBe(1);
  });

  it('rejects a cursor of another query, or a forged one, with a typed error', () => {
    const first = queryProjects(index, { territory: '44' }, { limit: 2 });
    expect(() => queryProjects(index, { territory: '52' }, { limit: 2, cursor: first.nextCursor! })).toThrow(CnrQueryError);
    expect(() => queryProjects(index, { territory: '44' }, { sort: 'date', cursor: first.nextCursor! })).toThrow(CnrQueryError);
    expect(() => queryProjects(index, {}, { cursor: 'not a cursor' })).toThrow(CnrQueryError);
    expect(() => queryProjects(index, {}, { cursor: 'eyJ4IjoxfQ' })).toThrow(/Invalid cursor/);
    // The same query, written differently, accepts it; so does another page size.
    const same = queryProjects(index, { territory: 'region:44', axes: [] }, { limit: 3, cursor: first.nextCursor! });
    expect(same.offset).toBe(2);
  });
});

describe('computeFacets', () => {
  it('counts each facet with every filter but its own', () => {
    const facets = computeFacets(index, { axes: ['sante-4'], territory: '44' });
    const axis = Object.fromEntries(facets.axes.map((f) => [f.value, f.count]));
    expect(axis).toMatchObject({ 'sante-1': 1, 'sante-2': 3, 'sante-3': 2, 'sante-3-former': 1, 'sante-4': 2, 'education-1': 1 });
    const status = Object.fromEntries(facets.statuses.map((f) => [f.value, f.count]));
    expect(status).toEqual({ 'en-reflexion': 0, 'en-projet': 0, 'en-cours': 2, realise: 0 });
    const kinds = Object.fromEntries(facets.territoryKinds.map((f) => [f.value, f.count]));
    expect(kinds).toEqual({ pays: 0, region: 0, departement: 0, tds: 1, epci: 0, commune: 2 });
    expect(facets.funders).toEqual([
      { value: 'ARS Grand Est', count: 1 },
      { value: 'ARS Pays de la Loire', count: 0 },
      { value: 'État', count: 0 },
    ]);
  });

  it('lists axes of the filtered thématique and statuses without status', () => {
    const facets = computeFacets(index, { thematique: 'education' });
    expect(facets.axes).toEqual([{ value: 'education-1', count: 1 }]);
    expect(facets.statuses.at(-1)).toEqual({ value: 'inconnu', count: 1 });
  });
});

describe('totalFunding', () => {
  it('sums everything once: envelopes contain their allocations', () => {
    const total = totalFunding(index, {});
    expect(total.total).toBe(1_550_000);
    expect(total.fundings.sort()).toEqual(['env-ge', 'env-pdl', 'etat-1', 'pdl-1']);
    expect(total.byFunder).toEqual([
      { funder: 'ARS Grand Est', total: 1_000_000 },
      { funder: 'ARS Pays de la Loire', total: 520_000 },
      { funder: 'État', total: 30_000 },
    ]);
    expect(total.documents).toEqual(['fixture']);
  });

  it('counts a shared allocation once, and territorial amounts below the filter territory', () => {
    const total = totalFunding(index, { territory: '88' });
    expect(total.fundings.sort()).toEqual(['alloc-1', 'alloc-shared', 'etat-1', 'fir-88']);
    expect(total.total).toBe(260_000);
  });

  it('does not add allocations drawn from a counted envelope', () => {
    expect(totalFunding(index, { territory: '44' }).total).toBe(1_030_000);
    expect(totalFunding(index, { funder: 'ARS GRAND EST' }).total).toBe(1_000_000);
  });

  it('leaves territorial amounts out when projects are filtered', () => {
    const total = totalFunding(index, { territory: '44', axes: ['sante-4'] });
    expect(total.fundings.sort()).toEqual(['alloc-1', 'alloc-shared']);
    expect(total.total).toBe(150_000);
  });

  it('applies the funder and the years to the records themselves', () => {
    expect(totalFunding(index, { funder: 'Etat' })).toMatchObject({ total: 30_000, fundings: ['etat-1'] });
    expect(totalFunding(index, { yearFrom: 2024 })).toMatchObject({ total: 520_000 });
    expect(totalFunding(index, { territory: 'nowhere' }).total).toBe(0);
  });
});

describe('sumFigures', () => {
  it('uses a territory’s own record', () => {
    expect(sumFigures(index, { territory: '88', phase: 'acte-1' })).toEqual({
      territory: 'departement:88',
      reunions: 10,
      participants: 300,
      records: ['fig-88'],
    });
  });

  it('sums descendants without a parent and its children, per metric', () => {
    expect(sumFigures(index, { territory: '44', phase: 'acte-1', thematique: 'sante' })).toEqual({
      territory: 'region:44',
      reunions: 40,
      participants: 1100,
      propositions: 15,
      records: ['fig-ge', 'fig-54'],
      approximate: ['participants'],
    });
    expect(sumFigures(index, { territory: 'region:52' })).toEqual({
      territory: 'region:52',
      participants: 150,
      propositions: 4,
      records: ['fig-44', 'fig-nantes'],
    });
  });

  it('prefers a TDS to the départements it covers', () => {
    const withoutRegion = createIndex({ ...smallDataset, figures: smallDataset.figures.filter((f) => f.id !== 'fig-ge') });
    expect(sumFigures(withoutRegion, { territory: '44', phase: 'acte-1', thematique: 'sante' })).toMatchObject({
      participants: 480,
      reunions: 10,
      records: ['fig-88', 'fig-54', 'fig-tds-vosges'],
    });
  });

  it('takes each metric from the latest phase when no phase is given, and sums everything without a territory', () => {
    // acte-2 comes after acte-1 and restates reunions only: reports are cumulative, not added.
    expect(sumFigures(index, { territory: '88' })).toMatchObject({ reunions: 5, participants: 300 });
    expect(sumFigures(index, { thematique: 'sante', phase: 'acte-1' })).toMatchObject({
      reunions: 40,
      participants: 1250,
      propositions: 19,
      approximate: ['participants'],
    });
    expect(sumFigures(index, { territory: 'tds:hdf-hainaut' })).toEqual({ territory: 'tds:hdf-hainaut', records: [] });
  });
});

describe('hostile inputs', () => {
  it('stays linear on huge lists in records and filters', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `p${i % 50_000}`);
    const hostile = createIndex({
      ...smallDataset,
      projects: [{ ...smallDataset.projects[0]!, axes: Array.from({ length: 100_000 }, (_, i) => `axe-${i % 70_000}`) }],
      fundings: [
        { ...smallDataset.fundings[1]!, id: 'big', projects: ['p1', ...many], envelope: undefined },
        ...Array.from({ length: 20_000 }, (_, i) => ({ ...smallDataset.fundings[1]!, id: `f${i}`, projects: ['p1'], envelope: 'big' })),
      ],
    });
    expect(hostile.entries[0]!.axes).toHaveLength(70_000);
    expect(hostile.entries[0]!.amount).toBe(100_000);
    const filters = {
      axes: Array.from({ length: 100_000 }, (_, i) => `x${i}`),
      q: Array.from({ length: 5_000 }, (_, i) => `mot${i}`).join(' '),
      territory: 'x'.repeat(10_000),
    };
    expect(filterProjects(hostile, filters)).toEqual([]);
    expect(computeFacets(hostile, filters).statuses.every((s) => s.count === 0)).toBe(true);
    expect(totalFunding(hostile, { funder: 'ARS Grand Est' }).fundings).toEqual(['big']);
    expect(normalizeText('É'.repeat(1_000_000))).toHaveLength(1_000_000);
  });
});

describe('generateDataset', () => {
  it('is valid against the schemas and deterministic', () => {
    const data = generateDataset({ projects: 500, seed: 7 });
    const parsed = z.safeParse(Dataset, data);
    expect(parsed.error?.issues.slice(0, 3)).toBeUndefined();
    expect(generateDataset({ projects: 500, seed: 7 })).toEqual(data);
    expect(generateDataset({ projects: 500, seed: 8 })).not.toEqual(data);
    expect(data.projects).toHaveLength(500);
  });

  it('only references records that exist', () => {
    const data = generateDataset({ projects: 300, seed: 1 });
    const territories = new Set(data.territories.map((t) => t.id));
    const projects = new Set(data.projects.map((p) => p.id));
    const fundings = new Set(data.fundings.map((f) => f.id));
    const axes = new Set(data.axes.flatMap((a) => [a.id, ...(a.subgroups ?? []).map((s) => s.id)]));
    for (const p of data.projects) {
      for (const t of p.territories) expect(territories).toContain(t);
      for (const a of p.axes) expect(axes).toContain(a);
    }
    for (const t of data.territories) {
      if (t.parent) expect(territories).toContain(t.parent);
      for (const c of t.covers ?? []) expect(territories).toContain(c);
    }
    for (const f of data.fundings) {
      for (const p of f.projects ?? []) expect(projects).toContain(p);
      if (f.envelope) expect(fundings).toContain(f.envelope);
      if (f.territory) expect(territories).toContain(f.territory);
    }
    for (const collection of [data.territories, data.projects, data.fundings, data.figures] as { id: string }[][]) {
      expect(new Set(collection.map((r) => r.id)).size).toBe(collection.length);
    }
  });
});
