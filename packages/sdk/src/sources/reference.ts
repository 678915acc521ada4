import { CnrHttpError } from '../errors.js';
import type { Dataset } from '../schemas/dataset.js';

/**
 * What a producer's document stands on:
 * - `true` (default): the reference of `@cnr-widgets/data/referential` —
 *   pays, régions, départements, TDS, axes, solutions and the documents they
 *   cite (about 4 kB gzipped, a separate chunk loaded with the document);
 * - `false`: nothing, the document must hold every record it references;
 * - a dataset object: that base instead (its records are trusted as they are).
 */
export type ReferenceOption = boolean | object;

let referential: Promise<Dataset> | undefined;

function datasetOf(module: unknown): Dataset {
  const exports = module as Record<string, unknown>;
  return (exports['referential'] ?? exports['default']) as Dataset;
}

/** The base a producer's document is merged over (see {@link ReferenceOption}); loaded once per page. */
export function loadReference(option: ReferenceOption = true): Promise<Dataset | undefined> {
  if (option === false) return Promise.resolve(undefined);
  if (option !== true) return Promise.resolve(option as Dataset);
  referential ??= import('@cnr-widgets/data/referential').then(datasetOf, (cause: unknown) => {
    referential = undefined;
    // In a browser, a chunk that failed to download.
    throw new CnrHttpError({
      message:
        'Le référentiel (territoires, axes) n’a pas pu être chargé. / The reference (territories, axes) could not be loaded: @cnr-widgets/data/referential',
      url: '@cnr-widgets/data/referential',
      retryable: true,
      code: 'network',
      cause,
    });
  });
  return referential;
}
