/** `cnr-widgets validate`: checks a JSON or CSV file against the reference, every problem located. */
import type { CsvProblem } from '../../csv/index.js';
import { CnrDataError } from '../../errors.js';
import type { Dataset } from '../../schemas/dataset.js';
import { mergeDocuments, parseDataset, type ValidationProblem } from '../../validation/index.js';
import type { Options } from '../args.js';
import { csvToDocument, isCsvFile, parseJsonFile, readText } from '../files.js';
import { REFERENCE_MODULE, isObject } from '../io.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, errorMessage, printDataError, type Output } from '../output.js';

function summarize(
  o: Output,
  path: string,
  problems: readonly { severity: 'error' | 'warning' }[],
  counts: Record<string, { valid: number; invalid: number }>,
  allowWarnings: boolean,
): number {
  const fr = o.lang === 'fr';
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const kept = Object.entries(counts)
    .filter(([, count]) => count.valid + count.invalid > 0)
    .map(([name, count]) => `${name} ${count.valid}${count.invalid > 0 ? `/${count.valid + count.invalid}` : ''}`)
    .join(', ');
  const records = kept === '' ? (fr ? 'aucun enregistrement' : 'no record') : kept;
  if (problems.length === 0) {
    o.out(fr ? `${path} : valide — ${records}.` : `${path}: valid — ${records}.`);
    return EXIT_OK;
  }
  o.out(
    fr
      ? `${path} : ${errors} erreur${errors > 1 ? 's' : ''}, ${warnings} avertissement${warnings > 1 ? 's' : ''} — enregistrements valides : ${records}.`
      : `${path}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} — valid records: ${records}.`,
  );
  return errors > 0 || !allowWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * What a file is checked against: the reference (`@cnr-widgets/data/referential`),
 * with `--base` added to it; `--standalone`: only `--base`, if given.
 * `undefined` when there is nothing (the references are then not checked).
 */
async function loadBase(o: Output, options: Options): Promise<{ base: Dataset | undefined; checked: boolean }> {
  let reference: Dataset | undefined;
  let checked = true;
  if (!options.standalone) {
    try {
      reference = (await o.io.loadReference()) as Dataset;
    } catch {
      checked = false;
      o.err({
        fr: `Référentiel indisponible (${REFERENCE_MODULE}) : les références aux régions, départements, axes… ne sont pas vérifiées. Installez @cnr-widgets/data ou passez --base <fichier.json>.`,
        en: `Reference unavailable (${REFERENCE_MODULE}): references to régions, départements, axes… are not checked. Install @cnr-widgets/data or pass --base <file.json>.`,
      });
    }
  }
  const basePath = options.base ?? options.dataset;
  if (basePath === undefined) return { base: reference, checked };
  const raw = parseJsonFile(basePath, await readText(o, basePath));
  try {
    return { base: mergeDocuments([{ document: raw, src: basePath }], reference).dataset, checked: true };
  } catch (error) {
    throw new UsageError({
      fr: `La base « ${basePath} » n’est pas un jeu de données utilisable : ${errorMessage(error)}`,
      en: `Base "${basePath}" is not a usable dataset: ${errorMessage(error)}`,
    });
  }
}

/**
 * Points a problem at the record's index in the file. Reference problems may
 * count only the records that were kept; the id tells the record in the file.
 */
function withInputIndex(problem: ValidationProblem, input: unknown): ValidationProblem {
  const { collection, index, id } = problem;
  if (collection === undefined || index === undefined || id === undefined || !isObject(input)) return problem;
  const records = Object.hasOwn(input, collection) ? input[collection] : undefined;
  if (!Array.isArray(records)) return problem;
  const idAt = (i: number): unknown => (isObject(records[i]) ? (records[i] as Record<string, unknown>)['id'] : undefined);
  if (idAt(index) === id) return problem;
  for (let i = 0; i < records.length; i++) if (idAt(i) === id) return { ...problem, index: i };
  return problem;
}

const isReferenceProblem = (problem: ValidationProblem) => problem.message.en.startsWith('Unknown reference');

/** Validates a document over the base; `rowOf` locates a problem in a CSV. */
async function validateDocument(
  o: Output,
  path: string,
  document: unknown,
  options: Options,
  csv?: { problems: CsvProblem[]; rowOf: (problem: ValidationProblem) => number | undefined },
): Promise<number> {
  const { base, checked } = await loadBase(o, options);
  let result;
  try {
    result = parseDataset(document, base ? { base } : {});
  } catch (error) {
    if (!(error instanceof CnrDataError)) throw error;
    printDataError(o, path, error);
    return EXIT_PROBLEMS;
  }
  let problems = result.report.problems.map((problem) => withInputIndex(problem, document));
  if (!checked) problems = problems.filter((problem) => !isReferenceProblem(problem));
  if (csv) {
    for (const problem of csv.problems) o.csvProblem(problem);
    const located = problems.map((problem) => ({ problem, row: csv.rowOf(problem) }));
    located.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
    for (const { problem, row } of located) o.problem(problem, row);
  } else {
    for (const problem of problems) o.problem(problem);
  }
  return summarize(o, path, [...(csv?.problems ?? []), ...problems], result.report.counts, options['allow-warnings']);
}

async function validateCsv(o: Output, path: string, text: string, options: Options): Promise<number> {
  const csv = csvToDocument(o, path, text, options);
  if (csv === undefined) return EXIT_PROBLEMS;
  const document = { version: 'csv', generatedAt: o.io.now(), ...csv.document };
  const records = csv.document as Record<string, Record<string, unknown>[]>;
  const rowOf = (problem: ValidationProblem): number | undefined => {
    const { collection, index, id } = problem;
    if (collection === undefined) return undefined;
    const rows = csv.rows[collection];
    const list = records[collection] ?? [];
    if (index !== undefined && (id === undefined || list[index]?.['id'] === id)) return rows?.[index];
    const found = id === undefined ? -1 : list.findIndex((record) => record['id'] === id);
    return found === -1 ? undefined : rows?.[found];
  };
  return validateDocument(o, path, document, options, { problems: csv.problems, rowOf });
}

export async function validate(o: Output, positionals: string[], options: Options): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) {
    throw new UsageError({
      fr: 'Usage : cnr-widgets validate <fichier.json|fichier.csv>',
      en: 'Usage: cnr-widgets validate <file.json|file.csv>',
    });
  }
  const text = await readText(o, path);
  if (isCsvFile(path, text)) return validateCsv(o, path, text, options);
  return validateDocument(o, path, parseJsonFile(path, text), options);
}
