// The reference dataset (@cnr-widgets/data) validates with the SDK's schemas:
// every record, every reference, zero problems.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { mergeDataset } from '../../data/scripts/merge.mjs';
import { createIndex, formatProblem, parseDataset, sumFigures } from '../src/index.js';
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
