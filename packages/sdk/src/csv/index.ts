/**
 * `@cnr-widgets/sdk/csv`: RFC 4180 CSV reading and writing, and the CSV forms
 * of projects and concertation figures. No dependency; browser and Node.
 *
 * @packageDocumentation
 */
export {
  detectSeparator,
  formatCsvField,
  isFormulaLike,
  parseCsv,
  writeCsv,
  type CsvParseOptions,
  type CsvParseResult,
  type CsvSeparator,
  type CsvSyntaxProblem,
  type CsvWriteOptions,
} from './csv.js';
export { joinList, splitList } from './lists.js';
export {
  FIGURE_CSV_COLUMNS,
  FIGURE_CSV_METRICS,
  FIGURE_CSV_QUALIFIERS,
  PROJECT_CSV_COLUMNS,
  detectCsvCollection,
  figuresFromCsv,
  figuresToCsv,
  projectsFromCsv,
  projectsToCsv,
  type CsvImportResult,
  type CsvProblem,
} from './entities.js';
export {
  DATASET_CSV_COLLECTIONS,
  DATASET_CSV_COLUMNS,
  datasetFromCsv,
  datasetToCsv,
  isDatasetCsv,
  type DatasetCsvCollection,
  type DatasetCsvImportResult,
} from './dataset.js';
export { exportProjects, type ExportProjectsOptions } from './export.js';
