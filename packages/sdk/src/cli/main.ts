/**
 * The `cnr-widgets` command line (Node only).
 *
 *   cnr-widgets validate <file.json|file.csv> [--base file.json] [--standalone]
 *   cnr-widgets complete <file.json|file.csv> [--out file.json]
 *   cnr-widgets convert <file.csv> [--out file.json] [--publisher …] [--version …]
 *   cnr-widgets template [--out file.csv]
 *   cnr-widgets export --format csv [--input file.json] [--separator ';'] [--out file]
 *
 * {@link main} takes the arguments and an injectable `io`, and resolves to the
 * exit code, so it is tested without spawning a process; `bin/cnr-widgets.js`
 * calls it with the real process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  datasetFromCsv,
  detectCsvCollection,
  isDatasetCsv,
  figuresFromCsv,
  figuresToCsv,
  projectsFromCsv,
  projectsToCsv,
  type CsvImportResult,
  type CsvProblem,
  type CsvSeparator,
} from '../csv/index.js';
import { CnrDataError } from '../errors.js';
import { COLLECTION_NAMES, type Dataset } from '../schemas/dataset.js';
import { parseTerritoryId } from '../territories/ids.js';
import { mergeDocuments, parseDataset, type LocalizedMessage, type ValidationProblem } from '../validation/index.js';
import { describeJsonFault, findJsonSyntaxFault, parseJsonText } from '../validation/json-text.js';
import { territoryReferences } from '../validation/references.js';

export type CliLang = 'fr' | 'en';

/** What the CLI reads from and writes to; every member can be replaced (tests). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  /** The reference dataset of `@cnr-widgets/data` (loaded on demand): what `export` writes by default. */
  loadEmbeddedDataset: () => Promise<unknown>;
  /** The reference a producer's file stands on, `@cnr-widgets/data/referential` (loaded on demand). */
  loadReference: () => Promise<unknown>;
  /** The compact COG table of `cog/cog.json` (loaded by `complete` only). */
  loadCog: () => Promise<CogTable>;
  /** The CSV template (`templates/modele-donnees-cnr.csv`). */
  loadTemplate: () => Promise<string>;
  /** The current date-time, ISO 8601 (`convert` writes it as `generatedAt`). */
  now: () => string;
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 all good; 1 the data has problems; 2 usage or input/output error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

type CsvCollection = 'projects' | 'figures';

const DATA_PACKAGE = '@cnr-widgets/data';
const REFERENCE_MODULE = '@cnr-widgets/data/referential';
const SCHEMA_URL = 'https://cdn.jsdelivr.net/npm/@cnr-widgets/sdk/schema/cnr-dataset.schema.json';

/** `cog/cog.json`: for each commune code its name and département, for each EPCI (SIREN) its name and main département. */
export interface CogTable {
  source: string;
  edition: string;
  communes: Record<string, [name: string, departement: string]>;
  epci: Record<string, [name: string, departement: string]>;
}

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

async function loadReference(): Promise<unknown> {
  const mod = (await import(/* @vite-ignore */ REFERENCE_MODULE)) as Record<string, unknown>;
  return mod['referential'] ?? mod['default'];
}

/** A file of this package (`cog/cog.json`…): found from this module, in `src/cli/` or built into `dist/`. */
function packageFile(file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@cnr-widgets/sdk') {
      return join(dir, file);
    }
    dir = dirname(dir);
  }
  throw new Error(`@cnr-widgets/sdk: ${file} not found beside the CLI`);
}

function defaultIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    loadEmbeddedDataset,
    loadReference,
    loadCog: async () => JSON.parse(await readFile(packageFile('cog/cog.json'), 'utf8')) as CogTable,
    loadTemplate: () => readFile(packageFile('templates/modele-donnees-cnr.csv'), 'utf8'),
    now: () => new Date().toISOString(),
    env: process.env,
  };
}

// ---------------------------------------------------------------- messages

function langFromEnv(env: CliIo['env']): CliLang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const HELP: LocalizedMessage = {
  fr: `cnr-widgets — le kit du producteur de données du CNR santé

Usage :
  cnr-widgets validate <fichier.json|fichier.csv> [options]
  cnr-widgets complete <fichier.json|fichier.csv> [--out fichier.json]
  cnr-widgets convert <fichier.csv> [--out fichier.json] [options]
  cnr-widgets template [--out modele.csv]
  cnr-widgets export --format csv [options]
  cnr-widgets --help

validate : vérifie un fichier par rapport au référentiel (régions, départements,
  TDS, axes, solutions de @cnr-widgets/data) : chaque problème avec son
  emplacement. Un fichier JSON est un jeu de données (schema/cnr-dataset.schema.json) ;
  un CSV, la forme tableur (colonne « collection ») ou des projets / chiffres seuls.
  --base <fichier.json>          un jeu de données AJOUTÉ au référentiel (par exemple
                                 les documents cités par un CSV de projets)
  --dataset <fichier.json>       ancien nom de --base
  --standalone                   sans le référentiel : le fichier doit tout contenir
  --collection projects|figures  contenu d’un CSV sans colonne « collection »
  --separator ,|;                séparateur CSV (par défaut : détecté)
  --allow-warnings               code 0 s’il n’y a que des avertissements

complete : ajoute à « territories » le nom, le type et le département de chaque
  commune (commune:<code INSEE>) et de chaque EPCI (epci:<SIREN>) que le fichier
  cite, d’après le Code officiel géographique. Écrit le JSON sur la sortie
  standard ou dans --out (un CSV est d’abord converti).

convert : transforme un CSV (forme tableur) en document JSON.
  --out <fichier.json>           sinon sur la sortie standard
  --publisher <texte>            éditeur du fichier (par défaut : celui du premier document)
  --version <texte>              version des données (par défaut : la date du jour)
  --title <texte>                titre du fichier

template : écrit le modèle CSV (une ligne d’exemple par collection).

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

Codes de sortie : 0 aucun problème ; 1 problèmes dans les données (enregistrements
invalides, références inconnues, document qui n’est pas un jeu de données, code
commune ou EPCI inconnu) ; 2 erreur d’usage ou de fichier (fichier absent ou
illisible, JSON invalide — avec ligne et colonne).
`,
  en: `cnr-widgets — the CNR health data producer's kit

Usage:
  cnr-widgets validate <file.json|file.csv> [options]
  cnr-widgets complete <file.json|file.csv> [--out file.json]
  cnr-widgets convert <file.csv> [--out file.json] [options]
  cnr-widgets template [--out template.csv]
  cnr-widgets export --format csv [options]
  cnr-widgets --help

validate: checks a file against the reference (régions, départements, TDS,
  axes, solutions of @cnr-widgets/data): every problem with its location. A JSON
  file is a dataset document (schema/cnr-dataset.schema.json); a CSV, the
  one-sheet form ("collection" column) or projects / figures alone.
  --base <file.json>             a dataset ADDED to the reference (e.g. the documents
                                 a CSV of projects cites)
  --dataset <file.json>          former name of --base
  --standalone                   without the reference: the file must hold everything
  --collection projects|figures  what a CSV without a "collection" column holds
  --separator ,|;                CSV separator (default: detected)
  --allow-warnings               exit 0 when there are only warnings

complete: adds to "territories" the name, kind and département of every
  commune (commune:<INSEE code>) and EPCI (epci:<SIREN>) the file cites, from
  the Code officiel géographique. Writes the JSON to standard output or --out
  (a CSV is converted first).

convert: turns a CSV (one-sheet form) into the JSON document.
  --out <file.json>              else standard output
  --publisher <text>             the file's publisher (default: the first document's)
  --version <text>               data version (default: today's date)
  --title <text>                 the file's title

template: writes the CSV template (one example row per collection).

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

Exit codes: 0 no problem; 1 problems in the data (invalid records, unknown
references, a document that is not a dataset, an unknown commune or EPCI code);
2 usage or file error (missing or unreadable file, invalid JSON — with line
and column).
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
  base?: string;
  standalone: boolean;
  publisher?: string;
  version?: string;
  title?: string;
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
        base: { type: 'string' },
        standalone: { type: 'boolean', default: false },
        publisher: { type: 'string' },
        version: { type: 'string' },
        title: { type: 'string' },
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

/** Parses JSON text (a BOM allowed); invalid JSON is a file error (exit 2), said with its line and column. */
function parseJsonFile(path: string, text: string): unknown {
  try {
    return parseJsonText(text);
  } catch (error) {
    if (!(error instanceof CnrDataError)) throw error;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const fault = findJsonSyntaxFault(body) ?? { offset: 0, line: 1, column: 1, found: body[0] };
    const what = describeJsonFault(fault);
    throw new UsageError({ fr: `${path} : JSON invalide : ${what.fr}.`, en: `${path}: invalid JSON: ${what.en}.` });
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

/** A CSV file as a dataset document, with the spreadsheet row of each record. */
interface CsvDocument {
  document: Record<string, unknown>;
  problems: CsvProblem[];
  rows: Partial<Record<string, number[]>>;
}

function csvToDocument(o: Output, path: string, text: string, options: Options): CsvDocument | undefined {
  const separator = separatorOption(options.separator);
  if (isDatasetCsv(text, { separator })) {
    const imported = datasetFromCsv(text, { separator });
    return { document: { ...imported.collections }, problems: imported.problems, rows: imported.rows };
  }
  const collection = collectionOption(options.collection) ?? detectCsvCollection(text, { separator });
  if (collection === undefined) {
    o.out(
      o.lang === 'fr'
        ? `${o.severity('error')} ${path} : impossible de savoir ce que contient le CSV : ajoutez une colonne « collection » (forme tableur, voir cnr-widgets template), ou précisez --collection projects|figures.`
        : `${o.severity('error')} ${path}: cannot tell what the CSV holds: add a "collection" column (one-sheet form, see cnr-widgets template), or pass --collection projects|figures.`,
    );
    return undefined;
  }
  const imported: CsvImportResult = (collection === 'projects' ? projectsFromCsv : figuresFromCsv)(text, { separator });
  return { document: { [collection]: imported.records }, problems: imported.problems, rows: { [collection]: imported.rows } };
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

async function validate(o: Output, positionals: string[], options: Options): Promise<number> {
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

// ---------------------------------------------------------------- convert, complete, template

/** Writes `text` to `--out`, or to standard output. */
async function emit(o: Output, text: string, out: string | undefined, done: LocalizedMessage): Promise<void> {
  if (out === undefined) {
    o.io.stdout(text);
    return;
  }
  try {
    await o.io.writeFile(out, text);
  } catch (error) {
    throw new UsageError({
      fr: `Impossible d’écrire « ${out} » : ${errorMessage(error)}`,
      en: `Cannot write "${out}": ${errorMessage(error)}`,
    });
  }
  o.err(done);
}

function onePath(positionals: string[], usage: LocalizedMessage): string {
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw new UsageError(usage);
  return path;
}

/** The JSON document of a CSV: metadata from the options (or the first document), then the collections in document order. */
function documentOfCsv(o: Output, csv: CsvDocument, options: Options): Record<string, unknown> {
  const documents = (csv.document['documents'] ?? []) as Record<string, unknown>[];
  const publisher = options.publisher ?? (documents[0]?.['publisher'] as string | undefined);
  const now = o.io.now();
  const document: Record<string, unknown> = {
    $schema: SCHEMA_URL,
    version: options.version ?? now.slice(0, 10),
    generatedAt: now,
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(publisher === undefined ? {} : { publisher }),
  };
  for (const name of COLLECTION_NAMES) {
    const records = csv.document[name] as unknown[] | undefined;
    if (records !== undefined && records.length > 0) document[name] = records;
  }
  return document;
}

async function convert(o: Output, positionals: string[], options: Options): Promise<number> {
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

/**
 * Adds the territory records of the communes and EPCI a document cites, from
 * the COG table: `{ id, kind, code, name, parent: 'departement:<dd>' }`. A
 * record the document already has keeps its fields (a missing `parent` is
 * filled in). Returns the ids added and the codes the COG does not know.
 */
export function completeTerritories(document: Record<string, unknown>, cog: CogTable): { added: string[]; unknown: string[] } {
  const territories = (Array.isArray(document['territories']) ? document['territories'] : []) as Record<string, unknown>[];
  const records: Partial<Record<string, { record: Record<string, unknown>; index: number }[]>> = {};
  for (const name of COLLECTION_NAMES) {
    const list = document[name];
    if (Array.isArray(list)) records[name] = list.filter(isObject).map((record, index) => ({ record, index }));
  }
  const known = new Map(territories.filter(isObject).map((t) => [t['id'], t]));
  const added: string[] = [];
  const unknown: string[] = [];
  const wanted = [...territoryReferences(records), ...territories.filter(isObject).map((t) => String(t['id']))];
  for (const id of new Set(wanted)) {
    const parsed = parseTerritoryId(id);
    if (parsed?.kind !== 'commune' && parsed?.kind !== 'epci') continue;
    const code = parsed.kind === 'commune' ? parsed.code.toUpperCase() : parsed.code;
    const entry = parsed.kind === 'commune' ? cog.communes[code] : cog.epci[code];
    if (entry === undefined || !Object.hasOwn(parsed.kind === 'commune' ? cog.communes : cog.epci, code)) {
      unknown.push(id);
      continue;
    }
    const [name, departement] = entry;
    const existing = known.get(id);
    if (existing) {
      if (existing['parent'] === undefined) existing['parent'] = `departement:${departement}`;
      continue;
    }
    const record = { id, kind: parsed.kind, code, name, parent: `departement:${departement}` };
    territories.push(record);
    known.set(id, record);
    added.push(id);
  }
  if (territories.length > 0) document['territories'] = territories;
  return { added, unknown };
}

async function complete(o: Output, positionals: string[], options: Options): Promise<number> {
  const path = onePath(positionals, { fr: 'Usage : cnr-widgets complete <fichier.json|fichier.csv> [--out fichier.json]', en: 'Usage: cnr-widgets complete <file.json|file.csv> [--out file.json]' });
  const text = await readText(o, path);
  let document: Record<string, unknown>;
  if (isCsvFile(path, text)) {
    const csv = csvToDocument(o, path, text, options);
    if (csv === undefined) return EXIT_PROBLEMS;
    for (const problem of csv.problems) o.csvProblem(problem);
    document = documentOfCsv(o, csv, options);
  } else {
    const value = parseJsonFile(path, text);
    if (!isObject(value)) {
      o.out(`${o.severity('error')} ${path}${o.lang === 'fr' ? ' : ce n’est pas un jeu de données (un objet JSON est attendu).' : ': not a dataset (a JSON object is expected).'}`);
      return EXIT_PROBLEMS;
    }
    document = value;
  }
  let cog: CogTable;
  try {
    cog = await o.io.loadCog();
  } catch (error) {
    throw new UsageError({ fr: `Table du COG illisible : ${errorMessage(error)}`, en: `Cannot read the COG table: ${errorMessage(error)}` });
  }
  const { added, unknown } = completeTerritories(document, cog);
  if (document['referential'] === undefined && added.length > 0) {
    document['referential'] = { name: 'Code officiel géographique (INSEE), EPCI (DGCL), via @etalab/decoupage-administratif', edition: cog.edition };
  }
  for (const id of unknown) {
    o.err(
      o.lang === 'fr'
        ? `${o.severity('error')} ${id} : code inconnu du Code officiel géographique (${cog.source} ${cog.edition}).`
        : `${o.severity('error')} ${id}: code unknown to the Code officiel géographique (${cog.source} ${cog.edition}).`,
    );
  }
  const list = added.length === 0 ? '' : ` : ${added.join(', ')}`;
  await emit(o, `${JSON.stringify(document, null, 2)}\n`, options.out, {
    fr: `${options.out} : ${added.length} territoire(s) ajouté(s)${list}.`,
    en: `${options.out}: ${added.length} territor${added.length === 1 ? 'y' : 'ies'} added${list.replace(' : ', ': ')}.`,
  });
  if (options.out === undefined) o.err({ fr: `${added.length} territoire(s) ajouté(s)${list}.`, en: `${added.length} territories added${list.replace(' : ', ': ')}.` });
  return unknown.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

async function template(o: Output, positionals: string[], options: Options): Promise<number> {
  if (positionals.length > 0) throw new UsageError({ fr: 'Usage : cnr-widgets template [--out modele.csv]', en: 'Usage: cnr-widgets template [--out template.csv]' });
  const text = await o.io.loadTemplate();
  await emit(o, text, options.out, { fr: `${options.out} : modèle écrit.`, en: `${options.out}: template written.` });
  return EXIT_OK;
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
      case 'complete':
        return await complete(o, positionals, options);
      case 'convert':
        return await convert(o, positionals, options);
      case 'template':
        return await template(o, positionals, options);
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
