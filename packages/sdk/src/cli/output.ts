/** How the CLI speaks: messages in the user's language, problems located, exit codes. */
import type { CsvProblem } from '../csv/index.js';
import type { CnrDataError } from '../errors.js';
import type { LocalizedMessage, ValidationProblem } from '../validation/index.js';
import type { CliIo, CliLang } from './io.js';

/** Exit codes: 0 all good; 1 the data has problems; 2 usage or input/output error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/**
 * French first (the producers are French public bodies): English only when the
 * locale asks for it (`LANG=en_GB.UTF-8`…); `C`, `POSIX` or none is French.
 */
export function langFromEnv(env: CliIo['env']): CliLang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Output {
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

export class UsageError extends Error {
  constructor(readonly text: LocalizedMessage) {
    super(text.en);
  }
}

export function printDataError(o: Output, path: string, error: CnrDataError): void {
  o.out(`${o.severity('error')} ${path}${o.lang === 'fr' ? ' : ' : ': '}${error.message}`);
  for (const problem of error.problems) o.problem(problem);
}
