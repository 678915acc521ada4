import { describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { isAbortError } from '../errors.js';
import type { Project } from '../schemas/project.js';
import { generateDataset } from '../testing/synthetic.js';
import { parseCsv } from './csv.js';
import { PROJECT_CSV_COLUMNS } from './columns.js';
import { exportProjects } from './export.js';
import { projectsToCsv } from './write.js';

const dataset = generateDataset({ projects: 2300, seed: 7 });
const client = createClient({ src: dataset, reference: false });

describe('exportProjects', () => {
  it('writes every page of the selection, in the asked order, as the list wrote it (BOM, header, CRLF)', async () => {
    const pages: number[] = [];
    const csv = await exportProjects(client, {}, { sort: 'title', order: 'asc', onProgress: (done) => pages.push(done) });
    // What <cnr-project-list> wrote before: every page of 1000, then projectsToCsv.
    const projects: Project[] = [];
    for (let offset = 0; ; ) {
      const { data } = await client.projects({}, { sort: 'title', order: 'asc', limit: 1000, offset });
      projects.push(...data.items);
      offset += data.items.length;
      if (data.items.length === 0 || offset >= data.total) break;
    }
    expect(csv).toBe(projectsToCsv(projects));
    expect(pages).toEqual([1000, 2000, 2300]);
    expect(csv.startsWith('\uFEFF' + PROJECT_CSV_COLUMNS.join(',') + '\r\n')).toBe(true);
    const rows = parseCsv(csv).rows;
    expect(rows).toHaveLength(2301);
    const titles = rows.slice(1).map((row) => row[PROJECT_CSV_COLUMNS.indexOf('title')]);
    expect(titles).toEqual(projects.map((p) => p.title));
  });

  it('keeps to the filters and the separator asked', async () => {
    const { data } = await client.projects({ statuses: ['realise'] }, { limit: 1 });
    const csv = await exportProjects(client, { statuses: ['realise'] }, { separator: ';' });
    const parsed = parseCsv(csv);
    expect(parsed.separator).toBe(';');
    expect(parsed.rows).toHaveLength(data.total + 1);
    expect(new Set(parsed.rows.slice(1).map((row) => row[PROJECT_CSV_COLUMNS.indexOf('status')]))).toEqual(new Set(['realise']));
  });

  it('writes a header only for an empty selection', async () => {
    const csv = await exportProjects(client, { q: 'aucun projet ne contient ce texte zzzz' });
    expect(csv).toBe('\uFEFF' + PROJECT_CSV_COLUMNS.join(',') + '\r\n');
  });

  it('neutralises formula-like cells', async () => {
    const base = dataset.projects[0]!;
    const hostile = createClient({ src: { ...dataset, projects: [{ ...base, title: '=HYPERLINK("http://evil")' }] }, reference: false });
    const rows = parseCsv(await exportProjects(hostile)).rows;
    expect(rows[1]![PROJECT_CSV_COLUMNS.indexOf('title')]).toBe('\'=HYPERLINK("http://evil")');
  });

  it('rejects with an abort error when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await exportProjects(client, {}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });
});
