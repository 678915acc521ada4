/** Page sizes of `client.projects` (the query engine, the REST contract and the CSV export share them). No zod here. */

/** Page size when none is asked. */
export const DEFAULT_LIMIT = 20;
/** Largest page size. */
export const MAX_LIMIT = 1000;
