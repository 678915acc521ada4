// Funding kinds and unattributed figures in the sums (issue 17): a requested
// amount or a support never adds to a total, and a figure whose territory the
// text does not state is in no territory's sum.
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../schemas/dataset.js';
import { smallDataset } from './__fixtures__/small-dataset.js';
import { territoryBreakdown } from './breakdown.js';
import { createIndex } from './dataset-index.js';
import { sumFigures, unattributedFigures } from './figures.js';
import { totalFunding } from './funding.js';
import { queryProjects } from './query.js';
import { parseDataset } from '../validation/index.js';

const source = { document: 'doc-1', excerpt: 'extrait' };
const data: Dataset = {
  ...smallDataset,
  fundings: [
    ...smallDataset.fundings,
    // « les projets déposés représentent plus de 210 millions d’euros »: a demand.
    { id: 'demande-ge', kind: 'requested', thematique: 'sante', label: 'Demandé', funder: 'Porteurs', amount: 9_000_000, year: 2023, territory: 'region:44', source },
    // « soutenus par l’ARS en 2023 »: no amount.
    { id: 'appui-p3', kind: 'support', thematique: 'sante', label: 'Soutien', funder: 'ARS Grand Est', year: 2023, territory: 'region:44', projects: ['p3'], source },
    // A delegated share of a national envelope, and engaged money.
    { id: 'etat-national', kind: 'envelope', thematique: 'sante', label: 'Enveloppe', funder: 'État', amount: 30_000_000, year: 2023, territory: 'pays:FR', source },
    { id: 'delegue-32', kind: 'delegated', thematique: 'sante', label: 'Délégué', funder: 'ARS HdF', amount: 2_600_000, year: 2023, territory: 'region:32', envelope: 'etat-national', derivation: { kind: 'deduced', reasoning: 'Même fonds, mêmes projets.', fields: ['envelope'] }, source },
    { id: 'engage-52', kind: 'engaged', thematique: 'sante', label: 'Engagé', funder: 'ARS PdL', amount: 70_000, year: 2023, territory: 'region:52', source },
  ],
  figures: [
    ...smallDataset.figures,
    { id: 'carte-bloc', thematique: 'sante', phase: 'acte-1', participants: 99_999, propositions: 777, derivation: { kind: 'unattributed', position: '3e bloc', candidateTerritory: 'region:44' }, source },
    // Marked unattributed although a territory was left in: still never summed.
    { id: 'carte-bloc-marque', thematique: 'sante', territory: 'departement:54', phase: 'acte-1', propositions: 5_555, derivation: { kind: 'unattributed' }, source },
  ],
};
const index = createIndex(data);
const base = createIndex(smallDataset);

describe('funding kinds in totals', () => {
  it('never sums a requested amount or a support; sums delegated and engaged amounts', () => {
    expect(totalFunding(index, { territory: 'region:44' })).toEqual(totalFunding(base, { territory: 'region:44' }));
    expect(totalFunding(index, { territory: 'region:32' })).toMatchObject({ total: 2_600_000, fundings: ['delegue-32'] });
    expect(totalFunding(index, { territory: 'region:52' }).fundings).toContain('engage-52');
  });

  it('never sums a share with the envelope it names', () => {
    const all = totalFunding(index);
    expect(all.fundings).toContain('etat-national');
    expect(all.fundings).not.toContain('delegue-32');
    expect(all.fundings).not.toContain('demande-ge');
    expect(all.fundings).not.toContain('appui-p3');
    expect(all.total).toBe(totalFunding(base).total + 30_000_000 + 70_000);
  });

  it('a project with only a support has no amount (not « 0 € »)', () => {
    const sorted = queryProjects(index, {}, { sort: 'amount', limit: 100 }).items.map((p) => p.id);
    const before = queryProjects(base, {}, { sort: 'amount', limit: 100 }).items.map((p) => p.id);
    expect(sorted).toEqual(before);
  });
});

describe('unattributed figures', () => {
  it('are in no territory’s sum, not even everywhere’s, nor in a breakdown row', () => {
    for (const territory of [undefined, 'FR', 'region:44', 'departement:54', 'departement:88']) {
      const q = territory === undefined ? {} : { territory };
      expect(sumFigures(index, q), String(territory)).toEqual(sumFigures(base, q));
    }
    const figures = (rows: ReturnType<typeof territoryBreakdown>) =>
      rows.map((r) => [r.territoryId, r.participants, r.propositions, r.figuresKnown]);
    for (const level of ['region', 'departement'] as const) {
      expect(figures(territoryBreakdown(index, {}, level))).toEqual(figures(territoryBreakdown(base, {}, level)));
    }
  });

  it('are listed by unattributedFigures, for a « non attribué » view', () => {
    expect(unattributedFigures(index).map((r) => r.id)).toEqual(['carte-bloc', 'carte-bloc-marque']);
    expect(unattributedFigures(index, { phase: 'acte-2' })).toEqual([]);
    expect(unattributedFigures(base)).toEqual([]);
  });
});

describe('files of the previous format, and a deduction without its reasoning', () => {
  it('a file of the previous format (kinds envelope/allocation, free phases, no derivation) reads with no problem', () => {
    expect(parseDataset(smallDataset).report.problems).toEqual([]);
  });

  it('refuses a deduced value without its reasoning, saying which record and field', () => {
    const bad = {
      ...smallDataset,
      figures: [{ ...smallDataset.figures[0]!, derivation: { kind: 'deduced', fields: ['territory'] } }],
      fundings: [{ ...smallDataset.fundings[0]!, kind: 'support', amount: undefined }, { ...smallDataset.fundings[1]!, kind: 'engaged', amount: undefined }],
    };
    const { report } = parseDataset(bad);
    expect(report.problems.map((p) => [p.collection, p.id, p.path.join('.')])).toEqual([
      ['fundings', 'alloc-1', 'amount'],
      ['figures', 'fig-ge', 'derivation.reasoning'],
    ]);
  });
});
