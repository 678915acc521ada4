import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertationFigures, FIGURE_METRICS, FigureQualifier } from '../schemas/figures.js';
import { Project } from '../schemas/project.js';
import { SourceRef } from '../schemas/source.js';
import { Derivation } from '../schemas/derivation.js';
import { parseDataset } from '../validation/index.js';
import { parseCsv } from './csv.js';
import {
  FIGURE_CSV_COLUMNS,
  FIGURE_CSV_METRICS,
  FIGURE_CSV_QUALIFIERS,
  PROJECT_CSV_COLUMNS,
  detectCsvCollection,
  figuresFromCsv,
  figuresToCsv,
  projectsFromCsv,
  projectsToCsv,
} from './entities.js';
import { joinList, splitList } from './lists.js';

const source = { document: 'doc-1', excerpt: 'Un passage du document.' };

const project: Project = {
  id: 'vosges-teleconsultation',
  thematique: 'sante',
  title: 'Téléconsultation assistée en pharmacie',
  summary: 'Des « cabines » de téléconsultation ; un pharmacien accompagne.\nDeuxième ligne.',
  porteurs: ['CH de Remiremont', 'CPTS des Vosges | Est'],
  acteurs: ['Professionnels de santé du territoire', 'Collectivités'],
  partenaires: ['ARS Grand Est'],
  objectifs: ['Réduire les délais', 'Éviter les urgences'],
  axes: ['sante-1'],
  territories: ['departement:88'],
  place: 'Épinal',
  status: 'en-cours',
  presentation: 'atelier',
  startDate: '2023-02',
  url: 'https://www.grand-est.ars.sante.fr/cnr',
  source: { ...source, page: 12 },
};

const figures: ConcertationFigures = {
  id: 'fig-grand-est-2022',
  thematique: 'sante',
  territory: 'region:44',
  phase: '2022-dialogues',
  periodStart: '2022-10',
  reunions: 40,
  participants: 1100,
  meetings: [
    { kind: 'atelier', count: 12, label: 'Ateliers : « santé | territoires »' },
    { kind: 'dialogue-territorial', count: 28 },
  ],
  qualifiers: { participants: 'plus-de', reunions: 'pres-de' },
  counts: [
    { label: 'écoles et établissements ont manifesté une intention de concertation', count: 19000, qualifier: 'pres-de' },
    { label: 'franciliens interrogés', count: 3000 },
    { label: 'environ: un libellé avec deux-points', count: 7 },
  ],
  source,
};

function datasetWith(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    version: '1',
    generatedAt: '2026-01-01T00:00:00Z',
    documents: [{ id: 'doc-1', title: 'Dossier de presse', publisher: 'ARS Grand Est' }],
    territories: [
      { id: 'region:44', kind: 'region', code: '44', name: 'Grand Est' },
      { id: 'departement:88', kind: 'departement', code: '88', name: 'Vosges', parent: 'region:44' },
    ],
    axes: [{ id: 'sante-1', thematique: 'sante', number: 1, label: 'Accès', source }],
    ...extra,
  };
}

describe('lists in a cell', () => {
  it('escapes | and \\ in items and keeps other backslashes as typed', () => {
    expect(joinList(['a|b', 'c\\d', 'e'])).toBe('a\\|b | c\\\\d | e');
    expect(splitList('a\\|b | c\\\\d | e')).toEqual(['a|b', 'c\\d', 'e']);
    expect(splitList('C:\\dossier|x')).toEqual(['C:\\dossier', 'x']);
    expect(splitList(' a ||  | b ')).toEqual(['a', 'b']);
    expect(splitList('')).toEqual([]);
  });
});

describe('projects CSV', () => {
  it('writes one header row and one row per project, lists joined with " | "', () => {
    const text = projectsToCsv([project], { bom: false });
    const rows = parseCsv(text).rows;
    expect(rows[0]).toEqual([...PROJECT_CSV_COLUMNS]);
    const cell = (key: string) => rows[1]![PROJECT_CSV_COLUMNS.indexOf(key)];
    expect(cell('porteurs')).toBe('CH de Remiremont | CPTS des Vosges \\| Est');
    expect(cell('source.page')).toBe('12');
    expect(cell('solution')).toBe('');
    expect(text.startsWith('id,thematique,title,')).toBe(true);
  });

  it('round-trips a project exactly, and the result validates', () => {
    for (const options of [{}, { separator: ';' as const }, { bom: false, newline: '\n' as const }]) {
      const result = projectsFromCsv(projectsToCsv([project], options));
      expect(result.problems).toEqual([]);
      expect(result.records).toEqual([project]);
      expect(result.rows).toEqual([2]);
    }
    const { report } = parseDataset(datasetWith({ projects: projectsFromCsv(projectsToCsv([project])).records }));
    expect(report.problems).toEqual([]);
  });

  it('reads a hand-made French Excel file: BOM, `;`, header case, spaces, blank rows', () => {
    const text =
      '\uFEFFID ; Thematique;Title;Porteurs;Axes;Territories;Source.Document;Source.Excerpt;source.page\r\n' +
      ' p-1 ;sante;Maison de santé pluriprofessionnelle;ARS Grand Est|Commune d’Épinal ;sante-1;departement:88 | region:44;doc-1;« Un passage »; 3 \r\n' +
      ';;;;;;;;\r\n' +
      '\r\n';
    const result = projectsFromCsv(text);
    expect(result.problems).toEqual([]);
    expect(result.separator).toBe(';');
    expect(result.records).toEqual([
      {
        id: 'p-1',
        thematique: 'sante',
        title: 'Maison de santé pluriprofessionnelle',
        porteurs: ['ARS Grand Est', 'Commune d’Épinal'],
        axes: ['sante-1'],
        territories: ['departement:88', 'region:44'],
        source: { document: 'doc-1', excerpt: '« Un passage »', page: 3 },
      },
    ]);
  });

  it('leaves empty optional cells out and makes empty required lists []', () => {
    const text = 'id,thematique,title,porteurs,axes,territories,partenaires,source.document,source.excerpt\nx,sante,T,,,,,doc-1,e\n';
    expect(projectsFromCsv(text).records).toEqual([
      { id: 'x', thematique: 'sante', title: 'T', porteurs: [], axes: [], territories: [], source: { document: 'doc-1', excerpt: 'e' } },
    ]);
  });

  it('reports what the CSV gets wrong, located by row and column', () => {
    const text =
      'id,title,title,porteurs,source.page,bogus\n' + // no thematique, axes, territories, source.*; title twice
      'a,T,T2,P,douze,x,extra\n' +
      'b,"U\nsur deux lignes",,,4\n' +
      'c,V,,,"1 200"\n';
    const result = projectsFromCsv(text);
    const summary = result.problems.map((p) => [p.row, p.line, p.column ?? null, p.severity]);
    expect(summary).toEqual([
      [1, 1, 'title', 'error'],
      [1, 1, 'bogus', 'warning'],
      [1, 1, 'thematique', 'error'],
      [1, 1, 'axes', 'error'],
      [1, 1, 'territories', 'error'],
      [1, 1, 'source.document', 'error'],
      [1, 1, 'source.excerpt', 'error'],
      [2, 2, 'source.page', 'error'],
      [2, 2, null, 'warning'],
    ]);
    expect(result.problems[7]!.message.en).toBe('"douze" is not a number; the value is ignored.');
    expect(result.records).toEqual([
      { id: 'a', title: 'T', porteurs: ['P'] },
      { id: 'b', title: 'U\nsur deux lignes', porteurs: [], source: { page: 4 } },
      { id: 'c', title: 'V', porteurs: [], source: { page: 1200 } },
    ]);
    expect(result.rows).toEqual([2, 3, 4]); // spreadsheet rows: the record on lines 3-4 is one row
  });

  it('reports an empty file', () => {
    expect(projectsFromCsv('').problems).toMatchObject([{ row: 1, severity: 'error' }]);
    expect(projectsFromCsv('\uFEFF').records).toEqual([]);
  });

  it('never lets a header pollute an object prototype', () => {
    const text = '__proto__,constructor,source.__proto__,id\n{"polluted":1},x,y,z\n';
    const result = projectsFromCsv(text);
    expect(result.records).toEqual([{ id: 'z' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(result.records[0])).toBe(Object.prototype);
  });

  it('keeps the formula guard quote on reading: a neutralised cell comes back with its quote', () => {
    const dangerous: Project = { ...project, title: '=HYPERLINK("http://evil","clic")', porteurs: ['@ARS'] };
    const text = projectsToCsv([dangerous]);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""clic"")"`);
    const record = projectsFromCsv(text).records[0]!;
    expect(record['title']).toBe(`'=HYPERLINK("http://evil","clic")`);
    expect(record['porteurs']).toEqual(["'@ARS"]);
    expect(projectsFromCsv(projectsToCsv([dangerous], { escapeFormulas: false })).records).toEqual([dangerous]);
  });

  it('tells projects from figures by the header', () => {
    expect(detectCsvCollection(projectsToCsv([project]))).toBe('projects');
    expect(detectCsvCollection(figuresToCsv([figures], { separator: ';' }))).toBe('figures');
    expect(detectCsvCollection('a,b\n')).toBeUndefined();
  });
});

describe('columns and schemas', () => {
  /** Every field of a schema has a column (`source` through `source.*`), so no field is lost in CSV. */
  function expectCovered(columns: readonly string[], shape: Record<string, unknown>, prefix = ''): void {
    for (const key of Object.keys(shape)) {
      const name = prefix + key;
      if (key === 'source') expectCovered(columns, SourceRef.shape, 'source.');
      else if (key === 'derivation') {
        // A union: a column for each field of any of its forms.
        for (const option of Derivation._zod.def.options) expectCovered(columns, (option as { shape: Record<string, unknown> }).shape, 'derivation.');
      } else expect(columns, `column for ${name}`).toContain(name);
    }
  }

  it('has a column for every field of Project and ConcertationFigures', () => {
    expectCovered(PROJECT_CSV_COLUMNS, Project.shape);
    expectCovered(FIGURE_CSV_COLUMNS, ConcertationFigures.shape);
  });

  it('keeps its metric and qualifier lists equal to the schema', () => {
    expect([...FIGURE_CSV_METRICS]).toEqual([...FIGURE_METRICS]);
    expect([...FIGURE_CSV_QUALIFIERS]).toEqual([...FigureQualifier._zod.values]);
  });
});

describe('figures CSV', () => {
  it('round-trips figures exactly, meetings and qualifiers included, and the result validates', () => {
    const text = figuresToCsv([figures], { bom: false });
    const rows = parseCsv(text).rows;
    expect(rows[1]![FIGURE_CSV_COLUMNS.indexOf('meetings')]).toBe(
      'atelier:12:Ateliers : « santé \\| territoires » | dialogue-territorial:28',
    );
    expect(rows[1]![FIGURE_CSV_COLUMNS.indexOf('qualifiers')]).toBe('reunions:pres-de | participants:plus-de');
    expect(rows[1]![FIGURE_CSV_COLUMNS.indexOf('counts')]).toBe(
      '19000:pres-de:écoles et établissements ont manifesté une intention de concertation | 3000:franciliens interrogés | 7::environ: un libellé avec deux-points',
    );
    const result = figuresFromCsv(text);
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([figures]);
    const { report } = parseDataset(datasetWith({ figures: result.records }));
    expect(report.problems).toEqual([]);
  });

  it('round-trips an unattributed figure, targets, proportions and a deduced record, and they validate', () => {
    const unattributed: ConcertationFigures = {
      id: 'carte-bloc-5',
      thematique: 'sante',
      phase: 'acte-1',
      participants: 1000,
      derivation: {
        kind: 'unattributed',
        position: '5e bloc de la carte',
        candidateTerritory: 'region:44',
        reasoning: 'La ligne voisine nomme les « franciliens ».',
      },
      source: { document: 'doc-1', excerpt: '1 000 PARTICIPANTS' },
    };
    const goals: ConcertationFigures = {
      id: 'objectifs',
      thematique: 'sante',
      territory: 'region:44',
      phase: 'objectifs',
      targets: [
        { label: 'actions pilotées', count: 50, qualifier: 'environ' },
        { label: 'médicobus', count: 100 },
      ],
      proportions: [{ label: 'écoles engagées (près d’un tiers)', percent: 33.3, qualifier: 'pres-de' }, { label: 'inter-écoles', percent: 30 }],
      derivation: { kind: 'deduced', reasoning: 'Parce que.', fields: ['territory', 'phase'] },
      source: { document: 'doc-1', excerpt: 'x' },
    };
    const text = figuresToCsv([unattributed, goals], { bom: false });
    const rows = parseCsv(text).rows;
    expect(rows[2]![FIGURE_CSV_COLUMNS.indexOf('targets')]).toBe('50:environ:actions pilotées | 100:médicobus');
    expect(rows[2]![FIGURE_CSV_COLUMNS.indexOf('proportions')]).toBe('33.3:pres-de:écoles engagées (près d’un tiers) | 30:inter-écoles');
    expect(rows[1]![FIGURE_CSV_COLUMNS.indexOf('territory')]).toBe('');
    const result = figuresFromCsv(text);
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([unattributed, goals]);
    const { report } = parseDataset(datasetWith({ figures: result.records }));
    expect(report.problems).toEqual([]);
  });

  it('reads thousands separators and reports malformed meetings and qualifiers', () => {
    const text =
      'id;thematique;territory;phase;participants;meetings;qualifiers;counts;source.document;source.excerpt\n' +
      'f;sante;region:44;acte-1;1\u202F100;atelier:3 | atelier | pleniere:x | autre:2:;participants:environ | __proto__:x | reunions;' +
      '3 000 : franciliens interrogés | 12:plus-de:écoles : primaires | 5:cinq:x | beaucoup;doc-1;e\n';
    const result = figuresFromCsv(text);
    expect(result.records).toEqual([
      {
        id: 'f',
        thematique: 'sante',
        territory: 'region:44',
        phase: 'acte-1',
        participants: 1100,
        meetings: [
          { kind: 'atelier', count: 3 },
          { kind: 'autre', count: 2 },
        ],
        qualifiers: { participants: 'environ' },
        counts: [
          { label: 'franciliens interrogés', count: 3000 },
          { label: 'écoles : primaires', count: 12, qualifier: 'plus-de' },
          { label: 'cinq:x', count: 5 },
        ],
        source: { document: 'doc-1', excerpt: 'e' },
      },
    ]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'meetings'],
      [2, 'meetings'],
      [2, 'qualifiers'],
      [2, 'qualifiers'],
      [2, 'counts'],
    ]);
  });
});

// ---------------------------------------------------------------- properties

const nastyString = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', ',', ';', '\r\n', '\n', ' ', 'é', 'œ', '’', '😀', '|', '\\', '\\|', '=', '-', '@', "'", ':'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));
/** Free text: any non-empty string (kept exactly). */
const textArb = nastyString.filter((s) => s !== '');
/** A list item: read back trimmed, so generated trimmed and non-empty. */
const itemArb = nastyString.map((s) => s.trim()).filter((s) => s !== '');
const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,15}$/);
const dateArb = fc.constantFrom('2022', '2023-02', '2024-12-31');
const sourceArb = fc.record(
  { document: idArb, excerpt: textArb, page: fc.integer({ min: 1, max: 5000 }) },
  { requiredKeys: ['document', 'excerpt'] },
);

const projectArb: fc.Arbitrary<Project> = fc.record(
  {
    id: idArb,
    thematique: fc.constantFrom('sante', 'education'),
    title: textArb,
    summary: textArb,
    porteurs: fc.array(itemArb, { maxLength: 3 }),
    acteurs: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
    partenaires: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
    objectifs: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
    axes: fc.array(idArb, { maxLength: 3 }),
    solution: idArb,
    territories: fc.array(idArb, { minLength: 1, maxLength: 3 }),
    place: textArb,
    publics: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
    status: fc.constantFrom('en-reflexion', 'en-projet', 'en-cours', 'realise'),
    stage: textArb,
    presentation: fc.constantFrom('atelier', 'echange-partenaires', 'retour-terrain', 'autre'),
    startDate: dateArb,
    endDate: dateArb,
    url: fc.webUrl(),
    source: sourceArb,
  },
  { requiredKeys: ['id', 'thematique', 'title', 'porteurs', 'axes', 'territories', 'source'] },
);

const figuresArb: fc.Arbitrary<ConcertationFigures> = fc.record(
  {
    id: idArb,
    thematique: fc.constantFrom('sante', 'education'),
    territory: idArb,
    phase: textArb,
    periodStart: dateArb,
    periodEnd: dateArb,
    ...Object.fromEntries(FIGURE_CSV_METRICS.map((m) => [m, fc.nat()])),
    meetings: fc.array(
      fc.record(
        {
          kind: fc.constantFrom('atelier', 'dialogue-territorial', 'reunion-publique', 'autre'),
          count: fc.nat(),
          label: itemArb,
        },
        { requiredKeys: ['kind', 'count'] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    qualifiers: fc
      .dictionary(fc.constantFrom(...FIGURE_CSV_METRICS), fc.constantFrom('exact', 'plus-de', 'pres-de', 'environ'), {
        minKeys: 1,
      })
      .map((d) => ({ ...d })),
    counts: fc.array(
      fc.record(
        { label: itemArb, count: fc.nat(), qualifier: fc.constantFrom(...FIGURE_CSV_QUALIFIERS) },
        { requiredKeys: ['label', 'count'] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    source: sourceArb,
  },
  { requiredKeys: ['id', 'thematique', 'territory', 'phase', 'source'] },
) as fc.Arbitrary<ConcertationFigures>;

const writeOptionsArb = fc.record({
  separator: fc.constantFrom<',' | ';'>(',', ';'),
  bom: fc.boolean(),
  newline: fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'),
});

describe('entity round trip (property)', () => {
  it('projects → CSV → projects is exact (formula guard off)', () => {
    fc.assert(
      fc.property(fc.array(projectArb, { maxLength: 5 }), writeOptionsArb, (projects, options) => {
        const result = projectsFromCsv(projectsToCsv(projects, { ...options, escapeFormulas: false }));
        expect(result.problems).toEqual([]);
        expect(result.records).toEqual(projects);
      }),
      { numRuns: 300 },
    );
  });

  it('projects → CSV → projects is exact with the formula guard on, when no cell looks like a formula', () => {
    fc.assert(
      fc.property(fc.array(projectArb, { maxLength: 5 }), writeOptionsArb, (projects, options) => {
        const text = projectsToCsv(projects, options);
        fc.pre(text === projectsToCsv(projects, { ...options, escapeFormulas: false }));
        expect(projectsFromCsv(text).records).toEqual(projects);
      }),
      { numRuns: 200 },
    );
  });

  it('figures → CSV → figures is exact', () => {
    fc.assert(
      fc.property(fc.array(figuresArb, { maxLength: 5 }), writeOptionsArb, (list, options) => {
        const result = figuresFromCsv(figuresToCsv(list, { ...options, escapeFormulas: false }));
        expect(result.problems).toEqual([]);
        expect(result.records).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });
});
