/**
 * The `cnr-widgets` command line (Node only).
 *
 *   cnr-widgets validate <file.json|file.csv> [--base file.json] [--standalone]
 *   cnr-widgets complete <file.json|file.csv> [--out file.json]
 *   cnr-widgets convert <file.csv> [--out file.json] [--publisher …] [--version …]
 *   cnr-widgets template [--out file.csv]
 *   cnr-widgets export --format csv [--input file.json] [--separator ';'] [--out file]
 *   cnr-widgets render <cnr-tag> [name=value …] [--input file.json] [--out file.html]   (with @cnr-widgets/elements)
 *
 * {@link main} takes the arguments and an injectable `io`, and resolves to the
 * exit code, so it is tested without spawning a process; `bin/cnr-widgets.js`
 * calls it with the real process.
 */
import { parseArguments } from './args.js';
import { complete } from './commands/complete.js';
import { convert } from './commands/convert.js';
import { exportCsv } from './commands/export.js';
import { render } from './commands/render.js';
import { template } from './commands/template.js';
import { validate } from './commands/validate.js';
import { HELP } from './help.js';
import { defaultIo, type CliIo } from './io.js';
import { EXIT_OK, EXIT_USAGE, Output, UsageError, errorMessage, langFromEnv } from './output.js';

export { completeTerritories } from './commands/complete.js';
export type { CliIo, CliLang, CogTable } from './io.js';
export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './output.js';

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
      case 'render':
        return await render(o, positionals, options);
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
