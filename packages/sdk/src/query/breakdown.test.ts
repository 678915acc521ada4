import { describe, expect, it } from 'vitest';
import { generateDataset } from '../testing/index.js';
import { smallDataset } from './__fixtures__/small-dataset.js';
import {
  createIndex,
  filterProjects,
  sumFigures,
  territoryBreakdown,
  totalFunding,
  type ProjectFilters,
  type TerritoryBreakdownRow,
} from './index.js';

const index = createIndex(smallDataset);
const byId = (rows: TerritoryBreakdownRow[]) => new Map(rows.map((row) => [row.territoryId, row]));

describe('territoryBreakdown', () => {
  it('gives one row per région of the referential, in dataset order, with code, id and name', () => {
    const rows = territoryBreakdown(index, {}, 'region');
    expect(rows.map((r) => [r.code, r.territoryId, r.name])).toEqual([
      ['44', 'region:44', 'Grand Est'],
      ['52', 'region:52', 'Pays de la Loire'],
      ['32', 'region:32', 'Hauts-de-France'],
    ]);
  });

  it('counts a project for every territory it lies in, with the hierarchy', () => {
    const regions = byId(territoryBreakdown(index, {}, 'region'));
    // p1 commune, p2 département, p3 département 54, p5 TDS, p7 and p8 région, p9 EPCI, p10 commune.
    expect(regions.get('region:44')!.projects).toBe(8);
    expect(regions.get('region:52')!.projects).toBe(1);
    expect(regions.get('region:32')!.projects).toBe(1);

    const departments = byId(territoryBreakdown(index, {}, 'departement'));
    expect([...departments.keys()]).toEqual(['departement:88', 'departement:54', 'departement:44', 'departement:59', 'departement:2A']);
    // p9 names an EPCI of the Vosges and Corse-du-Sud: it counts once in each.
    expect(departments.get('departement:2A')!.projects).toBe(1);
    expect(departments.get('departement:59')!.projects).toBe(1);
    // p1, p2, p9, p10 — and p5, on the TDS that covers only the Vosges.
    expect(departments.get('departement:88')!.projects).toBe(5);
  });

  it('agrees with the territory filter, except for a project on a TDS covering one département', () => {
    for (const level of ['region', 'departement'] as const) {
      for (const row of territoryBreakdown(index, { thematique: 'sante' }, level)) {
        const listed = filterProjects(index, { thematique: 'sante', territory: row.territoryId }).length;
        // The département filter is downward only: it does not list p5 (on TDS Vosges).
        expect(row.projects, row.territoryId).toBe(row.territoryId === 'departement:88' ? listed + 1 : listed);
      }
    }
  });

  it('counts a TDS covering several départements for its région only', () => {
    const dataset = {
      ...smallDataset,
      territories: [
        ...smallDataset.territories,
        {
          id: 'tds:lorraine-sud',
          kind: 'tds' as const,
          code: 'lorraine-sud',
          name: 'TDS Lorraine Sud',
          parent: 'region:44',
          covers: ['departement:88', 'departement:54'],
        },
      ],
      projects: [{ ...smallDataset.projects[0]!, id: 'tds-project', territories: ['tds:lorraine-sud'] }],
    };
    const small = createIndex(dataset);
    const departments = byId(territoryBreakdown(small, {}, 'departement'));
    expect(departments.get('departement:88')!.projects).toBe(0);
    expect(departments.get('departement:54')!.projects).toBe(0);
    expect(byId(territoryBreakdown(small, {}, 'region')).get('region:44')!.projects).toBe(1);
  });

  it('sums funding with totalFunding’s rule for each territory, and tells « no data » from 0', () => {
    for (const filters of [{}, { axes: ['sante-4'] }, { yearFrom: 2023 }] as ProjectFilters[]) {
      for (const level of ['region', 'departement'] as const) {
        for (const row of territoryBreakdown(index, filters, level)) {
          const expected = totalFunding(index, { ...filters, territory: row.territoryId });
          expect(row.funding, `${row.territoryId} ${JSON.stringify(filters)}`).toBe(expected.total);
          expect(row.fundingKnown).toBe(expected.fundings.length > 0);
        }
      }
    }
    const regions = byId(territoryBreakdown(index, {}, 'region'));
    // The Grand Est envelope contains its allocations; the State's 30 000 € are on top.
    expect(regions.get('region:44')).toMatchObject({ funding: 1_030_000, fundingKnown: true });
    expect(regions.get('region:32')).toMatchObject({ funding: 0, fundingKnown: false });
    // With a filter on the projects themselves, envelopes no longer count.
    expect(byId(territoryBreakdown(index, { axes: ['sante-4'] }, 'region')).get('region:52')).toMatchObject({
      projects: 0,
      funding: 0,
      fundingKnown: false,
    });
  });

  it('takes participants and propositions from sumFigures, absent when no record states them', () => {
    const departments = byId(territoryBreakdown(index, { thematique: 'sante' }, 'departement'));
    for (const row of departments.values()) {
      const figures = sumFigures(index, { territory: row.territoryId, thematique: 'sante' });
      expect(row.participants).toBe(figures.participants);
      expect(row.propositions).toBe(figures.propositions);
      expect(row.figuresKnown).toBe(figures.records.length > 0);
    }
    expect(departments.get('departement:54')).toMatchObject({ participants: 200, propositions: 15, figuresKnown: true });
    const vosges = departments.get('departement:88')!;
    expect(vosges.participants).toBe(300);
    expect('propositions' in vosges).toBe(false);
    const nord = departments.get('departement:59')!;
    expect(nord.figuresKnown).toBe(false);
    expect('participants' in nord).toBe(false);
  });

  it('limits the rows to the territories at, below or covered by the territory filter', () => {
    const codes = (filters: ProjectFilters, level: 'region' | 'departement') =>
      territoryBreakdown(index, filters, level).map((r) => r.territoryId);
    expect(codes({ territory: '44' }, 'departement')).toEqual(['departement:88', 'departement:54']);
    expect(codes({ territory: 'departement:44' }, 'departement')).toEqual(['departement:44']);
    expect(codes({ territory: 'tds:hdf-hainaut' }, 'departement')).toEqual(['departement:59']);
    expect(codes({ territory: 'region:52' }, 'region')).toEqual(['region:52']);
    expect(codes({ territory: 'nowhere' }, 'region')).toEqual([]);
    // The rows' figures do not depend on the filter territory.
    expect(territoryBreakdown(index, { territory: '44' }, 'departement')[0]).toEqual(
      territoryBreakdown(index, {}, 'departement')[0],
    );
  });

  it('agrees with filterProjects and totalFunding on a synthetic dataset', () => {
    const synthetic = createIndex(generateDataset({ projects: 600, seed: 5 }));
    const filters: ProjectFilters = { statuses: ['en-cours', 'realise'] };
    const tdsProjects = new Set(
      synthetic.projects.filter((p) => p.territories.some((t) => t.startsWith('tds:'))).map((p) => p.id),
    );
    for (const row of territoryBreakdown(synthetic, filters, 'region')) {
      expect(row.projects).toBe(filterProjects(synthetic, { ...filters, territory: row.territoryId }).length);
      expect(row.funding).toBe(totalFunding(synthetic, { ...filters, territory: row.territoryId }).total);
    }
    for (const row of territoryBreakdown(synthetic, filters, 'departement')) {
      const listed = filterProjects(synthetic, { ...filters, territory: row.territoryId }).length;
      if (tdsProjects.size === 0) expect(row.projects).toBe(listed);
      else expect(row.projects).toBeGreaterThanOrEqual(listed);
    }
  });
});
