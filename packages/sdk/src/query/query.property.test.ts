import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../testing/index.js';
import type { Dataset } from '../schemas/dataset.js';
import type { Project, ProjectStatus } from '../schemas/project.js';
import type { Territory, TerritoryKind } from '../schemas/territory.js';
import { smallDataset } from './__fixtures__/small-dataset.js';
import {
  CnrQueryError,
  compileFilters,
  computeFacets,
  createIndex,
  filterProjects,
  normalizeText,
  queryProjects,
  totalFunding,
  type DatasetIndex,
  type ProjectFilters,
  type ProjectSortKey,
} from './index.js';

// --- an independent, naive implementation of the filter rules ---------------

/** Whole-string normalization, written differently from `normalizeText`. */
function naiveNormalize(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .replaceAll('ß', 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function naiveResolve(data: Dataset, value: string): string {
  const v = value.trim();
  if (data.territories.some((t) => t.id === v)) return v;
  if (v.includes(':')) {
    const [kind, ...rest] = v.split(':');
    const code = rest.join(':').toUpperCase();
    const byCode = data.territories.find((t) => t.kind === kind?.toLowerCase() && t.code.toUpperCase() === code);
    const byId = data.territories.find((t) => t.id.toLowerCase() === v.toLowerCase());
    return byCode?.id ?? byId?.id ?? v;
  }
  for (const kind of ['region', 'departement', 'tds', 'commune', 'epci', 'pays'] as TerritoryKind[]) {
    const found = data.territories.find((t) => t.kind === kind && t.code.toUpperCase() === v.toUpperCase());
    if (found) return found.id;
  }
  return v;
}

function naiveChildren(data: Dataset, id: string): string[] {
  const byParent = data.territories.filter((t) => t.parent === id).map((t) => t.id);
  const self = data.territories.find((t) => t.id === id);
  const kindOf = (x: string): TerritoryKind | undefined => data.territories.find((t) => t.id === x)?.kind;
  const covered = (self?.covers ?? []).filter((c) => !self?.partial || kindOf(c) === 'commune');
  return [...byParent, ...covered];
}

function naiveWithin(data: Dataset, candidate: string, root: string): boolean {
  const seen = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === candidate) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...naiveChildren(data, id));
  }
  return false;
}

function naiveAxes(data: Dataset, p: Project): Set<string> {
  const parentOf = (x: string): string | undefined => data.axes.find((a) => a.subgroups?.some((s) => s.id === x))?.id;
  const out = new Set<string>();
  const add = (x: string): void => {
    out.add(x);
    const parent = parentOf(x);
    if (parent) out.add(parent);
  };
  p.axes.forEach(add);
  const solution = data.solutions.find((s) => s.id === p.solution);
  if (solution) {
    add(solution.axis);
    if (solution.subgroup) add(solution.subgroup);
  }
  return out;
}

function naiveFundings(data: Dataset, p: Project) {
  return data.fundings.filter((f) => f.projects?.includes(p.id));
}

function naiveMatches(data: Dataset, p: Project, f: ProjectFilters): boolean {
  if (f.thematique && p.thematique !== f.thematique) return false;
  if (f.solution && p.solution !== f.solution) return false;
  if (f.axes && f.axes.length > 0) {
    const axes = naiveAxes(data, p);
    if (!f.axes.some((a) => axes.has(a))) return false;
  }
  if (f.statuses && f.statuses.length > 0 && !(p.status && f.statuses.includes(p.status))) return false;
  if (f.territory) {
    const root = naiveResolve(data, f.territory);
    if (!p.territories.some((t) => naiveWithin(data, t, root))) return false;
  }
  if (f.funder && !naiveFundings(data, p).some((x) => naiveNormalize(x.funder) === naiveNormalize(f.funder!))) return false;
  if (f.yearFrom !== undefined || f.yearTo !== undefined) {
    const from = f.yearFrom ?? -Infinity;
    const to = f.yearTo ?? Infinity;
    const years: [number, number][] = [];
    const start = p.startDate ? Number(p.startDate.slice(0, 4)) : undefined;
    const end = p.endDate ? Number(p.endDate.slice(0, 4)) : undefined;
    if (start !== undefined || end !== undefined) {
      const a = start ?? end!;
      const b = end ?? start!;
      years.push([Math.min(a, b), Math.max(a, b)]);
    }
    for (const x of naiveFundings(data, p)) if (x.year !== undefined) years.push([x.year, x.year]);
    if (!years.some(([lo, hi]) => lo <= to && hi >= from)) return false;
  }
  if (f.q) {
    const text = naiveNormalize([p.title, ...p.porteurs, ...(p.partenaires ?? []), ...(p.objectifs ?? [])].join(' '));
    const words = naiveNormalize(f.q).split(' ').filter(Boolean);
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

function naiveAmount(data: Dataset, p: Project): number | undefined {
  const own = naiveFundings(data, p);
  if (own.length === 0) return undefined;
  const ownIds = new Set(own.map((f) => f.id));
  const drawnFromOwn = (id: string | undefined, seen = new Set<string>()): boolean => {
    if (id === undefined || seen.has(id)) return false;
    if (ownIds.has(id)) return true;
    seen.add(id);
    return drawnFromOwn(data.fundings.find((f) => f.id === id)?.envelope, seen);
  };
  return own
    .filter((f) => !drawnFromOwn(f.envelope))
    .reduce((sum, f) => sum + (f.kind === 'support' || f.kind === 'requested' ? 0 : f.amount), 0);
}

// --- data and arbitraries -------------------------------------------------------

interface Case {
  name: string;
  data: Dataset;
  index: DatasetIndex;
}

const cases: Case[] = [
  { name: 'fixture', data: smallDataset },
  { name: 'synthetic-1', data: generateDataset({ projects: 250, seed: 1, communesPerDepartement: 3 }) },
  { name: 'synthetic-2', data: generateDataset({ projects: 120, seed: 2, communesPerDepartement: 2 }) },
].map((c) => ({ ...c, index: createIndex(c.data) }));

const STATUSES: ProjectStatus[] = ['en-reflexion', 'en-projet', 'en-cours', 'realise'];
const SEARCH_WORDS = ['prévention', 'PREVENTION', 'œuvre', 'oeuvre', 'santé', 'diab', 'équipe', 'Épinal', 'cœur', 'soins', 'de', 'zzz', 'l’accès'];

function filtersFor(data: Dataset): fc.Arbitrary<ProjectFilters> {
  const axisValues = data.axes.flatMap((a) => [a.id, ...(a.subgroups ?? []).map((s) => s.id)]);
  const used = [...new Set(data.projects.flatMap((p) => p.territories))];
  const territoryValues = [
    ...used,
    ...used.map((id) => data.territories.find((t) => t.id === id)?.code ?? id),
    ...data.territories.map((t: Territory) => t.id),
    ...data.territories.map((t) => t.code),
    ...data.territories.slice(0, 5).map((t) => t.id.toUpperCase()),
    'nowhere',
  ];
  const funders = [...new Set(data.fundings.map((f) => f.funder))];
  const funderValues = [...funders, ...funders.map((f) => f.toUpperCase()), 'Inconnu'];
  const titleWords = [...new Set(data.projects.slice(0, 30).flatMap((p) => p.title.split(/\s+/)))];
  const word = fc.constantFrom(...SEARCH_WORDS, ...titleWords);
  const all = fc.record({
    thematique: fc.constantFrom('sante' as const, 'education' as const),
    axes: fc.subarray(axisValues, { minLength: 1, maxLength: 3 }),
    solution: fc.constantFrom(...data.solutions.map((s) => s.id), 'unknown'),
    statuses: fc.subarray(STATUSES, { minLength: 1 }),
    territory: fc.constantFrom(...territoryValues),
    funder: fc.constantFrom(...funderValues),
    yearFrom: fc.integer({ min: 2019, max: 2027 }),
    yearTo: fc.integer({ min: 2019, max: 2027 }),
    q: fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
  });
  // A few filters at a time, so that most combinations still select something.
  const keys = ['thematique', 'axes', 'solution', 'statuses', 'territory', 'funder', 'yearFrom', 'yearTo', 'q'] as const;
  return fc.tuple(all, fc.subarray([...keys], { maxLength: 3 })).map(([values, chosen]) => {
    const filters: Record<string, unknown> = {};
    for (const key of chosen) filters[key] = values[key];
    return filters as ProjectFilters;
  });
}

const anyCase = fc.constantFrom(...cases);
const withFilters = anyCase.chain((c) => fc.tuple(fc.constant(c), filtersFor(c.data)));
const sortArb = fc.constantFrom<ProjectSortKey>('title', 'date', 'amount');
const orderArb = fc.constantFrom<'asc' | 'desc'>('asc', 'desc');

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

// --- properties -------------------------------------------------------------------

describe('filterProjects (properties)', () => {
  it('returns exactly the records a naive predicate accepts, in dataset order', () => {
    fc.assert(
      fc.property(withFilters, ([c, filters]) => {
        const got = filterProjects(c.index, filters).map((p) => p.id);
        const expected = c.data.projects.filter((p) => naiveMatches(c.data, p, filters)).map((p) => p.id);
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on ill-typed filters', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('thematique', 'axes', 'solution', 'statuses', 'territory', 'funder', 'yearFrom', 'yearTo', 'q', '__proto__'),
          fc.anything(),
        ),
        (garbage) => {
          const filters = garbage as ProjectFilters;
          expect(() => filterProjects(cases[0]!.index, filters)).not.toThrow();
          expect(() => computeFacets(cases[0]!.index, filters)).not.toThrow();
          expect(() => totalFunding(cases[0]!.index, filters)).not.toThrow();
        },
      ),
    );
  });
});

describe('computeFacets (properties)', () => {
  it('agrees with filtered totals for every facet value', () => {
    fc.assert(
      fc.property(withFilters, ([c, filters]) => {
        const facets = computeFacets(c.index, filters);
        for (const { value, count } of facets.axes) {
          expect(count).toBe(filterProjects(c.index, { ...filters, axes: [value] }).length);
        }
        for (const { value, count } of facets.statuses) {
          if (value === 'inconnu') continue;
          expect(count).toBe(filterProjects(c.index, { ...filters, statuses: [value as ProjectStatus] }).length);
        }
        for (const { value, count } of facets.funders) {
          expect(count).toBe(filterProjects(c.index, { ...filters, funder: value }).length);
        }
        const statusTotal = facets.statuses.reduce((sum, s) => sum + s.count, 0);
        expect(statusTotal).toBe(filterProjects(c.index, { ...filters, statuses: [] }).length);
        const kindOf = new Map(c.data.territories.map((t) => [t.id, t.kind]));
        const withoutTerritory = filterProjects(c.index, { ...filters, territory: undefined });
        for (const { value, count } of facets.territoryKinds) {
          expect(count).toBe(withoutTerritory.filter((p) => p.territories.some((t) => kindOf.get(t) === value)).length);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('queryProjects (properties)', () => {
  it('sorts stably: a permutation of the filtered set, ordered, ties by id', () => {
    fc.assert(
      fc.property(withFilters, sortArb, orderArb, ([c, filters], sort, order) => {
        const page = queryProjects(c.index, filters, { sort, order, limit: 1000 });
        const expected = filterProjects(c.index, filters);
        expect(page.total).toBe(expected.length);
        expect(page.items.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
        const sign = order === 'desc' ? -1 : 1;
        const key = (p: Project): number | string | undefined =>
          sort === 'date' ? p.startDate : sort === 'amount' ? naiveAmount(c.data, p) : p.title;
        for (let i = 1; i < page.items.length; i++) {
          const a = page.items[i - 1]!;
          const b = page.items[i]!;
          const x = key(a);
          const y = key(b);
          let cmp: number;
          if (sort === 'title') cmp = sign * collator.compare(x as string, y as string);
          else if (x === y) cmp = 0;
          else if (x === undefined) cmp = 1;
          else if (y === undefined) cmp = -1;
          else cmp = sign * (x < y ? -1 : 1);
          expect(cmp).toBeLessThanOrEqual(0);
          if (cmp === 0) expect(a.id < b.id).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('visits every item exactly once when following cursors', () => {
    fc.assert(
      fc.property(withFilters, sortArb, orderArb, fc.integer({ min: 1, max: 40 }), ([c, filters], sort, order, limit) => {
        const all = queryProjects(c.index, filters, { sort, order, limit: 1000 }).items.map((p) => p.id);
        const seen: string[] = [];
        let page = queryProjects(c.index, filters, { sort, order, limit });
        seen.push(...page.items.map((p) => p.id));
        while (page.nextCursor !== undefined) {
          page = queryProjects(c.index, filters, { sort, order, limit, cursor: page.nextCursor });
          expect(page.items.length).toBeGreaterThan(0);
          seen.push(...page.items.map((p) => p.id));
        }
        expect(seen).toEqual(all);
        expect(new Set(seen).size).toBe(seen.length);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects a cursor issued for other filters or another sort', () => {
    fc.assert(
      fc.property(
        anyCase.chain((c) => fc.tuple(fc.constant(c), filtersFor(c.data), sortArb, filtersFor(c.data), sortArb)),
        ([c, fa, sa, fb, sb]) => {
        const first = queryProjects(c.index, fa, { sort: sa, limit: 1 });
        if (first.nextCursor === undefined) return;
        const same = compileFilters(c.index, fa).canonical === compileFilters(c.index, fb).canonical && sa === sb;
        if (same) expect(queryProjects(c.index, fb, { sort: sb, cursor: first.nextCursor }).offset).toBe(1);
        else expect(() => queryProjects(c.index, fb, { sort: sb, cursor: first.nextCursor })).toThrow(CnrQueryError);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('totalFunding (properties)', () => {
  it('sums each record once, never a record and an envelope it is drawn from', () => {
    fc.assert(
      fc.property(withFilters, ([c, filters]) => {
        const result = totalFunding(c.index, filters);
        expect(new Set(result.fundings).size).toBe(result.fundings.length);
        const byId = new Map(c.data.fundings.map((f) => [f.id, f]));
        const listed = new Set(result.fundings);
        const selected = new Set(filterProjects(c.index, filters).map((p) => p.id));
        let sum = 0;
        for (const id of result.fundings) {
          const funding = byId.get(id)!;
          sum += 'amount' in funding ? funding.amount : 0;
          for (let e = funding.envelope, hops = 0; e !== undefined && hops < 50; e = byId.get(e)?.envelope, hops++) {
            expect(listed.has(e)).toBe(false);
          }
          if (funding.projects && funding.projects.length > 0) {
            expect(funding.projects.some((p) => selected.has(p))).toBe(true);
          }
        }
        expect(result.total).toBeCloseTo(sum, 2);
        expect(result.byFunder.reduce((s, f) => s + f.total, 0)).toBeCloseTo(result.total, 2);
      }),
      { numRuns: 200 },
    );
  });
});

describe('normalizeText (properties)', () => {
  const frenchChar = fc.constantFrom(
    ...'aàâäbcçdeéèêëfghiîïjklmnoôöpqrstuùûüvwxyÿzœæß AÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ0123456789’\'-–—,.;:!?()«»\u00a0\u0301\u0327'.split(''),
  );
  const frenchText = fc.array(frenchChar, { maxLength: 60 }).map((chars) => chars.join(''));

  it('matches a whole-string reference implementation, and is idempotent', () => {
    fc.assert(
      fc.property(frenchText, (s) => {
        const n = normalizeText(s);
        expect(n).toBe(naiveNormalize(s));
        expect(normalizeText(n)).toBe(n);
        expect(n).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and stays linear on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const n = normalizeText(s);
        expect(n).toBe(n.trim());
        expect(n.includes('  ')).toBe(false);
      }),
    );
  });
});
