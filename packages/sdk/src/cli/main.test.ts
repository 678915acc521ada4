import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/csv.js';
import { PROJECT_CSV_COLUMNS, projectsToCsv } from '../csv/entities.js';
import type { Project } from '../schemas/project.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main, type CliIo } from './main.js';

const source = { document: 'doc-1', excerpt: 'Un passage du document.' };

const project: Project = {
  id: 'p-1',
  thematique: 'sante',
  title: 'Téléconsultation assistée',
  porteurs: ['CH de Remiremont'],
  axes: ['sante-1'],
  territories: ['departement:88'],
  source,
};

function dataset(): Record<string, unknown> {
  return {
    version: '1.0.0',
    generatedAt: '2026-11-23T10:00:00Z',
    documents: [{ id: 'doc-1', title: 'Dossier de presse', publisher: 'ARS Grand Est' }],
    territories: [
      { id: 'region:44', kind: 'region', code: '44', name: 'Grand Est' },
      { id: 'departement:88', kind: 'departement', code: '88', name: 'Vosges', parent: 'region:44' },
    ],
    axes: [{ id: 'sante-1', thematique: 'sante', number: 1, label: 'Accès à un médecin traitant', source }],
    projects: [project, { ...project, id: 'p-2', title: '=1+1 « Maison de santé »', porteurs: ['ARS', 'Commune d’Épinal'] }],
    figures: [
      { id: 'f-1', thematique: 'sante', territory: 'region:44', phase: 'acte-1', participants: 1100, qualifiers: { participants: 'plus-de' }, source },
    ],
  };
}

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cnr-cli-'));
  await writeFile(file('valid.json'), JSON.stringify(dataset()));
  const bad = dataset();
  (bad['projects'] as unknown[]).push(
    { ...project, id: 'p-3', title: '' },
    { ...project, id: 'p-4', url: 'javascript:alert(1)' },
    { ...project, id: 'p-5', territories: ['departement:99'] },
  );
  await writeFile(file('bad.json'), JSON.stringify(bad));
  await writeFile(file('broken.json'), '{"version": "1", ');
  await writeFile(file('array.json'), '[1, 2]');
  await writeFile(file('valid.csv'), projectsToCsv([project], { separator: ';' }));
  await writeFile(
    file('bad.csv'),
    'id,thematique,title,porteurs,axes,territories,source.document,source.excerpt,source.page,extra\n' +
      'p-1,sante,Bon projet,ARS,sante-1,departement:88,doc-1,passage,,\n' +
      'p-2,sante,"Titre sur\ndeux lignes",ARS,sante-9,departement:88 | region:99,doc-1,passage,douze,\n' +
      'p-3,sante,,ARS,sante-1,departement:88,doc-1,passage,,\n',
  );
  await writeFile(
    file('figures.csv'),
    'id;thematique;territory;phase;participants;qualifiers;source.document;source.excerpt\nf-1;sante;region:44;acte-1;1 100;participants:plus-de;doc-1;passage\n',
  );
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
    loadEmbeddedDataset: async () => dataset(),
    // The reference these files stand on: the documents, territories and axes of `dataset()`.
    loadReference: async () => ({ ...dataset(), projects: [], figures: [], solutions: [], fundings: [], milestones: [], instances: [] }),
    env: { LANG: 'en_GB.UTF-8' },
    ...io,
  });
  return { code, stdout, stderr, lines: stdout.trimEnd().split('\n') };
}

describe('cnr-widgets validate (JSON)', () => {
  it('exits 0 with a short summary for a valid file', async () => {
    const { code, stdout, stderr } = await run(['validate', file('valid.json')]);
    expect(code).toBe(EXIT_OK);
    // The documents, territories and axes repeat the reference's: they are not counted again.
    expect(stdout).toBe(`${file('valid.json')}: valid — projects 2, figures 1.\n`);
    expect(stderr).toBe('');
  });

  it('prints every problem with collection, index, id and field path, and exits 1', async () => {
    const { code, lines } = await run(['validate', file('bad.json')]);
    expect(code).toBe(EXIT_PROBLEMS);
    expect(lines).toEqual([
      'error projects[2] (id p-3) › title: The text is empty.',
      expect.stringMatching(/^error projects\[3\] \(id p-4\) › url: .*http or https URL/),
      // The index in the file (4), although p-3 and p-4 were left out before references were checked.
      'error projects[4] (id p-5) › territories.0: Unknown reference: no territory has id "departement:99".',
      `${file('bad.json')}: 3 errors, 0 warnings — valid records: projects 3/5, figures 1.`,
    ]);
  });

  it('speaks French with --lang fr', async () => {
    const { code, lines } = await run(['validate', file('bad.json'), '--lang', 'fr']);
    expect(code).toBe(EXIT_PROBLEMS);
    expect(lines[0]).toBe('erreur projects[2] (id p-3) › title : Le texte est vide.');
    expect(lines.at(-1)).toMatch(/ : 3 erreurs, 0 avertissement — enregistrements valides : /);
  });

  it('takes French from LANG', async () => {
    const { lines } = await run(['validate', file('valid.json')], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(lines[0]).toMatch(/ : valide — /);
  });

  it('reports a file that is not JSON (exit 2, with line and column), or not a dataset (exit 1)', async () => {
    const broken = await run(['validate', file('broken.json')]);
    expect(broken.code).toBe(EXIT_USAGE);
    expect(broken.stderr).toMatch(/broken\.json: invalid JSON: the text ends too early \(line 1, column 18\)\.\n$/);
    const array = await run(['validate', file('array.json')]);
    expect(array.code).toBe(EXIT_PROBLEMS);
    expect(array.stdout).toMatch(/The document is not a dataset JSON object/);
  });

  it('exits 2 on a missing file, a missing argument, an unknown option or command', async () => {
    const missing = await run(['validate', file('nope.json')]);
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toMatch(/^Cannot read ".*nope\.json": /);
    expect((await run(['validate'])).code).toBe(EXIT_USAGE);
    const unknown = await run(['validate', file('valid.json'), '--bogus']);
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toMatch(/^Invalid arguments: .*--bogus/);
    expect((await run(['frobnicate'])).code).toBe(EXIT_USAGE);
    expect((await run([])).code).toBe(EXIT_USAGE);
    expect((await run(['validate', file('valid.json'), '--lang', 'de'])).code).toBe(EXIT_USAGE);
  });

  it('prints help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toMatch(/cnr-widgets validate <file\.json\|file\.csv>/);
    expect((await run(['-h', '--lang', 'fr'])).stdout).toMatch(/le kit du producteur/);
  });
});

describe('cnr-widgets validate (CSV)', () => {
  it('validates a French Excel CSV of projects against the embedded referential', async () => {
    const { code, stdout, stderr } = await run(['validate', file('valid.csv')]);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${file('valid.csv')}: valid — projects 1.\n`);
    expect(code).toBe(EXIT_OK);
  });

  it('locates CSV and record problems by row and column, and exits 1', async () => {
    const { code, lines } = await run(['validate', file('bad.csv')]);
    expect(code).toBe(EXIT_PROBLEMS);
    expect(lines).toEqual([
      'warning row 1, column "extra": Unknown column "extra": it is ignored.',
      'error row 3, column "source.page": "douze" is not a number; the value is ignored.',
      'error projects[1] (row 3, id p-2) › axes.0: Unknown reference: no axis has id "sante-9".',
      'error projects[1] (row 3, id p-2) › territories.1: Unknown reference: no territory has id "region:99".',
      'error projects[2] (row 4, id p-3) › title: Required field is missing.',
      `${file('bad.csv')}: 4 errors, 1 warning — valid records: projects 2/3.`,
    ]);
  });

  it('tells figures from projects by the header', async () => {
    const { code, stdout } = await run(['validate', file('figures.csv')]);
    expect(stdout).toBe(`${file('figures.csv')}: valid — figures 1.\n`);
    expect(code).toBe(EXIT_OK);
  });

  it('checks references against the reference with --dataset (alias of --base) added to it', async () => {
    const other = { version: '1', generatedAt: '2026-01-01T00:00:00Z', territories: [{ id: 'commune:88160', kind: 'commune', code: '88160', name: 'Épinal', parent: 'departement:88' }] };
    await writeFile(file('extra-territories.json'), JSON.stringify(other));
    await writeFile(file('epinal.csv'), projectsToCsv([{ ...project, territories: ['commune:88160', 'departement:88'] }]));
    const { code, stdout } = await run(['validate', file('epinal.csv'), '--dataset', file('extra-territories.json')], {
      loadEmbeddedDataset: () => Promise.reject(new Error('must not be loaded')),
    });
    expect(stdout).toBe(`${file('epinal.csv')}: valid — projects 1.\n`);
    expect(code).toBe(EXIT_OK);
  });

  it('still checks the records, but not their references, when no referential is available', async () => {
    const { code, stdout, stderr } = await run(['validate', file('bad.csv'), '--lang', 'fr'], {
      loadReference: () => Promise.reject(new Error('Cannot find package')),
    });
    expect(stderr).toMatch(/^Référentiel indisponible .* --base/);
    expect(stdout).not.toMatch(/Référence inconnue/);
    expect(stdout).toMatch(/erreur projects\[2\] \(ligne 4, id p-3\) › title : Champ obligatoire manquant\./);
    expect(code).toBe(EXIT_PROBLEMS);
  });

  it('asks for --collection when the header says nothing', async () => {
    await writeFile(file('unknown.csv'), 'a,b\n1,2\n');
    const { code, stdout } = await run(['validate', file('unknown.csv')]);
    expect(code).toBe(EXIT_PROBLEMS);
    expect(stdout).toMatch(/pass --collection projects\|figures/);
  });

  it('fails on warnings unless --allow-warnings', async () => {
    await writeFile(file('warning.csv'), projectsToCsv([project]).replace('source.page', 'remarks'));
    expect((await run(['validate', file('warning.csv')])).code).toBe(EXIT_PROBLEMS);
    expect((await run(['validate', file('warning.csv'), '--allow-warnings'])).code).toBe(EXIT_OK);
  });
});

describe('cnr-widgets export', () => {
  it('writes the embedded projects as CSV on standard output, BOM first, formulas neutralised', async () => {
    const { code, stdout, stderr } = await run(['export', '--format', 'csv']);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    expect(stdout.startsWith('\uFEFFid,thematique,title,')).toBe(true);
    const rows = parseCsv(stdout).rows;
    expect(rows[0]).toEqual([...PROJECT_CSV_COLUMNS]);
    expect(rows.map((row) => row[0])).toEqual(['id', 'p-1', 'p-2']);
    expect(rows[2]![2]).toBe("'=1+1 « Maison de santé »");
  });

  it('writes a French Excel file from --input with --separator ";" --out', async () => {
    const { code, stderr } = await run([
      'export',
      '--format',
      'csv',
      '--input',
      file('valid.json'),
      '--separator',
      ';',
      '--out',
      file('out.csv'),
    ]);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toMatch(/Wrote 2 projects record\(s\) to .*out\.csv/);
    const text = await readFile(file('out.csv'), 'utf8');
    expect(text.startsWith('\uFEFFid;thematique;title;')).toBe(true);
    expect(text).toContain('ARS | Commune d’Épinal');
    // …and it validates back.
    expect((await run(['validate', file('out.csv'), '--allow-warnings'])).code).toBe(EXIT_OK);
  });

  it('exports figures, without BOM when asked', async () => {
    const { code, stdout } = await run(['export', '--collection', 'figures', '--no-bom']);
    expect(code).toBe(EXIT_OK);
    expect(stdout.split('\r\n')[1]).toMatch(/^f-1,sante,region:44,acte-1,.*,1100,.*participants:plus-de,.*doc-1,/);
  });

  it('exports only valid records, and says so', async () => {
    const { code, stdout, stderr } = await run(['export', '--input', file('bad.json')]);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toMatch(/3 error\(s\); only valid records are exported/);
    expect(parseCsv(stdout).rows.map((row) => row[0])).toEqual(['id', 'p-1', 'p-2', 'p-5']); // p-3, p-4 left out
  });

  it('rejects an unknown format or separator, and explains a missing embedded dataset', async () => {
    expect((await run(['export', '--format', 'xlsx'])).code).toBe(EXIT_USAGE);
    expect((await run(['export', '--separator', '|'])).code).toBe(EXIT_USAGE);
    const missing = await run(['export'], { loadEmbeddedDataset: () => Promise.reject(new Error('Cannot find package')) });
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toMatch(/Install it or pass --input/);
  });
});

const bin = fileURLToPath(new URL('../../bin/cnr-widgets.js', import.meta.url));
describe('cnr-widgets render', () => {
  /** A stand-in for @cnr-widgets/elements/server: what the command hands it, and a page of what the client reads. */
  function renderer(calls: unknown[]) {
    return async () => ({
      renderWidgetHTML: async (tag: string, attributes: Record<string, string | true>, options: { client?: { projects: () => Promise<{ data: { total: number } }> }; lang?: string }) => {
        calls.push({ tag, attributes, lang: options.lang, client: options.client !== undefined });
        const total = options.client ? (await options.client.projects()).data.total : undefined;
        return `<${tag}><template shadowrootmode="open">${total ?? 'embedded'}</template></${tag}>`;
      },
    });
  }

  it('hands the tag, the name=value attributes and the language to the renderer, and prints its HTML', async () => {
    const calls: unknown[] = [];
    const { code, stdout } = await run(['render', 'cnr-project-list', 'territory=departement:57', 'page-size=24', 'table-open', 'q=a=b', '--lang', 'en'], { loadRenderer: renderer(calls) });
    expect(code).toBe(EXIT_OK);
    expect(calls).toEqual([
      { tag: 'cnr-project-list', attributes: { territory: 'departement:57', 'page-size': '24', 'table-open': true, q: 'a=b' }, lang: 'en', client: false },
    ]);
    expect(stdout).toBe('<cnr-project-list><template shadowrootmode="open">embedded</template></cnr-project-list>\n');
  });

  it('--input: the producer\'s file, read through the SDK; --out: a file', async () => {
    const calls: unknown[] = [];
    const { code, stderr } = await run(['render', 'cnr-project-list', '--input', file('valid.json'), '--out', file('list.html')], { loadRenderer: renderer(calls) });
    expect(code).toBe(EXIT_OK);
    expect(stderr).toContain('list.html: HTML of <cnr-project-list> written.');
    expect(await readFile(file('list.html'), 'utf8')).toContain('<template shadowrootmode="open">2</template>');
  });

  it('says what to install when @cnr-widgets/elements is missing, and rejects a bad attribute', async () => {
    const missing = await run(['render', 'cnr-key-figures'], {
      loadRenderer: async () => {
        throw new Error("Cannot find module '@cnr-widgets/elements/server'");
      },
    });
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toMatch(/install @cnr-widgets\/elements in this project \(pnpm add @cnr-widgets\/elements\)/);
    const bad = await run(['render', 'cnr-key-figures', 'Territory=57'], { loadRenderer: renderer([]) });
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.stderr).toContain('"Territory=57" is not an attribute');
    const none = await run(['render'], { loadRenderer: renderer([]) });
    expect(none.code).toBe(EXIT_USAGE);
    expect(none.stderr).toContain('Usage: cnr-widgets render');
  });

  it('a renderer that fails: its error, exit 2', async () => {
    const { code, stderr } = await run(['render', 'cnr-axis-filter'], {
      loadRenderer: async () => ({
        renderWidgetHTML: async () => {
          throw new TypeError('<cnr-axis-filter> is not rendered ahead of time');
        },
      }),
    });
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('<cnr-axis-filter>: cannot render: <cnr-axis-filter> is not rendered ahead of time');
  });
});

const built = existsSync(fileURLToPath(new URL('../../dist/cli.js', import.meta.url)));
/** Under CI (`CI=true`) the build ran first (scripts/test.sh): a missing build fails, it is not skipped. */
const ci = /^(true|1)$/i.test(process.env['CI'] ?? '');

describe.skipIf(!built && !ci)('bin/cnr-widgets.js (built CLI)', () => {
  it('is built (scripts/test.sh builds before the tests)', () => {
    expect(built, 'packages/sdk/dist/cli.js is missing: run `pnpm build` first').toBe(true);
  });

  it('runs as a process and sets the exit code', () => {
    // --standalone: the file is self-contained; checked alone.
    // French first: a machine whose locale says nothing (LANG=C) gets French.
    const ok = spawnSync(process.execPath, [bin, 'validate', file('valid.json'), '--standalone'], { encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C' } });
    expect(ok.stdout).toMatch(/valide — /);
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, 'validate', file('bad.json'), '--lang', 'en'], { encoding: 'utf8' });
    expect(bad.stdout).toMatch(/error projects\[2\] \(id p-3\) › title/);
    expect(bad.status).toBe(1);
    const broken = spawnSync(process.execPath, [bin, 'validate', file('broken.json')], { encoding: 'utf8' });
    expect(broken.status).toBe(2);
  });

  it('reads the reference and the COG table from the installed package', () => {
    const five = spawnSync(process.execPath, [bin, 'template'], { encoding: 'utf8' });
    expect(five.status).toBe(0);
    expect(five.stdout).toContain('collection;id;title');
    const completed = spawnSync(process.execPath, [bin, 'complete', file('valid.json')], { encoding: 'utf8' });
    expect(completed.status).toBe(0);
  });
});
