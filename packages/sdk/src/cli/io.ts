/** What the CLI reads and writes: the injectable `io` of {@link main} and its Node default. */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { CnrClient } from '../client.js';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  /** `@cnr-widgets/elements/server` (loaded by `render` only): the widgets' server rendering. */
  loadRenderer: () => Promise<WidgetRenderer>;
  /** The current date-time, ISO 8601 (`convert` writes it as `generatedAt`). */
  now: () => string;
  env: Record<string, string | undefined>;
}

export const DATA_PACKAGE = '@cnr-widgets/data';
/** The widgets' server rendering: a module of @cnr-widgets/elements, which depends on the SDK (never the reverse). */
export const ELEMENTS_SERVER = '@cnr-widgets/elements/server';

/** What `render` needs of {@link ELEMENTS_SERVER}, described here so that the SDK does not depend on the elements. */
export interface WidgetRenderer {
  renderWidgetHTML(
    tag: string,
    attributes: Record<string, string | true>,
    options: { client?: CnrClient; lang?: CliLang },
  ): Promise<string>;
}
export const REFERENCE_MODULE = '@cnr-widgets/data/referential';

/** `cog/cog.json`: for each commune code its name and département, for each EPCI (SIREN) its name and main département. */
export interface CogTable {
  source: string;
  edition: string;
  communes: Record<string, [name: string, departement: string]>;
  epci: Record<string, [name: string, departement: string]>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
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

/**
 * {@link ELEMENTS_SERVER} as the project where the command runs installed it
 * (resolved from the working directory), else as this package can import it.
 */
async function loadRenderer(): Promise<WidgetRenderer> {
  let mod: unknown;
  try {
    const path = createRequire(join(process.cwd(), 'package.json')).resolve(ELEMENTS_SERVER);
    mod = await import(/* @vite-ignore */ pathToFileURL(path).href);
  } catch {
    mod = await import(/* @vite-ignore */ ELEMENTS_SERVER);
  }
  const render = isObject(mod) ? mod['renderWidgetHTML'] : undefined;
  if (typeof render !== 'function') throw new Error(`${ELEMENTS_SERVER} exports no renderWidgetHTML`);
  return mod as WidgetRenderer;
}

export function defaultIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    loadEmbeddedDataset,
    loadReference,
    loadCog: async () => JSON.parse(await readFile(packageFile('cog/cog.json'), 'utf8')) as CogTable,
    loadTemplate: () => readFile(packageFile('templates/modele-donnees-cnr.csv'), 'utf8'),
    loadRenderer,
    now: () => new Date().toISOString(),
    env: process.env,
  };
}
