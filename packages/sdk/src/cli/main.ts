/**
 * The `cnr-widgets` command line (Node only).
 *
 *   cnr-widgets validate <file.json|file.csv>
 *   cnr-widgets export --format csv [--input file.json] [--separator ';'] [--out file]
 *
 * {@link main} takes the arguments and an injectable `io`, and resolves to the
 * exit code, so it is tested without spawning a process; `bin/cnr-widgets.js`
 * calls it with the real process.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  detectCsvCollection,
  figuresFromCsv,
  figuresToCsv,
  projectsFromCsv,
  projectsToCsv,
  type CsvImportResult,
  type CsvProblem,
  type CsvSeparator,
} from '../csv/index.js';
import { CnrDataError } from '../errors.js';
import type { Dataset } from '../schemas/dataset.js';
import { checkReferences, parseDataset, type LocalizedMessage, type ValidationProblem } from '../validation/index.js';

export type CliLang = 'fr' | 'en';

/** What the CLI reads from and writes to; every member can be replaced (tests). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  /** The reference dataset of `@cnr-widgets/data` (loaded on demand). */
  loadEmbeddedDataset: () => Promise<unknown>;
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 all good; 1 the data has problems; 2 usage or input/output error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

type CsvCollection = 'projects' | 'figures';

const DATA_PACKAGE = '@cnr-widgets/data';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeDataset(value: unknown): boolean {
  return isObject(value) && ('projects' in value || 'territories' in value) && 'version' in value;
}

/** Finds the dataset among a module's exports (`dataset`, `default`, or a loader function). */
async function pickDataset(mod: unknown): Promise<unknown> {
  if (!isObject(mod)) return undefined;
  const candidates = [mod['dataset'], mod['default'], ...Object.values(mod)];
  for (const candidate of candidates) if (looksLikeDataset(candidate)) return candidate;
  for (const name of ['loadDataset', 'load', 'getDataset']) {
    const loader = mod[name];
    if (typeof loader === 'function') {
      const value: unknown = await (loader as () => unknown)();
      if (looksLikeDataset(value)) return value;
    }
  }
  return undefined;
}

async function loadEmbeddedDataset(): Promise<unknown> {
  // A variable specifier: the data package is optional for SDK users, and bundlers must leave it alone.
  const mod: unknown = await import(/* @vite-ignore */ DATA_PACKAGE);
  const dataset = await pickDataset(mod);
  if (dataset !== undefined) return dataset;
  const json: unknown = await import(/* @vite-ignore */ `${DATA_PACKAGE}/cnr-dataset.json`, { with: { type: 'json' } });
  const fromJson = await pickDataset(json);
  if (fromJson !== undefined) return fromJson;
  throw new Error(`${DATA_PACKAGE} exports no dataset`);
}

function defaultIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    loadEmbeddedDataset,
    env: process.env,
  };
}

// ---------------------------------------------------------------- messages

function langFromEnv(env: CliIo['env']): CliLang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const HELP: LocalizedMessage = {
  en: `cnr-widgets — validate and export CNR datasets

Usage:
  cnr-widgets validate <file.json|file.csv> [options]
  cnr-widgets export --format csv [options]
  cnr-widgets --help

validate: prints every problem with its location and exits 1 when there is any.
  A JSON file is a dataset document (see schema/cnr-dataset.schema.json).
  A CSV file holds projects or concertation figures (told by its header); its
  references (territories, axes, documents) are checked against the embedded
  reference dataset, or against --dataset.
  --collection projects|figures  what the CSV holds (default: from its header)
  --dataset <file.json>          referential for a CSV's references
  --separator ,|;                CSV separator (default: detected)
  --allow-warnings               exit 0 when there are only warnings

export: writes the projects (or figures) of a dataset as CSV.
  --format csv                   the only format (default)
  --input <file.json>            dataset to export (default: the embedded reference dataset)
  --collection projects|figures  default: projects
  --separator ,|;                default: ","; use ";" for French Excel
  --out <file>                   write to a file instead of standard output
  --no-bom                       no UTF-8 byte order mark (written by default for Excel)
  --no-formula-guard             do not prefix cells starting with = + - @ with '

  --lang en|fr                   language of messages (default: from LANG)
  -h, --help                     this help

Exit codes: 0 no problem, 1 problems in the data, 2 usage or file error.
`,
  fr: `cnr-widgets — valider et exporter des jeux de données du CNR

Usage :
  cnr-widgets validate <fichier.json|fichier.csv> [options]
  cnr-widgets export --format csv [options]
  cnr-widgets --help

validate : affiche chaque problème avec son emplacement ; code de sortie 1 s’il y en a.
  Un fichier JSON est un jeu de données (voir schema/cnr-dataset.schema.json).
  Un fichier CSV contient des projets ou des chiffres de la concertation (d’après
  son en-tête) ; ses références (territoires, axes, documents) sont vérifiées
  avec le jeu de référence embarqué, ou avec --dataset.
  --collection projects|figures  contenu du CSV (par défaut : d’après l’en-tête)
  --dataset <fichier.json>       référentiel pour les références d’un CSV
  --separator ,|;                séparateur CSV (par défaut : détecté)
  --allow-warnings               code 0 s’il n’y a que des avertissements

export : écrit les projets (ou les chiffres) d’un jeu de données en CSV.
  --format csv                   seul format (par défaut)
  --input <fichier.json>         jeu à exporter (par défaut : le jeu de référence embarqué)
  --collection projects|figures  par défaut : projects
  --separator ,|;                par défaut « , » ; « ; » pour Excel en français
  --out <fichier>                écrire dans un fichier plutôt que sur la sortie standard
  --no-bom                       sans marque d’ordre d’octets UTF-8 (écrite par défaut pour Excel)
  --no-formula-guard             ne pas préfixer de ' les cellules commençant par = + - @

  --lang en|fr                   langue des messages (par défaut : d’après LANG)
  -h, --help                     cette aide

Codes de sortie : 0 aucun problème, 1 problèmes dans les données, 2 erreur d’usage ou de fichier.
`,
};

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class Output {
  constructor(
    readonly io: CliIo,
    readonly lang: CliLang,
  ) {}

  t(message: LocalizedMessage): string {
    return message[this.lang];
  }

  out(message: LocalizedMessage | string): void {
    this.io.stdout(`${typeof message === 'string' ? message : this.t(message)}\n`);
  }

  err(message: LocalizedMessage | string): void {
    this.io.stderr(`${typeof message === 'string' ? message : this.t(message)}\n`);
  }

  severity(severity: 'error' | 'warning'): string {
    if (severity === 'error') return this.lang === 'fr' ? 'erreur' : 'error';
    return this.lang === 'fr' ? 'avertissement' : 'warning';
  }

  /** `erreur projects[3] (ligne 5, id p-3) › territories.0 : message` */
  problem(problem: ValidationProblem, row?: number): void {
    const fr = this.lang === 'fr';
    let where = problem.collection ?? 'document';
    if (problem.index !== undefined) where += `[${problem.index}]`;
    const details: string[] = [];
    if (row !== undefined) details.push(`${fr ? 'ligne' : 'row'} ${row}`);
    if (problem.id !== undefined) details.push(`id ${problem.id}`);
    if (details.length > 0) where += ` (${details.join(', ')})`;
    if (problem.path.length > 0) where += ` › ${problem.path.join('.')}`;
    this.out(`${this.severity(problem.severity)} ${where}${fr ? ' : ' : ': '}${this.t(problem.message)}`);
  }

  /** `error row 5 (line 7), column "territories": message` */
  csvProblem(problem: CsvProblem): void {
    const fr = this.lang === 'fr';
    let where = `${fr ? 'ligne' : 'row'} ${problem.row}`;
    if (problem.line !== problem.row) where += fr ? ` (ligne de texte ${problem.line})` : ` (line ${problem.line})`;
    if (problem.column !== undefined) where += fr ? `, colonne « ${problem.column} »` : `, column "${problem.column}"`;
    else if (problem.columnNumber !== undefined) where += fr ? `, colonne ${problem.columnNumber}` : `, column ${problem.columnNumber}`;
    this.out(`${this.severity(problem.severity)} ${where}${fr ? ' : ' : ': '}${this.t(problem.message)}`);
  }
}

// ---------------------------------------------------------------- arguments

interface Options {
  help: boolean;
  lang?: string;
  collection?: string;
  dataset?: string;
  separator?: string;
  'allow-warnings': boolean;
  format?: string;
  input?: string;
  out?: string;
  'no-bom': boolean;
  'no-formula-guard': boolean;
}

class UsageError extends Error {
  constructor(readonly text: LocalizedMessage) {
    super(text.en);
  }
}

function parseArguments(argv: readonly string[]): { command?: string; positionals: string[]; options: Options } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        lang: { type: 'string' },
        collection: { type: 'string' },
        dataset: { type: 'string' },
        separator: { type: 'string' },
        'allow-warnings': { type: 'boolean', default: false },
        format: { type: 'string' },
        input: { type: 'string' },
        out: { type: 'string' },
        'no-bom': { type: 'boolean', default: false },
        'no-formula-guard': { type: 'boolean', default: false },
      },
    });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, options: values as Options };
  } catch (error) {
    throw new UsageError({ fr: `Arguments invalides : ${errorMessage(error)}`, en: `Invalid arguments: ${errorMessage(error)}` });
  }
}

function separatorOption(value: string | undefined): CsvSeparator | undefined {
  if (value === undefined) return undefined;
  if (value === ',' || value === ';') return value;
  if (value === 'comma') return ',';
  if (value === 'semicolon') return ';';
  throw new UsageError({
    fr: `--separator vaut « , » ou « ; », pas « ${value} ».`,
    en: `--separator is "," or ";", not "${value}".`,
  });
}

function collectionOption(value: string | undefined): CsvCollection | undefined {
  if (value === undefined || value === 'projects' || value === 'figures') return value;
  throw new UsageError({
    fr: `--collection vaut « projects » ou « figures », pas « ${value} ».`,
    en: `--collection is "projects" or "figures", not "${value}".`,
  });
}

// ---------------------------------------------------------------- validate

function isCsvFile(path: string, text: string): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return true;
  if (lower.endsWith('.json')) return false;
  return !/^[\uFEFF\s]*[[{]/.test(text.slice(0, 1024));
}

async function readText(o: Output, path: string): Promise<string> {
  try {
    return await o.io.readFile(path);
  } catch (error) {
    throw new UsageError({
      fr: `Impossible de lire « ${path} » : ${errorMessage(error)}`,
      en: `Cannot read "${path}": ${errorMessage(error)}`,
    });
  }
}

/** Parses JSON text (a BOM allowed); `undefined` after printing the error. */
function parseJson(o: Output, path: string, text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch (error) {
    o.out(`${o.severity('error')} ${path}${o.lang === 'fr' ? ' : JSON invalide : ' : ': invalid JSON: '}${errorMessage(error)}`);
    return { ok: false };
  }
}

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

function printDataError(o: Output, path: string, error: CnrDataError): void {
  o.out(`${o.severity('error')} ${path}${o.lang === 'fr' ? ' : ' : ': '}${error.message}`);
  for (const problem of error.problems) o.problem(problem);
}

async function validateJson(o: Output, path: string, text: string, options: Options): Promise<number> {
  const json = parseJson(o, path, text);
  if (!json.ok) return EXIT_PROBLEMS;
  let result;
  try {
    result = parseDataset(json.value);
  } catch (error) {
    if (!(error instanceof CnrDataError)) throw error;
    printDataError(o, path, error);
    return EXIT_PROBLEMS;
  }
  const problems = result.report.problems.map((problem) => withInputIndex(problem, json.value));
  for (const problem of problems) o.problem(problem);
  return summarize(o, path, problems, result.report.counts, options['allow-warnings']);
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

/** The referential a CSV's references are checked against: `--dataset`, else the embedded dataset. */
async function loadReferential(o: Output, options: Options): Promise<Dataset | undefined> {
  let raw: unknown;
  if (options.dataset !== undefined) {
    const text = await readText(o, options.dataset);
    try {
      raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      throw new UsageError({
        fr: `Le référentiel « ${options.dataset} » n’est pas un JSON valide : ${errorMessage(error)}`,
        en: `Referential "${options.dataset}" is not valid JSON: ${errorMessage(error)}`,
      });
    }
  } else {
    try {
      raw = await o.io.loadEmbeddedDataset();
    } catch {
      o.err({
        fr: `Jeu de référence embarqué indisponible (${DATA_PACKAGE}) : les références (territoires, axes, documents) ne sont pas vérifiées. Passez --dataset <fichier.json> pour les vérifier.`,
        en: `Embedded reference dataset unavailable (${DATA_PACKAGE}): references (territories, axes, documents) are not checked. Pass --dataset <file.json> to check them.`,
      });
      return undefined;
    }
  }
  try {
    return parseDataset(raw).dataset;
  } catch (error) {
    throw new UsageError({
      fr: `Le référentiel n’est pas un jeu de données utilisable : ${errorMessage(error)}`,
      en: `The referential is not a usable dataset: ${errorMessage(error)}`,
    });
  }
}

function problemKey(problem: ValidationProblem): string {
  return JSON.stringify([problem.collection, problem.index, problem.path, problem.message.en]);
}

async function validateCsv(o: Output, path: string, text: string, options: Options): Promise<number> {
  const separator = separatorOption(options.separator);
  const collection = collectionOption(options.collection) ?? detectCsvCollection(text, { separator });
  if (collection === undefined) {
    o.out(
      o.lang === 'fr'
        ? `${o.severity('error')} ${path} : impossible de savoir si le CSV contient des projets (colonne « title ») ou des chiffres (colonne « phase ») ; précisez --collection.`
        : `${o.severity('error')} ${path}: cannot tell whether the CSV holds projects (a "title" column) or figures (a "phase" column); pass --collection.`,
    );
    return EXIT_PROBLEMS;
  }
  const imported: CsvImportResult = (collection === 'projects' ? projectsFromCsv : figuresFromCsv)(text, { separator });
  const referential = await loadReferential(o, options);
  const document = {
    version: referential?.version ?? 'csv',
    generatedAt: referential?.generatedAt ?? new Date().toISOString(),
    documents: referential?.documents ?? [],
    territories: referential?.territories ?? [],
    axes: referential?.axes ?? [],
    solutions: referential?.solutions ?? [],
    [collection]: imported.records,
  };
  const { dataset, report } = parseDataset(document);
  let problems = report.problems.filter((problem) => problem.collection === collection);
  if (referential === undefined) {
    const references = new Set(checkReferences(dataset).map(problemKey));
    problems = problems.filter((problem) => !references.has(problemKey(problem)));
  }

  // Each validation problem on the row of its record: by index when the id agrees, else by id.
  const rowById = new Map<string, number>();
  imported.records.forEach((record, index) => {
    const id = record['id'];
    if (typeof id === 'string' && !rowById.has(id)) rowById.set(id, imported.rows[index]!);
  });
  const rowOf = (problem: ValidationProblem): number | undefined => {
    if (problem.index !== undefined) {
      const record = imported.records[problem.index];
      if (record !== undefined && (problem.id === undefined || record['id'] === problem.id)) return imported.rows[problem.index];
    }
    return problem.id !== undefined ? rowById.get(problem.id) : undefined;
  };

  for (const problem of imported.problems) o.csvProblem(problem);
  const located = problems.map((problem) => ({ problem, row: rowOf(problem) }));
  located.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  for (const { problem, row } of located) o.problem(problem, row);
  const counts = { [collection]: report.counts[collection] ?? { valid: 0, invalid: 0 } };
  return summarize(o, path, [...imported.problems, ...problems], counts, options['allow-warnings']);
}

async function validate(o: Output, positionals: string[], options: Options): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) {
    throw new UsageError({
      fr: 'Usage : cnr-widgets validate <fichier.json|fichier.csv>',
      en: 'Usage: cnr-widgets validate <file.json|file.csv>',
    });
  }
  const text = await readText(o, path);
  return isCsvFile(path, text) ? validateCsv(o, path, text, options) : validateJson(o, path, text, options);
}

// ---------------------------------------------------------------- export

async function exportCsv(o: Output, positionals: string[], options: Options): Promise<number> {
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
    const json = parseJson(o, options.input, await readText(o, options.input));
    if (!json.ok) return EXIT_PROBLEMS;
    raw = json.value;
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

  if (options.out === undefined) {
    o.io.stdout(csv);
    return EXIT_OK;
  }
  try {
    await o.io.writeFile(options.out, csv);
  } catch (error) {
    throw new UsageError({
      fr: `Impossible d’écrire « ${options.out} » : ${errorMessage(error)}`,
      en: `Cannot write "${options.out}": ${errorMessage(error)}`,
    });
  }
  o.err({
    fr: `${records.length} enregistrement(s) « ${collection} » écrit(s) dans ${options.out}.`,
    en: `Wrote ${records.length} ${collection} record(s) to ${options.out}.`,
  });
  return EXIT_OK;
}

// ---------------------------------------------------------------- entry

/**
 * Runs the CLI. Never throws and never exits the process: resolves to the
 * exit code ({@link EXIT_OK}, {@link EXIT_PROBLEMS}, {@link EXIT_USAGE}).
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const fullIo: CliIo = { ...defaultIo(), ...io };
  let o = new Output(fullIo, langFromEnv(fullIo.env));
  try {
    const { command, positionals, options } = parseArguments(argv);
    if (options.lang !== undefined) {
      if (options.lang !== 'fr' && options.lang !== 'en') {
        throw new UsageError({ fr: `--lang vaut « fr » ou « en ».`, en: `--lang is "fr" or "en".` });
      }
      o = new Output(fullIo, options.lang);
    }
    if (options.help || command === 'help') {
      o.io.stdout(o.t(HELP));
      return EXIT_OK;
    }
    switch (command) {
      case 'validate':
        return await validate(o, positionals, options);
      case 'export':
        return await exportCsv(o, positionals, options);
      case undefined:
        o.io.stderr(o.t(HELP));
        return EXIT_USAGE;
      default:
        throw new UsageError({
          fr: `Commande inconnue : « ${command} ». Voir cnr-widgets --help.`,
          en: `Unknown command: "${command}". See cnr-widgets --help.`,
        });
    }
  } catch (error) {
    if (error instanceof UsageError) {
      o.err(error.text);
      return EXIT_USAGE;
    }
    o.err({
      fr: `Erreur inattendue : ${errorMessage(error)}`,
      en: `Unexpected error: ${errorMessage(error)}`,
    });
    return EXIT_USAGE;
  }
}
