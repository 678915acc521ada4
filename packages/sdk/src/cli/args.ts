/** The command line's arguments: parsed, and each option read and checked. */
import { parseArgs } from 'node:util';
import type { CsvSeparator } from '../csv/index.js';
import type { LocalizedMessage } from '../validation/index.js';
import { UsageError, errorMessage } from './output.js';

export type CsvCollection = 'projects' | 'figures';

export interface Options {
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

export function parseArguments(argv: readonly string[]): { command?: string; positionals: string[]; options: Options } {
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

export function separatorOption(value: string | undefined): CsvSeparator | undefined {
  if (value === undefined) return undefined;
  if (value === ',' || value === ';') return value;
  if (value === 'comma') return ',';
  if (value === 'semicolon') return ';';
  throw new UsageError({
    fr: `--separator vaut « , » ou « ; », pas « ${value} ».`,
    en: `--separator is "," or ";", not "${value}".`,
  });
}

export function collectionOption(value: string | undefined): CsvCollection | undefined {
  if (value === undefined || value === 'projects' || value === 'figures') return value;
  throw new UsageError({
    fr: `--collection vaut « projects » ou « figures », pas « ${value} ».`,
    en: `--collection is "projects" or "figures", not "${value}".`,
  });
}

export function onePath(positionals: string[], usage: LocalizedMessage): string {
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw new UsageError(usage);
  return path;
}
