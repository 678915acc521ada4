// The producer's kit: validate against the reference, complete, convert, template — with the real
// reference (@cnr-widgets/data/referential) and the real COG table (cog/cog.json).
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import referential from '@cnr-widgets/data/referential';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIndex, isWithin } from '../query/index.js';
import type { Dataset } from '../schemas/dataset.js';
import { parseDataset } from '../validation/parse.js';
import fc from 'fast-check';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, completeTerritories, main, type CliIo, type CogTable } from './main.js';

const require = createRequire(import.meta.url);
const cogCommunes = require('@etalab/decoupage-administratif/data/communes.json') as {
  code: string;
  departement: string;
  region: string;
  type: string;
}[];

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cnr-kit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], io: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { LANG: 'fr_FR.UTF-8' },
    now: () => '2024-03-01T09:00:00.000Z',
    ...io,
  });
  return { code, stdout, stderr, lines: stdout.trimEnd().split('\n') };
}

/** The JSON example of packages/data/README.md § « Publishing an ARS's own file », as written there. */
function readmeExample(): string {
  const readme = readFileSync(new URL('../../../data/README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf("## Publishing an ARS's own file"));
  const match = /```json\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('no JSON example in the README section');
  return match[1]!;
}

const source = { document: 'ars-doc', excerpt: 'La phrase du document.' };
function producer(projects: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return {
    version: '1',
    generatedAt: '2024-03-01T09:00:00+01:00',
    publisher: 'ARS Test',
    documents: [{ id: 'ars-doc', title: 'Bilan', publisher: 'ARS Test' }],
    projects,
    ...extra,
  };
}
const project = (id: string, territories: string[], axes: string[] = ['sante-1']) => ({
  id,
  thematique: 'sante',
  title: `Projet ${id}`,
  porteurs: [],
  axes,
  territories,
  source,
});

describe('cnr-widgets validate: against the reference by default', () => {
  it('the README’s example file validates with exit 0', async () => {
    await writeFile(file('readme.json'), readmeExample());
    const { code, stdout } = await run(['validate', file('readme.json')]);
    expect(stdout).toBe(`${file('readme.json')} : valide — documents 1, projects 1.\n`);
    expect(code).toBe(EXIT_OK);
  });

  it('the CSV template validates with exit 0, and converts to a JSON document that validates', async () => {
    const template = await run(['template', '--out', file('modele.csv')]);
    expect(template.code).toBe(EXIT_OK);
    const checked = await run(['validate', file('modele.csv')]);
    expect(checked.stdout).toBe(
      `${file('modele.csv')} : valide — documents 1, territories 1, projects 1, fundings 1, figures 1, milestones 1.\n`,
    );
    expect(checked.code).toBe(EXIT_OK);
    const converted = await run(['convert', file('modele.csv'), '--out', file('modele.json')]);
    expect(converted.code).toBe(EXIT_OK);
    const json = JSON.parse(await readFile(file('modele.json'), 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ version: '2024-03-01', generatedAt: '2024-03-01T09:00:00.000Z', publisher: 'ARS Paca' });
    expect((await run(['validate', file('modele.json')])).code).toBe(EXIT_OK);
  });

  it('reports exactly an unknown commune code, a misspelt axis, a duplicate id and a negative amount', async () => {
    const document = producer(
      [project('p-1', ['departement:05']), project('p-2', ['commune:96001']), project('p-3', ['region:93'], ['sante1']), project('p-1', ['departement:05'])],
      {
        fundings: [
          { id: 'f-1', kind: 'allocation', thematique: 'sante', label: 'FIR', funder: 'ARS Test', amount: -1000, territory: 'region:93', source },
        ],
      },
    );
    await writeFile(file('four.json'), JSON.stringify(document, null, 2));
    const { code, lines } = await run(['validate', file('four.json'), '--lang', 'en']);
    expect(code).toBe(EXIT_PROBLEMS);
    expect(lines).toEqual([
      'error projects[3] (id p-1) › id: Id "p-1" is already used in "projects"; this duplicate is left out.',
      'error fundings[0] (id f-1) › amount: The value must be at least 0.',
      'error projects[1] (id p-2) › territories.0: Unknown reference: commune "commune:96001" would be in département 96, which does not exist; check the INSEE code.',
      'error projects[2] (id p-3) › axes.0: Unknown reference: no axis has id "sante1".',
      `${file('four.json')}: 4 errors, 0 warnings — valid records: documents 1, projects 3/4, fundings 0/1.`,
    ]);
  });

  it('says where a JSON syntax error is, and exits 2 (a file error)', async () => {
    await writeFile(file('broken.json'), '{\n  "version": "1",\n  "projects": [}\n');
    const { code, stderr } = await run(['validate', file('broken.json')]);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toBe(`${file('broken.json')} : JSON invalide : caractère inattendu « } », ligne 3, colonne 16.\n`);
  });

  it('--base adds to the reference (and --dataset, its former name, is no longer ignored for JSON)', async () => {
    const base = { version: '1', generatedAt: '2024-01-01T00:00:00Z', documents: [{ id: 'ars-doc', title: 'Bilan', publisher: 'ARS Test' }] };
    await writeFile(file('base.json'), JSON.stringify(base));
    const { documents: _documents, ...withoutDocuments } = producer([project('p-1', ['departement:05'])]);
    await writeFile(file('no-docs.json'), JSON.stringify(withoutDocuments));
    expect((await run(['validate', file('no-docs.json')])).code).toBe(EXIT_PROBLEMS);
    expect((await run(['validate', file('no-docs.json'), '--base', file('base.json')])).code).toBe(EXIT_OK);
    expect((await run(['validate', file('no-docs.json'), '--dataset', file('base.json')])).code).toBe(EXIT_OK);
    // --standalone: without the reference, departement:05 is unknown.
    const alone = await run(['validate', file('no-docs.json'), '--base', file('base.json'), '--standalone', '--lang', 'en']);
    expect(alone.code).toBe(EXIT_PROBLEMS);
    expect(alone.stdout).toContain('no territory has id "departement:05"');
  });
});

describe('cnr-widgets complete', () => {
  const five = ['05061', '13055', '2A004', '97411', '69123'];

  it('adds exactly the five communes a file cites, each in its département and région', async () => {
    const document = producer([
      project('p-1', five.slice(0, 2).map((code) => `commune:${code}`)),
      project('p-2', [...five.slice(2).map((code) => `commune:${code}`), 'departement:05', 'region:93']),
    ]);
    await writeFile(file('five.json'), JSON.stringify(document));
    const { code, stderr } = await run(['complete', file('five.json'), '--out', file('five-complete.json')]);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toContain('5 territoire(s) ajouté(s)');
    const completed = JSON.parse(await readFile(file('five-complete.json'), 'utf8')) as Record<string, unknown>;
    const territories = completed['territories'] as { id: string; kind: string; name: string; parent: string }[];
    expect(territories.map((t) => t.id)).toEqual(five.map((code) => `commune:${code}`));
    expect(territories.map((t) => [t.name, t.parent])).toEqual([
      ['Gap', 'departement:05'],
      ['Marseille', 'departement:13'],
      ['Ajaccio', 'departement:2A'],
      ['Saint-Denis', 'departement:974'],
      ['Lyon', 'departement:69'],
    ]);
    // Over the reference, each commune lies in the région the COG gives, and the file validates.
    const { dataset, report } = parseDataset(completed, { base: referential as unknown as Dataset });
    expect(report.problems).toEqual([]);
    const index = createIndex(dataset);
    for (const code of five) {
      const cog = cogCommunes.find((c) => c.code === code && c.type === 'commune-actuelle')!;
      expect(isWithin(index, `commune:${code}`, `departement:${cog.departement}`)).toBe(true);
      expect(isWithin(index, `commune:${code}`, `region:${cog.region}`)).toBe(true);
    }
  });

  it('writes an EPCI with its département, keeps the records a file has, and reports unknown codes (exit 1)', async () => {
    const document = producer([project('p-1', ['epci:200067825', 'commune:05061', 'commune:96001', 'epci:123456789'])], {
      territories: [{ id: 'commune:05061', kind: 'commune', code: '05061', name: 'Gap (Hautes-Alpes)' }],
    });
    await writeFile(file('epci.json'), JSON.stringify(document));
    const { code, stdout, stderr } = await run(['complete', file('epci.json'), '--lang', 'en']);
    expect(code).toBe(EXIT_PROBLEMS);
    expect(stderr).toContain('error commune:96001: code unknown to the Code officiel géographique');
    expect(stderr).toContain('error epci:123456789: code unknown');
    const completed = JSON.parse(stdout) as { territories: Record<string, unknown>[] };
    expect(completed.territories).toEqual([
      { id: 'commune:05061', kind: 'commune', code: '05061', name: 'Gap (Hautes-Alpes)', parent: 'departement:05' },
      { id: 'epci:200067825', kind: 'epci', code: '200067825', name: expect.stringContaining('Gap') as unknown, parent: 'departement:05' },
    ]);
  });

  it('for any five communes of the COG, adds exactly those five, each in the département and région the COG gives', () => {
    const cog = JSON.parse(readFileSync(new URL('../../cog/cog.json', import.meta.url), 'utf8')) as CogTable;
    const base = referential as unknown as Dataset;
    const regionOf = new Map(base.territories.filter((t) => t.kind === 'departement').map((t) => [t.code, t.parent]));
    // Communes of the départements the referential has (the collectivités d'outre-mer are not in it).
    const communes = cogCommunes.filter((c) => c.type === 'commune-actuelle' && regionOf.has(c.departement));
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...communes), { minLength: 5, maxLength: 5, selector: (c) => c.code }), (five) => {
        const document: Record<string, unknown> = producer([project('p-1', five.map((c) => `commune:${c.code}`))]);
        const { added, unknown } = completeTerritories(document, cog);
        expect(unknown).toEqual([]);
        expect(added).toEqual(five.map((c) => `commune:${c.code}`));
        const territories = document['territories'] as unknown as { id: string; parent: string }[];
        expect(territories.map((t) => t.parent)).toEqual(five.map((c) => `departement:${c.departement}`));
        for (const c of five) expect(regionOf.get(c.departement)).toBe(`region:${c.region}`);
      }),
      { numRuns: 100 },
    );
  });
});
