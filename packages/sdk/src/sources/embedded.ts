import { CnrDataError, CnrHttpError } from '../errors.js';
import { createMemorySource } from './memory.js';
import type { DataSource } from './types.js';

/** Loads the module holding the reference dataset. */
export type EmbeddedModuleLoader = () => Promise<unknown>;

/**
 * The reference dataset of `@cnr-widgets/data`. Its module is imported on
 * first use only (a dynamic `import()`, a separate chunk for bundlers), then
 * validated and indexed once and shared by every client.
 */
const importDataModule: EmbeddedModuleLoader = () => import('@cnr-widgets/data');

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

export function createEmbeddedSource(loadModule: EmbeddedModuleLoader = importDataModule): DataSource {
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
  });
}
