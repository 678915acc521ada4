// The reference dataset (@cnr-widgets/data) validates with the SDK's schemas:
// every record, every reference, zero problems.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { mergeDataset } from '../../data/scripts/merge.mjs';
import { createIndex, formatProblem, parseDataset, sumFigures, territoryBreakdown, totalFunding, unattributedFigures } from '../src/index.js';
import { COLLECTION_NAMES, Dataset } from '../src/schemas/index.js';

/** The dataset merged from the data package's JSON sources (no build needed). */
const merged = mergeDataset();

/** The built file, when `pnpm --filter @cnr-widgets/data build` has run. */
const builtPath = fileURLToPath(new URL('../../data/dist/cnr-dataset.json', import.meta.url));
const built: unknown = existsSync(builtPath) ? JSON.parse(readFileSync(builtPath, 'utf8')) : undefined;

function expectValid(input: unknown): void {
  const result = z.safeParse(Dataset, input);
  expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);

  const { dataset, report } = parseDataset(input);
  expect(report.problems.map((problem) => formatProblem(problem, 'en'))).toEqual([]);
  const source = input as Record<string, unknown[]>;
  for (const name of COLLECTION_NAMES) {
    expect(dataset[name].length, name).toBe(source[name]!.length);
    expect(report.counts[name]?.invalid ?? 0, name).toBe(0);
  }
}

describe('reference dataset (@cnr-widgets/data)', () => {
  it('validates with Dataset and parseDataset, with zero problems', () => {
    expectValid(merged);
  });

  // Under CI (`CI=true`) the build ran first (scripts/test.sh): a missing build fails, it is not skipped.
  it.runIf(built !== undefined || /^(true|1)$/i.test(process.env['CI'] ?? ''))('the built dist/cnr-dataset.json validates too and matches the sources', () => {
    expect(built !== undefined, 'packages/data/dist/cnr-dataset.json is missing: run `pnpm build` first').toBe(true);
    expectValid(built);
    expect(built).toEqual(merged);
  });

  it('keeps every field through validation (no field unknown to the schemas)', () => {
    const { dataset } = parseDataset(merged);
    expect(JSON.parse(JSON.stringify(dataset))).toEqual(merged);
  });
});

describe('figures of the reference dataset', () => {
  const { dataset } = parseDataset(merged);
  const index = createIndex(dataset);

  it('takes the latest national report instead of adding cumulative reports', () => {
    // Brochure: « plus de 250 réunions » in Acte I, then « Plus de 450 réunions se sont déjà tenues ».
    expect(sumFigures(index, { territory: 'FR', thematique: 'sante' })).toMatchObject({ reunions: 450 });
    expect(sumFigures(index, { territory: 'FR', thematique: 'sante', phase: 'acte-1' })).toMatchObject({ reunions: 250 });
  });

  it('gives Grand Est its press-kit figures', () => {
    // « 44 dialogues territoriaux et 3 rencontres régionales », « Plus de 1 100 participants », « plus de 1 700 contributions ».
    expect(sumFigures(index, { territory: '44', thematique: 'sante', phase: 'acte-1' })).toMatchObject({
      reunions: 47,
      participants: 1100,
      contributions: 1700,
    });
  });
});

describe('figures of a région without a phase', () => {
  const index = createIndex(parseDataset(merged).dataset);

  it('keeps the région’s own report over a later département event', () => {
    // Moselle's « environ 100 participants » at a 2023 event must not replace Grand Est's « Plus de 1 100 participants ».
    expect(sumFigures(index, { territory: '44', thematique: 'sante' })).toMatchObject({ participants: 1100, reunions: 47 });
  });
});

describe('nothing counted that the documents do not attribute, nothing counted twice', () => {
  const { dataset } = parseDataset(merged);
  const index = createIndex(dataset);
  const unattributed = new Set(dataset.figures.filter((f) => f.derivation?.kind === 'unattributed').map((f) => f.id));
  /** Every territory a sum can be asked for, and « everywhere ». */
  const scopes: (string | undefined)[] = [undefined, ...dataset.territories.map((t) => t.id)];

  it('no unattributed figure is in any territory’s sum, nor in a breakdown row', () => {
    expect(unattributed.size).toBeGreaterThan(10);
    for (const territory of scopes) {
      for (const phase of [undefined, 'acte-1']) {
        const total = sumFigures(index, { ...(territory ? { territory } : {}), ...(phase ? { phase } : {}) });
        expect(total.records.filter((id) => unattributed.has(id)), `${territory} ${phase}`).toEqual([]);
      }
    }
    // Île-de-France is the candidate of the block beside its survey: a candidate only, never its figures.
    expect(sumFigures(index, { territory: 'region:11' }).participants).toBeUndefined();
    expect(sumFigures(index, { territory: 'FR', phase: 'acte-1' }).participants).toBe(10_000);
    for (const level of ['region', 'departement'] as const) {
      const rows = territoryBreakdown(index, {}, level);
      const ile = rows.find((r) => r.territoryId === 'region:11');
      if (ile) expect([ile.participants, ile.propositions]).toEqual([undefined, undefined]);
    }
  });

  it('no amount is summed with the envelope it is a share of; requested amounts and support are never summed', () => {
    const byId = new Map(dataset.fundings.map((f) => [f.id, f]));
    for (const territory of scopes) {
      for (const thematique of [undefined, 'sante', 'education'] as const) {
        const total = totalFunding(index, { ...(territory ? { territory } : {}), ...(thematique ? { thematique } : {}) });
        const listed = new Set(total.fundings);
        for (const id of total.fundings) {
          const funding = byId.get(id)!;
          expect(['envelope', 'delegated', 'engaged', 'allocation'], id).toContain(funding.kind);
          if (funding.envelope) expect(listed.has(funding.envelope), `${territory}: ${id} with ${funding.envelope}`).toBe(false);
        }
      }
    }
    // Everywhere: the State’s 30 M€ (which holds the 2,6 M€ of Hauts-de-France and the 1 M€ of Grand Est),
    // PACA’s 2,9 M€ and the 500 M€ fund (which holds the 47 M€); not the 210 M€ that projects represent.
    expect(totalFunding(index)).toMatchObject({ total: 532_900_000 });
    expect(totalFunding(index, { territory: 'region:32' })).toMatchObject({ total: 2_600_000, fundings: ['ars-hauts-de-france-fir'] });
    expect(totalFunding(index, { territory: 'region:44' })).toMatchObject({ total: 1_000_000 });
  });
});

describe('a « non attribué » view', () => {
  const index = createIndex(parseDataset(merged).dataset);
  it('lists the map’s blocks whose région the text does not give, and only them', () => {
    const records = unattributedFigures(index, { thematique: 'sante', phase: 'acte-1' });
    expect(records).toHaveLength(14);
    expect(records.every((r) => r.territory === undefined && r.derivation?.kind === 'unattributed')).toBe(true);
    expect(records.filter((r) => r.derivation?.kind === 'unattributed' && r.derivation.candidateTerritory).length).toBe(2);
    expect(unattributedFigures(index, { thematique: 'education' })).toEqual([]);
  });
});

describe('« déduit »: totals say which of their values rest on a deduction', () => {
  const index = createIndex(parseDataset(merged).dataset);

  it('PACA’s 77 propositions are deduced from the map, with the reasoning; its stated figures are not', () => {
    const paca = sumFigures(index, { territory: '93', phase: 'acte-1' });
    expect(paca.propositions).toBe(77);
    expect(paca.deduced?.map((d) => [d.metric, d.record])).toEqual([['propositions', 'paca-acte-1-propositions']]);
    expect(paca.deduced?.[0]?.reasoning).toMatch(/25 RÉUNIONS TERRITORIALES/);
    // A deduced date (Acte I's period, from the key-dates graphic) does not make France's numbers deduced;
    // France states no propositions, so its total is the régions' — PACA's deduced 77.
    expect(sumFigures(index, { territory: 'FR', phase: 'acte-1' }).deduced?.map((d) => d.metric)).toEqual(['propositions']);
  });

  it('funding: the deduced funder and envelope links are listed, summed or left out for their envelope', () => {
    expect(totalFunding(index).deduced?.map((d) => d.funding).sort()).toEqual([
      'ars-grand-est-fir-2023',
      'ars-hauts-de-france-fir',
      'fonds-innovation-pedagogique',
      'fonds-innovation-pedagogique-attribue',
    ]);
    expect(totalFunding(index, { territory: '93' }).deduced).toBeUndefined();
  });
});
