/** `cnr-widgets export`: the projects or figures of a dataset as CSV. */
import { figuresToCsv, projectsToCsv } from '../../csv/index.js';
import { CnrDataError } from '../../errors.js';
import { parseDataset } from '../../validation/index.js';
import { collectionOption, separatorOption, type Options } from '../args.js';
import { emit, parseJsonFile, readText } from '../files.js';
import { DATA_PACKAGE } from '../io.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, errorMessage, printDataError, type Output } from '../output.js';

export async function exportCsv(o: Output, positionals: string[], options: Options): Promise<number> {
  if (positionals.length > 0) {
    throw new UsageError({
      fr: `Argument inattendu : « ${positionals[0]} » (le fichier à exporter se passe avec --input).`,
      en: `Unexpected argument: "${positionals[0]}" (pass the file to export with --input).`,
    });
  }
  const format = options.format ?? 'csv';
  if (format !== 'csv') {
    throw new UsageError({ fr: `Format inconnu : « ${format} » (seul « csv » existe).`, en: `Unknown format: "${format}" (only "csv").` });
  }
  const separator = separatorOption(options.separator) ?? ',';
  const collection = collectionOption(options.collection) ?? 'projects';
  const source = options.input ?? DATA_PACKAGE;

  let raw: unknown;
  if (options.input !== undefined) {
    raw = parseJsonFile(options.input, await readText(o, options.input));
  } else {
    try {
      raw = await o.io.loadEmbeddedDataset();
    } catch (error) {
      throw new UsageError({
        fr: `Jeu de référence embarqué indisponible (${DATA_PACKAGE} : ${errorMessage(error)}). Installez-le ou passez --input <fichier.json>.`,
        en: `Embedded reference dataset unavailable (${DATA_PACKAGE}: ${errorMessage(error)}). Install it or pass --input <file.json>.`,
      });
    }
  }

  let result;
  try {
    result = parseDataset(raw);
  } catch (error) {
    if (!(error instanceof CnrDataError)) throw error;
    printDataError(o, source, error);
    return EXIT_PROBLEMS;
  }
  const errors = result.report.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    o.err({
      fr: `${source} : ${errors} erreur(s) ; seuls les enregistrements valides sont exportés (voir cnr-widgets validate).`,
      en: `${source}: ${errors} error(s); only valid records are exported (see cnr-widgets validate).`,
    });
  }
  const writeOptions = { separator, bom: !options['no-bom'], escapeFormulas: !options['no-formula-guard'] };
  const records = result.dataset[collection];
  const csv =
    collection === 'projects'
      ? projectsToCsv(result.dataset.projects, writeOptions)
      : figuresToCsv(result.dataset.figures, writeOptions);

  await emit(o, csv, options.out, {
    fr: `${records.length} enregistrement(s) « ${collection} » écrit(s) dans ${options.out}.`,
    en: `Wrote ${records.length} ${collection} record(s) to ${options.out}.`,
  });
  return EXIT_OK;
}
