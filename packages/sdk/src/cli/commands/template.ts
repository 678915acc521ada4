/** `cnr-widgets template`: the CSV template. */
import type { Options } from '../args.js';
import { emit } from '../files.js';
import { EXIT_OK, UsageError, type Output } from '../output.js';

export async function template(o: Output, positionals: string[], options: Options): Promise<number> {
  if (positionals.length > 0) throw new UsageError({ fr: 'Usage : cnr-widgets template [--out modele.csv]', en: 'Usage: cnr-widgets template [--out template.csv]' });
  const text = await o.io.loadTemplate();
  await emit(o, text, options.out, { fr: `${options.out} : modèle écrit.`, en: `${options.out}: template written.` });
  return EXIT_OK;
}
