import type { CnrClient, Project, ProjectFilters, ProjectQueryOptions } from '@cnr-widgets/sdk';

/** Every project of the selection (all pages), in the list's order. */
export async function allProjects(client: CnrClient, filters: ProjectFilters, order: ProjectQueryOptions): Promise<Project[]> {
  const projects: Project[] = [];
  for (let offset = 0; ; ) {
    const { data } = await client.projects(filters, { ...order, limit: 1000, offset });
    projects.push(...data.items);
    offset += data.items.length;
    if (data.items.length === 0 || offset >= data.total) break;
  }
  return projects;
}

/** Writes `projects` as CSV and has the browser download it as `fileName`. */
export async function downloadCsv(root: HTMLElement | DocumentFragment, projects: readonly Project[], fileName: string): Promise<void> {
  // The CSV writer is loaded only when someone exports.
  const { projectsToCsv } = await import('@cnr-widgets/sdk/csv');
  const blob = new Blob([projectsToCsv(projects)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after `click()` returns: revoke it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
