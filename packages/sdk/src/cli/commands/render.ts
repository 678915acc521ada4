/**
 * `cnr-widgets render`: the static HTML of a widget, rendered ahead of time
 * (declarative shadow DOM) with its data — for pages that cannot run the
 * script, or that hydrate it.
 *
 * The rendering is `@cnr-widgets/elements/server` (Lit's server rendering):
 * the SDK knows nothing of the DOM and does not depend on the elements, so the
 * command loads that module on demand, from the project where it runs
 * (`o.io.loadRenderer`), and says how to install it when it is missing.
 */
import { createClient, type CnrClient } from '../../client.js';
import type { Options } from '../args.js';
import { emit, parseJsonFile, readText } from '../files.js';
import { ELEMENTS_SERVER, type WidgetRenderer } from '../io.js';
import { EXIT_OK, UsageError, errorMessage, type Output } from '../output.js';

const ATTRIBUTE = /^([a-z][a-z0-9-]*)(?:=([\s\S]*))?$/;

const USAGE = {
  fr: 'Usage : cnr-widgets render <cnr-project-list|cnr-key-figures|cnr-funding-counter|cnr-territory-map> [nom=valeur …] [--input fichier.json] [--out fichier.html]',
  en: 'Usage: cnr-widgets render <cnr-project-list|cnr-key-figures|cnr-funding-counter|cnr-territory-map> [name=value …] [--input file.json] [--out file.html]',
};

export async function render(o: Output, positionals: string[], options: Options): Promise<number> {
  const [tag, ...pairs] = positionals;
  if (tag === undefined) throw new UsageError(USAGE);
  const attributes: Record<string, string | true> = {};
  for (const pair of pairs) {
    const match = ATTRIBUTE.exec(pair);
    if (!match) {
      throw new UsageError({
        fr: `« ${pair} » n’est pas un attribut (nom=valeur, nom en minuscules : territory=departement:57).`,
        en: `"${pair}" is not an attribute (name=value, lower-case name: territory=departement:57).`,
      });
    }
    attributes[match[1]!] = match[2] ?? true;
  }

  let renderer: WidgetRenderer;
  try {
    renderer = await o.io.loadRenderer();
  } catch (error) {
    throw new UsageError({
      fr: `Le rendu HTML demande ${ELEMENTS_SERVER} (${errorMessage(error)}) : installez @cnr-widgets/elements dans ce projet (pnpm add @cnr-widgets/elements).`,
      en: `Rendering HTML needs ${ELEMENTS_SERVER} (${errorMessage(error)}): install @cnr-widgets/elements in this project (pnpm add @cnr-widgets/elements).`,
    });
  }

  // A producer's file over the reference, or the attributes' src/api, or the embedded dataset (the renderer's default).
  let client: CnrClient | undefined;
  if (options.input !== undefined) client = createClient({ src: parseJsonFile(options.input, await readText(o, options.input)) as never });
  const lang = options.lang === 'en' ? 'en' : options.lang === 'fr' ? 'fr' : undefined;

  let html: string;
  try {
    html = await renderer.renderWidgetHTML(tag, attributes, { ...(client ? { client } : {}), ...(lang ? { lang } : {}) });
  } catch (error) {
    throw new UsageError({ fr: `<${tag}> : rendu impossible : ${errorMessage(error)}`, en: `<${tag}>: cannot render: ${errorMessage(error)}` });
  }
  await emit(o, `${html}\n`, options.out, { fr: `${options.out} : HTML de <${tag}> écrit.`, en: `${options.out}: HTML of <${tag}> written.` });
  return EXIT_OK;
}
