import { CnrDataError, CnrHttpError } from '../errors.js';
import { COLLECTION_NAMES } from '../schemas/collections.js';
import type { Dataset } from '../schemas/dataset.js';
import { createMemorySource, type DocumentPreparer } from './memory.js';
import type { DataSource } from './types.js';

/** Loads the module holding the reference dataset. */
export type EmbeddedModuleLoader = () => Promise<unknown>;

/**
 * The reference dataset of `@cnr-widgets/data`. Its module is imported on
 * first use only (a dynamic `import()`, a separate chunk for bundlers), then
 * validated and indexed once and shared by every client.
 */
let dataModule: Promise<unknown> | undefined;
/**
 * One `import()` per page, kept: a second `import()` of a module already evaluated still waits for
 * a task in browsers (up to 40 ms measured on the CDN map page, where the autoloader's preloader
 * and the widgets' client each asked), while the kept promise answers in a microtask. Forgotten
 * when it fails, so that « Réessayer » downloads again.
 */
const importDataModule: EmbeddedModuleLoader = () =>
  (dataModule ??= import('@cnr-widgets/data').catch((error: unknown) => {
    dataModule = undefined;
    throw error;
  }));

function datasetOf(module: unknown): unknown {
  if (typeof module === 'object' && module !== null) {
    const exports = module as Record<string, unknown>;
    for (const name of ['dataset', 'default']) {
      const value = exports[name];
      if (typeof value === 'object' && value !== null) return value;
    }
  }
  throw new CnrDataError({
    message:
      'Le module @cnr-widgets/data n’exporte pas de jeu de données. / The @cnr-widgets/data module exports no dataset.',
  });
}

/**
 * The reference dataset is validated when it is built and in CI (zero
 * problems, every reference resolved: packages/sdk/test/reference-dataset.test.ts),
 * so it is used as is: a page reading it never downloads the validation code.
 */
const trustReferenceDataset: DocumentPreparer = (raw) => {
  const dataset = raw as Dataset;
  const counts = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, { valid: (dataset[name] as unknown[] | undefined)?.length ?? 0, invalid: 0 }]),
  );
  return Promise.resolve({ dataset, report: { problems: [], counts } });
};

/**
 * The embedded source. `loadModule` replaces the dataset module (tests);
 * such a module is validated like any document unless `trusted` is true.
 */
export function createEmbeddedSource(
  loadModule: EmbeddedModuleLoader = importDataModule,
  trusted = loadModule === importDataModule,
): DataSource {
  return createMemorySource('embedded', async () => {
    let module: unknown;
    try {
      module = await loadModule();
    } catch (cause) {
      // In a browser this is a chunk that failed to download.
      throw new CnrHttpError({
        message:
          'Le jeu de données intégré n’a pas pu être chargé. / The embedded dataset could not be loaded: @cnr-widgets/data',
        url: '@cnr-widgets/data',
        retryable: true,
        code: 'network',
        cause,
      });
    }
    return datasetOf(module);
  }, trusted ? trustReferenceDataset : undefined);
}
