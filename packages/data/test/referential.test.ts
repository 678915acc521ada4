// The referential module (`@cnr-widgets/data/referential`): what a producer's own file inherits.
import { describe, expect, it } from 'vitest';
import { mergeDataset, referentialOf } from '../scripts/merge.mjs';

describe('referentialOf', () => {
  const dataset = mergeDataset();
  const referential = referentialOf(dataset);

  it('holds pays, régions, départements and TDS, the axes and solutions, and no project', () => {
    const kinds = new Set(referential.territories.map((t) => t['kind']));
    expect([...kinds].sort()).toEqual(['departement', 'pays', 'region', 'tds']);
    expect(referential.territories.filter((t) => t['kind'] === 'region')).toHaveLength(18);
    expect(referential.territories.filter((t) => t['kind'] === 'departement')).toHaveLength(101);
    expect(referential.axes).toHaveLength(dataset.axes.length);
    expect(referential.solutions).toHaveLength(dataset.solutions.length);
    for (const name of ['projects', 'fundings', 'figures', 'milestones', 'instances'] as const) expect(referential[name]).toEqual([]);
  });

  it('keeps exactly the documents its records cite, so that it stands on its own', () => {
    const ids = new Set(referential.documents.map((d) => d.id));
    const cited = [...referential.territories, ...referential.axes, ...referential.solutions]
      .map((r) => r.source?.document)
      .filter((id): id is string => id !== undefined);
    expect(new Set(cited)).toEqual(ids);
  });
});
