import { exportProjects, type CnrClient, type ProjectFilters, type ProjectQueryOptions } from '@cnr-widgets/sdk';

/**
 * The CSV of every project of the selection, in the list's order, written by
 * the SDK's `exportProjects`; `count` is how many projects it holds.
 */
export async function selectionCsv(client: CnrClient, filters: ProjectFilters, order: ProjectQueryOptions): Promise<{ csv: string; count: number }> {
  let count = 0;
  const csv = await exportProjects(client, filters, {
    ...(order.sort ? { sort: order.sort } : {}),
    ...(order.order ? { order: order.order } : {}),
    onProgress: (done) => (count = done),
  });
  return { csv, count };
}
