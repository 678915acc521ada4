export { mergeDocuments, parseDataset, type DocumentPart, type MergeResult, type ParseOptions, type ParseResult } from './parse.js';
export { checkReferences } from './reference-problems.js';
export { formatProblem } from './report.js';
export type { CollectionCount, LocalizedMessage, ValidationProblem, ValidationReport } from './report.js';
