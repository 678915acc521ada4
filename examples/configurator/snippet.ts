// What the configurator writes: the element markup for the chosen options and
// the snippet around it (the CDN script tag, with Subresource Integrity when
// the release build's integrity.json is available).
import type { Territory } from '@cnr-widgets/sdk';
import { cdnSnippet, defaultBase, type CdnIntegrity } from '../../packages/elements/scripts/cdn-snippet.mjs';

export type WidgetChoice = 'list' | 'map' | 'counter' | 'figures' | 'axes' | 'all';
export type ThemeChoice = 'auto' | 'light' | 'dark';
export type LanguageChoice = 'fr' | 'en';

export interface ConfiguratorOptions {
  widget: WidgetChoice;
  /** Absolute URL of the producer's data file (`src`); `undefined`: the embedded reference dataset. */
  src?: string | undefined;
  /** The chosen territory; `undefined`: the whole of France. */
  territory: Territory | undefined;
  /** Axis ids (`sante-1`…). */
  axes: readonly string[];
  /** Statuses (`en-cours`…). */
  statuses: readonly string[];
  theme: ThemeChoice;
  language: LanguageChoice;
}

export const WIDGETS: Record<WidgetChoice, { label: string; hint: string }> = {
  list: { label: 'Liste des projets', hint: 'Les projets du territoire, avec recherche, tri et export CSV.' },
  map: { label: 'Carte', hint: 'Les régions, ou les départements d’une région, colorés selon le nombre de projets.' },
  counter: { label: 'Compteur des financements', hint: 'Le total des financements, par financeur, avec les sources.' },
  figures: { label: 'Chiffres clés', hint: 'Réunions, participants, propositions et projets de la concertation.' },
  axes: { label: 'Filtre par axe', hint: 'Les quatre axes du CNR santé, avec le nombre de projets.' },
  all: {
    label: 'L’ensemble, relié',
    hint: 'Chiffres clés, carte, filtre par axe, compteur et liste, reliés par un fournisseur : un choix sur la carte ou les axes filtre tout le reste.',
  },
};

/** The options each widget takes: the others are disabled in the form. */
export function accepts(widget: WidgetChoice): { axes: boolean; statuses: boolean } {
  const filters = widget === 'list' || widget === 'all';
  return { axes: filters, statuses: filters };
}

/**
 * The value of a `territory` attribute for this territory: always its id with
 * its kind (`region:44`, `departement:57`, `commune:49007`, `tds:…`). A bare
 * code is still read by the widgets, but région and département codes overlap
 * (`44` is the région Grand Est and the département Loire-Atlantique).
 */
export function territoryAttribute(territory: Territory): string {
  return territory.id;
}

/** The INSEE code of the région a territory is or lies in, following `parent` (or a TDS's first covered territory). */
export function regionOf(territory: Territory | undefined, all: readonly Territory[]): string | undefined {
  const byId = new Map(all.map((t) => [t.id, t]));
  let current = territory;
  for (let hops = 0; current && hops < 8; hops++) {
    if (current.kind === 'region') return current.code;
    if (current.kind === 'pays') return undefined;
    const next: string | undefined = current.parent ?? current.covers?.[0];
    current = next === undefined ? undefined : byId.get(next);
  }
  return undefined;
}

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function tag(name: string, attributes: Record<string, string | undefined>, children = ''): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  return `<${name}${attrs}>${children}</${name}>`;
}

/** The element markup: what goes in the page where the widget should appear. */
export function elementMarkup(options: ConfiguratorOptions, territories: readonly Territory[]): string {
  const territory = options.territory ? territoryAttribute(options.territory) : undefined;
  const src = options.src;
  const axis = options.axes.length > 0 ? options.axes.join(',') : undefined;
  const status = options.statuses.length > 0 ? options.statuses.join(',') : undefined;
  const lang = options.language === 'en' ? 'en' : undefined;
  const region = regionOf(options.territory, territories);
  switch (options.widget) {
    case 'list':
      return tag('cnr-project-list', { src, territory, axis, status, lang });
    case 'map':
      return tag('cnr-territory-map', { src, region, lang });
    case 'counter':
      return tag('cnr-funding-counter', { src, territory, lang });
    case 'figures':
      return tag('cnr-key-figures', { src, territory, lang });
    case 'axes':
      return tag('cnr-axis-filter', { src, territory, lang });
    case 'all': {
      const children = [
        tag('cnr-key-figures', {}),
        tag('cnr-territory-map', region ? { level: 'department', region } : {}),
        tag('cnr-axis-filter', {}),
        tag('cnr-funding-counter', {}),
        tag('cnr-project-list', {}),
      ];
      return tag('cnr-provider', { src, territory, axis, status, lang }, `\n${children.map((c) => `  ${c}`).join('\n')}\n`);
    }
  }
}

/** The HTML comment that tells how to get the chosen theme (the widgets follow the page's). */
function themeComment(theme: ThemeChoice): string | undefined {
  if (theme === 'auto') return undefined;
  const name = theme === 'dark' ? 'sombre' : 'clair';
  return `<!-- Thème ${name} : ajoutez data-fr-theme="${theme}" à la balise <html> de la page (convention du DSFR).\n     Sans cet attribut, les widgets suivent le réglage clair ou sombre de l’appareil. -->`;
}

export interface Snippet {
  /** The whole text to paste. */
  text: string;
  /** Whether the script tag carries an integrity hash. */
  integrity: boolean;
}

/**
 * The snippet: with the release build's integrity.json, exactly the
 * recommended snippet (`dist/cdn/snippet.html`, the README, docs/cdn.md: the
 * import map that declares every file's hash and the script tag with its own,
 * see packages/elements/scripts/cdn-snippet.mjs) followed by the markup;
 * without it, the script tag alone, with a comment saying where the hash comes
 * from. The CSP line goes beside it (`cspLine()` of cdn-snippet.mjs).
 */
export function snippet(markup: string, theme: ThemeChoice, integrity: CdnIntegrity | undefined, version: string): Snippet {
  const parts: string[] = [];
  if (integrity) {
    parts.push(cdnSnippet(integrity));
  } else {
    const url = new URL(`cnr-widgets.js`, defaultBase(version)).href;
    parts.push(
      `<!-- CNR Widgets ${version}. L’empreinte d’intégrité (integrity="sha384-…") est calculée par la construction`,
      `     de publication (dist/cdn/integrity.json) : reprenez le code de la version publiée pour l’obtenir. -->`,
      `<script type="module" src="${url}" crossorigin="anonymous"></script>`,
    );
  }
  const comment = themeComment(theme);
  if (comment) parts.push(comment);
  parts.push(markup);
  return { text: parts.join('\n'), integrity: integrity !== undefined };
}

/**
 * The URL of a producer's data file as the snippet writes it: absolute
 * (the partner's page is elsewhere), http or https only. `undefined` for an
 * empty field; `null` for a value that is not such a URL.
 */
export function dataFileUrl(value: string, base: string): string | undefined | null {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the other forms: iframe, static HTML

export type FormChoice = 'script' | 'iframe' | 'static';

/** The widgets of each choice, by their name in the embed page's `widgets=` (the tag without `cnr-`). */
export const EMBED_NAMES: Record<WidgetChoice, readonly string[]> = {
  list: ['project-list'],
  map: ['territory-map'],
  counter: ['funding-counter'],
  figures: ['key-figures'],
  axes: ['axis-filter'],
  all: ['key-figures', 'territory-map', 'axis-filter', 'funding-counter', 'project-list'],
};

/** What the frame shows, for its `title` (read by screen readers: RGAA 2.1). */
const FRAME_TITLES: Record<WidgetChoice, string> = {
  list: 'Projets du CNR santé',
  map: 'Carte des projets du CNR santé',
  counter: 'Financements du CNR santé',
  figures: 'Chiffres clés du CNR santé',
  axes: 'Axes du CNR santé',
  all: 'Projets et chiffres du CNR santé',
};

/** A height that shows the widget without scrolling on a desktop page, for hosts that add no resize script. */
export const FRAME_HEIGHTS: Record<WidgetChoice, number> = { list: 1100, map: 800, counter: 320, figures: 380, axes: 520, all: 2600 };

/** A query value as the embed page reads it: `:` and `,` kept legible, the rest percent-encoded. */
const queryValue = (value: string) => encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/**
 * The query string of the embed page for these options (`widgets=…&territory=…`), the same attributes as
 * the script form: what `readEmbedParams` (packages/elements/src/embed/params.ts) reads back unchanged.
 */
export function embedQuery(options: ConfiguratorOptions): string {
  const accepted = accepts(options.widget);
  const pairs: [string, string | undefined][] = [
    ['widgets', EMBED_NAMES[options.widget].join(',')],
    ['territory', options.territory ? territoryAttribute(options.territory) : undefined],
    ['axis', accepted.axes && options.axes.length > 0 ? options.axes.join(',') : undefined],
    ['status', accepted.statuses && options.statuses.length > 0 ? options.statuses.join(',') : undefined],
    ['src', options.src],
    ['lang', options.language === 'en' ? 'en' : undefined],
    ['theme', options.theme === 'auto' ? undefined : options.theme],
  ];
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => `${name}=${queryValue(value)}`)
    .join('&');
}

/** The frame's title: what it shows and where. */
export function frameTitle(options: ConfiguratorOptions): string {
  return `${FRAME_TITLES[options.widget]} — ${options.territory ? options.territory.name : 'France'}`;
}

/**
 * The iframe form: the `<iframe>` of the CDN's embed.html (with a `title` and a fixed height that works with
 * nothing else), and, when `resize`, the optional one-line script that makes its height follow its content.
 */
export function iframeSnippet(options: ConfiguratorOptions, integrity: CdnIntegrity | undefined, version: string, resize: boolean): string {
  const base = integrity?.base ?? defaultBase(version);
  const src = `${new URL('embed.html', base).href}?${embedQuery(options)}`;
  const lines = [
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(frameTitle(options))}" loading="lazy" style="width: 100%; height: ${FRAME_HEIGHTS[options.widget]}px; border: 0"></iframe>`,
  ];
  if (resize) {
    const sri = integrity?.embed?.['embed-resize.js'];
    lines.push(
      `<!-- Facultatif, une fois par page : la hauteur de l’iframe suit son contenu. -->`,
      `<script src="${new URL('embed-resize.js', base).href}"${sri ? ` integrity="${sri}"` : ''} crossorigin="anonymous" async></script>`,
    );
  }
  return lines.join('\n');
}

/** A shell argument, quoted when it needs it. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_:,./@%+=-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/** The widgets that have a static form (`cnr-widgets render`): not the axis filter, which only serves with JavaScript. */
export const STATIC_TAGS = ['cnr-key-figures', 'cnr-territory-map', 'cnr-funding-counter', 'cnr-project-list'] as const;

/**
 * The static-HTML form: the commands that write each widget's HTML ahead of time, with its data (server
 * rendering: `cnr-widgets render <cnr-tag> [name=value …] [--lang en] [--out file.html]` of the SDK's CLI, with
 * @cnr-widgets/elements installed), the same attributes as the script form; one command per widget. The axis
 * filter has no static form (said in a comment line).
 */
export function staticCommand(options: ConfiguratorOptions, territories: readonly Territory[] = []): string {
  const accepted = accepts(options.widget);
  const region = regionOf(options.territory, territories);
  const common: [string, string | undefined][] = [
    ['src', options.src],
    ['territory', options.territory ? territoryAttribute(options.territory) : undefined],
  ];
  const filters: [string, string | undefined][] = [
    ['axis', accepted.axes && options.axes.length > 0 ? options.axes.join(',') : undefined],
    ['status', accepted.statuses && options.statuses.length > 0 ? options.statuses.join(',') : undefined],
  ];
  const attributesOf = (tag: string): [string, string | undefined][] => {
    switch (tag) {
      case 'cnr-territory-map':
        return [['src', options.src], ...(options.widget === 'all' && region ? ([['level', 'department']] as [string, string][]) : []), ['region', region]];
      case 'cnr-project-list':
        return [...common, ...filters];
      default:
        return common;
    }
  };
  const tags = EMBED_NAMES[options.widget].map((name) => `cnr-${name}`).filter((tag) => (STATIC_TAGS as readonly string[]).includes(tag));
  const lines = ['npm install @cnr-widgets/sdk @cnr-widgets/elements'];
  if (EMBED_NAMES[options.widget].includes('axis-filter')) lines.push('# Le filtre par axe n’a pas de forme statique : il ne sert qu’avec JavaScript.');
  for (const tag of tags) {
    const pairs = attributesOf(tag)
      .filter((pair): pair is [string, string] => pair[1] !== undefined)
      .map(([name, value]) => shellQuote(`${name}=${value}`));
    lines.push(['npx cnr-widgets render', tag, ...pairs, ...(options.language === 'en' ? ['--lang en'] : []), `--out ${tag}.html`].join(' '));
  }
  return lines.join('\n');
}
