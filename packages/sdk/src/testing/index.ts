/**
 * `@cnr-widgets/sdk/testing`: seeded synthetic datasets for tests, stories and
 * benchmarks. Made-up data over real INSEE codes; never use it as data. Not
 * part of the runtime entry (`@cnr-widgets/sdk`).
 */
export { generateDataset, type SyntheticOptions } from './synthetic.js';
