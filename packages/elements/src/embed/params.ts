/**
 * The query string of the iframe embed page (`dist/cdn/embed.html`), read as
 * untrusted input: only the listed parameters, widget names and value shapes
 * are kept; everything else is ignored, with a reason (issue 18). No import:
 * this module goes into `embed.js`, which loads nothing but the CDN entry.
 *
 *   embed.html?widgets=key-figures,territory-map,project-list&territory=region:44&lang=fr&theme=auto
 */

/** The widgets an embed may show, by their name in `widgets=` (the tag without `cnr-`), in the order of a linked set. */
export const EMBED_WIDGETS = ['key-figures', 'territory-map', 'axis-filter', 'funding-counter', 'project-list'] as const;
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];

const STATUSES = ['en-reflexion', 'en-projet', 'en-cours', 'realise'] as const;

/** Where the widgets' links open: the host page's window (default), a new tab, or the frame itself. */
export type EmbedLinks = 'top' | 'blank' | 'self';

export interface EmbedOptions {
  /** At least one when the address names a valid widget; the widgets in the address's order, each once. */
  widgets: EmbedWidget[];
  territory?: string;
  axis?: string;
  status?: string;
  q?: string;
  /** Absolute http(s) URL of a producer's data file. */
  src?: string;
  lang: 'fr' | 'en';
  theme: 'auto' | 'light' | 'dark';
  links: EmbedLinks;
  /** Origins allowed to ask for the height (`parent=`); empty: the parent frame, whatever its origin. */
  parents: string[];
  /** What was ignored, and why (French: for the webmaster, in the console). */
  ignored: string[];
}

const MAX_LENGTH = 200;
const TERRITORY = /^(?:(?:pays|region|departement|tds|epci|commune):)?[0-9A-Za-z][0-9A-Za-z_-]{0,39}$/;
const AXIS = /^[a-z0-9][a-z0-9-]{0,39}$/;

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The origin of an http(s) URL, or `undefined`. */
function httpOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the query string. `pageProtocol`: the embed page's own protocol (an
 * `http:` data file is accepted only on an `http:` page, i.e. a local test).
 */
export function readEmbedParams(search: string | URLSearchParams, pageProtocol = 'https:'): EmbedOptions {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const options: EmbedOptions = { widgets: [], lang: 'fr', theme: 'auto', links: 'top', parents: [], ignored: [] };
  const ignore = (name: string, why: string) => options.ignored.push(`${name} : ${why}`);
  const seen = new Set<string>();
  for (const [name, raw] of params) {
    if (seen.has(name)) {
      ignore(name, 'donné deux fois, seule la première valeur compte');
      continue;
    }
    seen.add(name);
    const value = raw.trim();
    if (value.length > MAX_LENGTH && name !== 'src') {
      ignore(name, `valeur trop longue (plus de ${MAX_LENGTH} caractères)`);
      continue;
    }
    switch (name) {
      case 'widgets':
      case 'widget':
        for (const widget of list(value)) {
          const known = (EMBED_WIDGETS as readonly string[]).includes(widget);
          if (!known) ignore(name, `widget inconnu « ${widget.slice(0, 40)} » (possibles : ${EMBED_WIDGETS.join(', ')})`);
          else if (!options.widgets.includes(widget as EmbedWidget)) options.widgets.push(widget as EmbedWidget);
        }
        break;
      case 'territory':
        if (TERRITORY.test(value)) options.territory = value;
        else ignore(name, 'territoire mal écrit (attendu : region:44, departement:57, commune:49007…)');
        break;
      case 'axis': {
        const axes = list(value);
        if (axes.length > 0 && axes.length <= 12 && axes.every((axis) => AXIS.test(axis))) options.axis = axes.join(',');
        else ignore(name, 'identifiants d’axes attendus, séparés par des virgules (sante-1,sante-2)');
        break;
      }
      case 'status': {
        const statuses = list(value);
        if (statuses.length > 0 && statuses.every((status) => (STATUSES as readonly string[]).includes(status))) options.status = statuses.join(',');
        else ignore(name, `états attendus : ${STATUSES.join(', ')}`);
        break;
      }
      case 'q': {
        // Any text is inert as an attribute value; control characters are dropped.
        // eslint-disable-next-line no-control-regex
        const q = value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
        if (q !== '') options.q = q;
        break;
      }
      case 'src': {
        let url: URL | undefined;
        try {
          url = new URL(value);
        } catch {
          url = undefined;
        }
        if (value.length <= 2000 && url && (url.protocol === 'https:' || (url.protocol === 'http:' && pageProtocol === 'http:')) && !url.username && !url.password) {
          options.src = url.href;
        } else ignore(name, 'adresse https:// absolue d’un fichier de données attendue');
        break;
      }
      case 'lang':
        if (value === 'fr' || value === 'en') options.lang = value;
        else ignore(name, 'fr ou en');
        break;
      case 'theme':
        if (value === 'auto' || value === 'light' || value === 'dark') options.theme = value;
        else ignore(name, 'auto, light ou dark');
        break;
      case 'links':
        if (value === 'top' || value === 'blank' || value === 'self') options.links = value;
        else ignore(name, 'top, blank ou self');
        break;
      case 'parent': {
        const origins = list(value).map(httpOrigin);
        if (origins.length > 0 && origins.length <= 8 && origins.every((origin) => origin !== undefined)) options.parents = origins as string[];
        else ignore(name, 'origines http(s) attendues, séparées par des virgules (https://www.ars.sante.fr)');
        break;
      }
      default:
        ignore(name.slice(0, 40), 'paramètre inconnu');
    }
  }
  return options;
}

/** A name → value list of the attributes of the `<cnr-provider>` that links the widgets (no undefined value). */
export function providerAttributes(options: EmbedOptions): [string, string][] {
  const attributes: [string, string | undefined][] = [
    ['src', options.src],
    ['territory', options.territory],
    ['axis', options.axis],
    ['status', options.status],
    ['q', options.q],
    ['lang', options.lang],
  ];
  return attributes.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/** The attributes of one widget inside the provider: the map shows the départements of a chosen région. */
export function widgetAttributes(widget: EmbedWidget, options: EmbedOptions): [string, string][] {
  if (widget !== 'territory-map') return [];
  const region = /^region:([0-9A-Za-z]{1,3})$/.exec(options.territory ?? '');
  return region ? [['level', 'department'], ['region', region[1]!]] : [];
}

/** The messages between the embed page and the host's resize script (postMessage). */
export const HELLO = 'cnr-embed:hello';
export const HEIGHT = 'cnr-embed:height';
