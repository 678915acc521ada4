// Validation and indexing in the browser: the document is fetched and parsed
// first (timed apart), then `createClient({ src: document }).load()` —
// validate + index, what <cnr-provider> does after the download — is timed
// with performance.measure.
import { createClient } from '../../packages/sdk/src/index.js';
import { datasetParam, pageErrors, scriptStart } from './measure.js';

const { n, src } = datasetParam();

async function load(): Promise<{ fetchParse: number; validateIndex: number; projects: number; problems: number }> {
  const start = performance.now();
  const response = await fetch(src);
  const document: unknown = await response.json();
  const fetchParse = performance.now() - start;
  // The static source's module is imported on first use: import it first, with an empty document.
  await createClient({ src: { version: 'warm-up', generatedAt: '2024-01-01T00:00:00Z' } }).load();
  performance.mark('bench:load-start');
  const result = await createClient({ src: document as object }).load();
  performance.mark('bench:load-end');
  const measure = performance.measure('bench:validate+index', 'bench:load-start', 'bench:load-end');
  return { fetchParse, validateIndex: measure.duration, projects: result.dataset.projects.length, problems: result.problems.length };
}

const bench = { page: 'load', n, available: true, reason: '', scriptStart, load, errors: pageErrors };
Object.assign(window, { bench });
