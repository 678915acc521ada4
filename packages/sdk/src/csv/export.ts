/**
 * The CSV export of a selection of projects, as `<cnr-project-list>` offers it:
 * every page of `client.projects(filters)`, written with {@link projectsToCsv}.
 * It imports the CSV writer only (not the readers), so a bundle that loads it
 * on demand loads little.
 */
import type { CnrClient } from '../client.js';
import type { ProjectFilters, ProjectQueryOptions } from '../query/types.js';
import { MAX_LIMIT } from '../query/limits.js';
import type { Project } from '../schemas/project.js';
import type { CsvWriteOptions } from './csv.js';
import { projectsToCsv } from './write.js';

export interface ExportProjectsOptions extends Pick<CsvWriteOptions, 'separator'> {
  /** Aborts the export: the promise rejects with `CnrAbortError`. */
  signal?: AbortSignal;
  /** Order of the rows, as `client.projects` sorts them. Default: the client's order. */
  sort?: ProjectQueryOptions['sort'];
  order?: ProjectQueryOptions['order'];
  /** Called after each page with the projects read so far and the total of the selection. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads every project matching `filters` through `client` (pages of
 * {@link MAX_LIMIT}) and returns them as CSV text: the columns of
 * `PROJECT_CSV_COLUMNS` (field names, the same in every language), a UTF-8
 * BOM, CRLF line breaks and formula-like cells prefixed with `'`. The
 * separator is `,` unless `separator: ';'` is asked.
 *
 * @example
 * const csv = await exportProjects(client, { territory: 'departement:44' }, { signal, sort: 'title', order: 'asc' });
 */
export async function exportProjects(
  client: Pick<CnrClient, 'projects'>,
  filters: ProjectFilters = {},
  options: ExportProjectsOptions = {},
): Promise<string> {
  const { signal, sort, order, onProgress, separator } = options;
  const query: ProjectQueryOptions = { ...(sort ? { sort } : {}), ...(order ? { order } : {}) };
  const projects: Project[] = [];
  for (let offset = 0; ; ) {
    const { data } = await client.projects(filters, { ...query, limit: MAX_LIMIT, offset }, signal ? { signal } : undefined);
    projects.push(...data.items);
    offset += data.items.length;
    onProgress?.(projects.length, data.total);
    if (data.items.length === 0 || offset >= data.total) break;
  }
  return projectsToCsv(projects, separator ? { separator } : {});
}
