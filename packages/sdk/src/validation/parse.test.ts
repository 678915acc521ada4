import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CnrDataError } from '../errors.js';
import { parseDataset } from './parse.js';
import { formatProblem } from './report.js';

const source = { document: 'doc-1', excerpt: 'Un passage du document.' };

function minimalDocument(): Record<string, unknown> {
  return {
    version: '1.0.0',
    generatedAt: '2026-11-23T10:00:00Z',
    documents: [{ id: 'doc-1', title: 'Dossier de presse', publisher: 'ARS Grand Est' }],
    territories: [
      { id: 'pays:FR', kind: 'pays', code: 'FR', name: 'France' },
      { id: 'region:44', kind: 'region', code: '44', name: 'Grand Est', parent: 'pays:FR' },
      { id: 'departement:88', kind: 'departement', code: '88', name: 'Vosges', parent: 'region:44' },
    ],
    axes: [{ id: 'sante-1', thematique: 'sante', number: 1, label: 'Accès à un médecin traitant', source }],
    projects: [
      {
        id: 'p-1',
        thematique: 'sante',
        title: 'Téléconsultation assistée',
        porteurs: ['CH de Remiremont'],
        axes: ['sante-1'],
        territories: ['departement:88'],
        source,
      },
    ],
  };
}

describe('parseDataset', () => {
  it('keeps a valid document whole and reports nothing', () => {
    const { dataset, report } = parseDataset(minimalDocument());
    expect(report.problems).toEqual([]);
    expect(dataset.projects.map((p) => p.id)).toEqual(['p-1']);
    expect(dataset.fundings).toEqual([]);
    expect(report.counts['projects']).toEqual({ valid: 1, invalid: 0 });
  });

  it('reports a malformed record by collection, index, id and field, and keeps the valid ones', () => {
    const doc = minimalDocument();
    const projects = doc['projects'] as Record<string, unknown>[];
    projects.push({ ...projects[0], id: 'p-2', title: '' }, { ...projects[0], id: 'p-3', porteurs: undefined });
    const { dataset, report } = parseDataset(doc);
    expect(dataset.projects.map((p) => p.id)).toEqual(['p-1']);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toMatchObject({ collection: 'projects', index: 1, id: 'p-2', path: ['title'] });
    expect(report.problems[0]!.message.fr).toBe('Le texte est vide.');
    expect(report.problems[1]).toMatchObject({ index: 2, id: 'p-3', path: ['porteurs'] });
    expect(report.problems[1]!.message.en).toBe('Required field is missing.');
    expect(formatProblem(report.problems[1]!, 'en')).toBe('projects[2] (id p-3) › porteurs: Required field is missing.');
  });

  it('rejects javascript: and data: URLs, which z.url() alone accepts', () => {
    const doc = minimalDocument();
    const projects = doc['projects'] as Record<string, unknown>[];
    const base = projects[0]!;
    projects.push(
      { ...base, id: 'js', url: 'javascript:alert(1)' },
      { ...base, id: 'data', url: 'data:text/html,<script>alert(1)</script>' },
      { ...base, id: 'ok', url: 'https://www.grand-est.ars.sante.fr/' },
    );
    const { dataset, report } = parseDataset(doc);
    expect(dataset.projects.map((p) => p.id)).toEqual(['p-1', 'ok']);
    expect(report.problems.map((p) => [p.id, p.path.join('.')])).toEqual([
      ['js', 'url'],
      ['data', 'url'],
    ]);
  });

  it('reports unknown references and duplicate ids', () => {
    const doc = minimalDocument();
    const projects = doc['projects'] as Record<string, unknown>[];
    projects.push({ ...projects[0], id: 'p-1' }, { ...projects[0], id: 'p-4', territories: ['region:99'] });
    const { dataset, report } = parseDataset(doc);
    expect(dataset.projects.map((p) => p.id)).toEqual(['p-1', 'p-4']);
    expect(report.problems.map((p) => [p.id, p.path.join('.'), p.message.en])).toEqual([
      ['p-1', 'id', 'Id "p-1" is already used in "projects"; this duplicate is left out.'],
      ['p-4', 'territories.0', 'Unknown reference: no territory has id "region:99".'],
    ]);
    // The index is the record's place in the document, not among the records kept.
    expect(report.problems[1]!.index).toBe(2);
  });

  it('does not let __proto__ keys pollute objects', () => {
    const doc = JSON.parse(
      '{"version":"1","generatedAt":"2026-01-01T00:00:00Z","__proto__":{"polluted":true},' +
        '"projects":[{"__proto__":{"polluted":true},"id":"x","thematique":"sante","title":"T","porteurs":[],"axes":[],"territories":["t"],"source":{"document":"d","excerpt":"e"}}]}',
    ) as unknown;
    const { dataset } = parseDataset(doc);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(dataset.projects[0])).toBe(Object.prototype);
    expect((dataset.projects[0] as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects a 10 MB string, control characters and non-finite numbers without hanging', () => {
    const doc = minimalDocument();
    const projects = doc['projects'] as Record<string, unknown>[];
    projects.push(
      { ...projects[0], id: 'huge', title: 'x'.repeat(10 * 1024 * 1024) },
      { ...projects[0], id: 'ctrl', title: 'a\u0000b' },
    );
    doc['fundings'] = [
      { id: 'f', kind: 'allocation', thematique: 'sante', label: 'L', funder: 'ARS', amount: Infinity, source },
    ];
    const { report } = parseDataset(doc);
    expect(report.problems.map((p) => [p.id, p.message.en])).toEqual([
      ['huge', 'The text is longer than 500 characters.'],
      ['ctrl', 'The text contains control characters.'],
      ['f', 'Invalid value: a number (finite) is expected.'],
    ]);
  });

  it('throws a typed CnrDataError only when the top-level shape is unusable', () => {
    expect(() => parseDataset('nope')).toThrow(CnrDataError);
    expect(() => parseDataset([])).toThrow(CnrDataError);
    expect(() => parseDataset({ projects: {} })).toThrow(CnrDataError);
  });

  it('never throws anything but CnrDataError on random input', () => {
    const collection = fc.oneof(fc.array(fc.anything(), { maxLength: 5 }), fc.constant(undefined), fc.anything());
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            version: fc.anything(),
            generatedAt: fc.anything(),
            projects: collection,
            territories: collection,
            fundings: collection,
          }),
        ),
        (input) => {
          try {
            const { dataset, report } = parseDataset(input);
            expect(Array.isArray(dataset.projects)).toBe(true);
            expect(Array.isArray(report.problems)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(CnrDataError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
