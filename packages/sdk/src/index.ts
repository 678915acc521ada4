export * from './schemas/index.js';
export * from './errors.js';
export * from './validation/index.js';
export * from './query/index.js';
export { createClient, type CnrClient, type ClientOptions } from './client.js';
export type { CallOptions, ClientResult, DataSource, FiguresQuery, LoadResult } from './sources/types.js';
export { parseFiguresParams, parseFilterParams, parseProjectParams, type ParamError } from './sources/rest-params.js';
