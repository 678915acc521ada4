export * from './schemas/index.js';
export * from './errors.js';
export * from './validation/index.js';
export type * from './query/types.js';
