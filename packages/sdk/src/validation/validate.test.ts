import dataset from '@cnr-widgets/data';
import { referential } from '@cnr-widgets/data/referential';
import { describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../testing/index.js';
import { mergeDocumentsLazily, parseDatasetLazily } from './validate.js';

/** How many times zod's side (explain.ts, with zod/mini and its messages) and the texts of the other problems were loaded. */
const loads = vi.hoisted(() => ({ explain: 0, texts: 0 }));
vi.mock('./explain.js', async (importOriginal) => {
  loads.explain += 1;
  return importOriginal();
});
vi.mock('./problem-texts.js', async (importOriginal) => {
  loads.texts += 1;
  return importOriginal();
});

const synthetic = generateDataset({ projects: 200, seed: 3, communesPerDepartement: 1 });

describe('the lazy validation (browsers): zod only for a doubtful record', () => {
  it('validates the embedded and a synthetic dataset without loading zod', async () => {
    const embedded = await parseDatasetLazily(structuredClone(dataset));
    const generated = await parseDatasetLazily(structuredClone(synthetic), { base: referential as never });
    expect(loads).toEqual({ explain: 0, texts: 0 });
    expect(embedded.report.problems).toEqual([]);
    expect(embedded.dataset.projects).toHaveLength(dataset.projects.length);
    expect(generated.dataset.projects).toHaveLength(synthetic.projects.length);
  });

  it('loads the texts, not zod, for a document whose records are valid but whose references do not resolve', async () => {
    const document = structuredClone(synthetic) as unknown as Record<string, unknown[]>;
    const project = (document['projects'] as Record<string, unknown>[])[0]!;
    project['territories'] = ['departement:999'];
    const lazy = await parseDatasetLazily(document, { base: referential as never });
    expect(loads).toEqual({ explain: 0, texts: 1 });
    expect(lazy.report.problems).toEqual([
      expect.objectContaining({ collection: 'projects', index: 0, id: project['id'], path: ['territories', 0], severity: 'error' }),
    ]);
    expect(lazy.report.problems[0]!.message.fr).toContain('departement:999');
    expect(lazy.dataset.projects).toHaveLength(synthetic.projects.length);
  });

  it('loads zod for a malformed record and reports it as parseDataset does, the valid records kept', async () => {
    const document = structuredClone(synthetic) as unknown as Record<string, unknown[]>;
    const projects = document['projects'] as Record<string, unknown>[];
    projects[3] = { ...projects[3], title: '', territories: 'departement:57' };
    document['fundings']!.push({ id: 'sans-montant', kind: 'allocation' });
    const lazy = await parseDatasetLazily(document, { src: 'ars.json' });
    expect(loads.explain).toBe(1);
    expect(loads.texts).toBe(1);
    const { parseDataset } = await import('./parse.js');
    const eager = parseDataset(document, { src: 'ars.json' });
    expect(lazy).toStrictEqual(eager);
    expect(lazy.dataset.projects).toHaveLength(synthetic.projects.length - 1);
    const titles = lazy.report.problems.filter((p) => p.collection === 'projects' && p.index === 3);
    expect(titles.map((p) => p.path)).toEqual([['title'], ['territories']]);
    expect(titles[0]!.id).toBe(projects[3]!['id']);
    expect(titles[0]!.message.fr).not.toBe('');
  });

  it('merges several documents like mergeDocuments, an unusable one left out', async () => {
    const parts = [
      { src: 'a.json', document: structuredClone(synthetic) },
      { src: 'b.json', document: { version: '1', generatedAt: 'hier', projects: [{ id: 'x' }] } },
      { src: 'c.json', document: { projects: 'none' } },
    ];
    const lazy = await mergeDocumentsLazily(parts, referential as never, { skipUnusable: true });
    const { mergeDocuments } = await import('./parse.js');
    expect(lazy).toStrictEqual(mergeDocuments(parts, referential as never, { skipUnusable: true }));
    expect(lazy.unusable.map((u) => u.src)).toEqual(['c.json']);
    expect(lazy.report.problems.some((p) => p.src === 'b.json' && p.path[0] === 'generatedAt' && p.severity === 'warning')).toBe(true);
  });
});
