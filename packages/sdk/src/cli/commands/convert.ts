/** `cnr-widgets convert`: a CSV (one-sheet form) as the JSON document. */
import { COLLECTION_NAMES } from '../../schemas/dataset.js';
import { onePath, type Options } from '../args.js';
import { csvToDocument, documentOfCsv, emit, readText } from '../files.js';
import { EXIT_OK, EXIT_PROBLEMS, type Output } from '../output.js';

export async function convert(o: Output, positionals: string[], options: Options): Promise<number> {
  const path = onePath(positionals, { fr: 'Usage : cnr-widgets convert <fichier.csv> [--out fichier.json]', en: 'Usage: cnr-widgets convert <file.csv> [--out file.json]' });
  const text = await readText(o, path);
  const csv = csvToDocument(o, path, text, options);
  if (csv === undefined) return EXIT_PROBLEMS;
  for (const problem of csv.problems) o.csvProblem(problem);
  const document = documentOfCsv(o, csv, options);
  const counts = COLLECTION_NAMES.filter((name) => Array.isArray(document[name]))
    .map((name) => `${name} ${(document[name] as unknown[]).length}`)
    .join(', ');
  await emit(o, `${JSON.stringify(document, null, 2)}\n`, options.out, {
    fr: `${options.out} : écrit (${counts}). Vérifiez-le : cnr-widgets validate ${options.out}`,
    en: `${options.out}: written (${counts}). Check it: cnr-widgets validate ${options.out}`,
  });
  return csv.problems.some((problem) => problem.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}
