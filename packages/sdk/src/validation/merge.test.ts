// A producer's document stands on the reference (@cnr-widgets/data/referential).
import referential from '@cnr-widgets/data/referential';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../schemas/dataset.js';
import { createIndex, filterProjects } from '../query/index.js';
import { mergeDocuments, parseDataset } from './parse.js';

const base = referential as unknown as Dataset;
const source = { document: 'ars-pdl-2024', excerpt: 'La phrase du document qui le dit.' };

function producer(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '2024-03',
    generatedAt: '2024-03-01T09:00:00+01:00',
    publisher: 'ARS Pays de la Loire',
    documents: [{ id: 'ars-pdl-2024', title: 'Bilan du CNR santé 2024', publisher: 'ARS Pays de la Loire', date: '2024-03' }],
    projects: [
      { id: 'pdl-1', thematique: 'sante', title: 'Médicobus', porteurs: ['CPTS'], axes: ['sante-1'], territories: ['departement:44'], source },
      { id: 'pdl-2', thematique: 'sante', title: 'Maison de santé', porteurs: [], axes: [], territories: ['region:52'], source },
      { id: 'pdl-3', thematique: 'sante', title: 'Centre de santé', porteurs: [], axes: ['sante-3'], territories: ['commune:49007'], source },
    ],
    ...extra,
  };
}

describe('parseDataset over the reference', () => {
  it('accepts references to reference territories and axes without repeating them', () => {
    const { dataset, report } = parseDataset(producer(), { base });
    expect(report.problems).toEqual([]);
    expect(report.counts['projects']).toEqual({ valid: 3, invalid: 0 });
    expect(report.counts['territories']).toEqual({ valid: 0, invalid: 0 });
    expect(dataset.documents.map((d) => d.id)).toContain('ars-pdl-2024');
    expect(dataset.axes.map((a) => a.id)).toContain('sante-1');
  });

  it('places a commune in its département and région from its INSEE code', () => {
    const { dataset } = parseDataset(producer(), { base });
    expect(dataset.territories.find((t) => t.id === 'commune:49007')).toEqual({
      id: 'commune:49007',
      kind: 'commune',
      code: '49007',
      name: 'commune 49007',
      parent: 'departement:49',
    });
    const index = createIndex(dataset);
    expect(filterProjects(index, { territory: 'region:52' }).map((p) => p.id).sort()).toEqual(['pdl-1', 'pdl-2', 'pdl-3']);
    expect(filterProjects(index, { territory: 'departement:49' }).map((p) => p.id)).toEqual(['pdl-3']);
    expect(filterProjects(index, { territory: 'departement:44' }).map((p) => p.id)).toEqual(['pdl-1']);
  });

  it('keeps a commune record the producer names, and gives it its parent', () => {
    const { dataset, report } = parseDataset(
      producer({ territories: [{ id: 'commune:49007', kind: 'commune', code: '49007', name: 'Angers' }] }),
      { base },
    );
    expect(report.problems).toEqual([]);
    expect(dataset.territories.filter((t) => t.id === 'commune:49007')).toEqual([
      { id: 'commune:49007', kind: 'commune', code: '49007', name: 'Angers', parent: 'departement:49' },
    ]);
  });

  it('ignores a repeated reference record, even one that differs: the reference is kept', () => {
    const loire = base.territories.find((t) => t.id === 'departement:44')!;
    const same = parseDataset(producer({ territories: [loire] }), { base });
    expect(same.report.problems).toEqual([]);
    const renamed = parseDataset(producer({ territories: [{ ...loire, name: 'Loire-Inférieure' }] }), { base });
    expect(renamed.report.problems).toEqual([]);
    expect(renamed.report.counts['territories']).toEqual({ valid: 0, invalid: 0 });
    expect(renamed.dataset.territories.filter((t) => t.id === 'departement:44').map((t) => t.name)).toEqual(['Loire-Atlantique']);
  });

  it('reports exactly an unknown commune code, a misspelt axis, a duplicate id and a negative amount', () => {
    const doc = producer();
    const projects = doc['projects'] as Record<string, unknown>[];
    projects.push(
      { ...projects[0], id: 'pdl-4', territories: ['commune:96001'] },
      { ...projects[0], id: 'pdl-5', axes: ['sante1'] },
      { ...projects[0], id: 'pdl-1' },
    );
    doc['fundings'] = [
      { id: 'f-1', kind: 'allocation', thematique: 'sante', label: 'FIR', funder: 'ARS', amount: -5, territory: 'region:52', source },
    ];
    const { report } = parseDataset(doc, { base });
    expect(report.problems.map((p) => [p.collection, p.id, p.path.join('.')])).toEqual([
      ['projects', 'pdl-1', 'id'],
      ['fundings', 'f-1', 'amount'],
      ['projects', 'pdl-4', 'territories.0'],
      ['projects', 'pdl-5', 'axes.0'],
    ]);
    expect(report.problems[2]!.message.fr).toContain('département 96, qui n’existe pas');
  });

  it('asks for the record of an EPCI (its SIREN does not say where it is)', () => {
    const doc = producer();
    (doc['projects'] as Record<string, unknown>[])[0]!['territories'] = ['epci:200068146'];
    const { report } = parseDataset(doc, { base });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message.fr).toContain('cnr-widgets complete');
  });

  it('without a base, a producer file referencing the reference is refused as before', () => {
    const { report } = parseDataset(producer());
    expect(report.problems.some((p) => p.message.en.includes('no territory has id "departement:44"'))).toBe(true);
  });
});

describe('mergeDocuments: several producers', () => {
  const paca = {
    version: '1',
    generatedAt: '2024-01-01T00:00:00Z',
    publisher: 'ARS Paca',
    documents: [{ id: 'paca-doc', title: 'Dossier', publisher: 'ARS Paca' }],
    projects: [
      { id: 'paca-1', thematique: 'sante', title: 'Projet', porteurs: [], axes: [], territories: ['departement:05'], source: { document: 'paca-doc', excerpt: 'x' } },
      { id: 'pdl-1', thematique: 'sante', title: 'Même id', porteurs: [], axes: [], territories: ['departement:05'], source: { document: 'paca-doc', excerpt: 'x' } },
    ],
  };

  it('keeps each record’s publisher and reports an id found in two files, naming both', () => {
    const { dataset, report } = mergeDocuments(
      [
        { src: 'https://a.example/pdl.json', document: producer() },
        { src: 'https://b.example/paca.json', document: paca },
      ],
      base,
    );
    expect(dataset.projects.map((p) => [p.id, p.publisher])).toEqual([
      ['pdl-1', 'ARS Pays de la Loire'],
      ['pdl-2', 'ARS Pays de la Loire'],
      ['pdl-3', 'ARS Pays de la Loire'],
      ['paca-1', 'ARS Paca'],
    ]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ src: 'https://b.example/paca.json', collection: 'projects', index: 1, id: 'pdl-1', severity: 'error' });
    expect(report.problems[0]!.message.fr).toContain('« https://a.example/pdl.json »');
    expect(report.counts['projects']).toEqual({ valid: 4, invalid: 1 });
  });
});
