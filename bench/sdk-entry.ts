// What the Node bench (bench/sdk.mjs) measures: the SDK from its sources,
// bundled by Vite (bench/lib/build.mjs) with its dependencies.
export {
  computeFacets,
  createClient,
  createIndex,
  parseDataset,
  queryProjects,
  totalFunding,
} from '../packages/sdk/src/index.js';
export { generateDataset } from '../packages/sdk/src/testing/index.js';
