/**
 * CSV forms of projects and concertation figures: one record per row, one
 * field per column, the header naming the fields (`source.document` for a
 * nested one). Columns are documented in `README.md` beside this file.
 *
 * The columns are in `columns.ts`, the writers in `write.ts`, the readers in
 * `read.ts`; this module gathers them.
 */
export * from './columns.js';
export * from './write.js';
export * from './read.js';
