/** What the server uses of the SDK. */
export {
  CnrError,
  computeFacets,
  createClient,
  createIndex,
  formatProblem,
  parseDataset,
  parseFiguresParams,
  parseFilterParams,
  parseProjectParams,
  queryProjects,
  sumFigures,
  totalFunding,
  type Dataset,
  type DatasetMeta,
  type ParamError,
  type ValidationReport,
} from '@cnr-widgets/sdk';
