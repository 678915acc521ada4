export * from './schemas/index.js';
export * from './errors.js';
export * from './validation/index.js';
export * from './query/index.js';
export { createClient, parseSrcList, type CnrClient, type ClientOptions, type ReferenceOption } from './client.js';
export type { CallOptions, ClientResult, DataSource, FiguresQuery, LoadResult, SourceFailure, UnattributedQuery } from './sources/types.js';
export {
  departementOfCommune,
  describeTerritoryId,
  parseTerritoryId,
  territoryId,
  territoryKindLabel,
} from './territories/ids.js';
export { findJsonSyntaxFault, parseJsonText, type JsonSyntaxFault } from './validation/json-text.js';
export { parseFiguresParams, parseFilterParams, parseProjectParams, type ParamError } from './sources/rest-params.js';
// The CSV export of `<cnr-project-list>` (the CSV writer only; the readers stay in `@cnr-widgets/sdk/csv`).
export { exportProjects, type ExportProjectsOptions } from './csv/export.js';
