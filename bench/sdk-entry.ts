// What the Node bench (bench/sdk.mjs) measures: the SDK from its sources,
// bundled by Vite (bench/lib/build.mjs) with its dependencies.
export {
  computeFacets,
  createClient,
  createIndex,
  generateDataset,
  parseDataset,
  queryProjects,
  totalFunding,
} from '../packages/sdk/src/index.js';
