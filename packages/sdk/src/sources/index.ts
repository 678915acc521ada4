export { createEmbeddedSource, type EmbeddedModuleLoader } from './embedded.js';
export { createStaticSource, type StaticSourceOptions } from './static.js';
export { createRestSource, type RestSourceOptions } from './rest.js';
export { createMemorySource, type DocumentLoader } from './memory.js';
export {
  breakdownToParams,
  figuresQueryToParams,
  filtersToParams,
  parseFiguresParams,
  parseFilterParams,
  parseProjectParams,
  projectQueryToParams,
  type ParamError,
} from './rest-params.js';
export type { CallOptions, ClientResult, DataSource, LoadResult } from './types.js';
