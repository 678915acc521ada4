import dataset from '@cnr-widgets/data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASET_CSV_COLUMNS, datasetFromCsv, datasetToCsv, isDatasetCsv } from './dataset.js';

const reference = dataset as unknown as Record<string, Record<string, unknown>[]>;
const without = (records: Record<string, unknown>[], field: string) =>
  records.map((record) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== field)));

describe('the one-sheet CSV form', () => {
  it('round-trips the reference dataset’s records of every collection it holds', () => {
    const collections = {
      documents: without(reference['documents']!, 'file'),
      territories: reference['territories']!.filter((t) => !('partial' in t) && !('source' in t)),
      projects: reference['projects']!,
      fundings: reference['fundings']!,
      figures: reference['figures']!,
      milestones: reference['milestones']!,
    };
    const text = datasetToCsv(collections, { separator: ';', escapeFormulas: false });
    expect(isDatasetCsv(text)).toBe(true);
    const read = datasetFromCsv(text);
    expect(read.problems).toEqual([]);
    expect(read.collections).toEqual(collections);
    expect(read.rows.documents).toEqual([2, 3, 4, 5, 6]);
  });

  it('round-trips arbitrary text in titles and excerpts, with either separator', () => {
    const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && !/^[=+\-@\t\r＝＋－＠]/.test(s));
    fc.assert(
      fc.property(text, text, fc.constantFrom(',' as const, ';' as const), (title, excerpt, separator) => {
        const project = { id: 'p', thematique: 'sante', title, porteurs: [], axes: [], territories: ['departement:05'], source: { document: 'd', excerpt } };
        const read = datasetFromCsv(datasetToCsv({ projects: [project] }, { separator }));
        expect(read.collections.projects).toEqual([project]);
      }),
      { numRuns: 300 },
    );
  });

  it('says which rows it cannot place and which cells it ignores', () => {
    const header = DATASET_CSV_COLUMNS.join(',');
    const cells = (values: Record<string, string>) => DATASET_CSV_COLUMNS.map((column) => values[column] ?? '').join(',');
    const text = [
      header,
      cells({ collection: 'projet', id: 'p-1', title: 'Titre', territories: 'departement:05', amount: '12' }),
      cells({ collection: 'budget', id: 'x' }),
    ].join('\n');
    const read = datasetFromCsv(text);
    expect(read.collections.projects).toEqual([{ id: 'p-1', title: 'Titre', porteurs: [], axes: [], territories: ['departement:05'] }]);
    expect(read.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [2, 'amount', 'warning'],
      [3, 'collection', 'error'],
    ]);
    expect(read.problems[1]!.message.fr).toContain('Collection inconnue « budget »');
  });
});
