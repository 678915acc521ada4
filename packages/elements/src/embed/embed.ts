/**
 * Script of the iframe embed page `dist/cdn/embed.html` (issue 18; docs/embed.md):
 * reads the query string (params.ts: a whitelist), writes the widgets into the
 * page inside a `<cnr-provider>` — the CDN entry `cnr-widgets.js`, loaded by
 * the page with its integrity, then imports their code — and, when the host
 * page runs the optional resize script (`embed-resize.js`), tells it the
 * height of the content.
 *
 * The height protocol, origin-checked both ways:
 * - the host's script sends `{ type: 'cnr-embed:hello' }` to the frame, with
 *   the frame's origin as target;
 * - this page accepts it only from its parent window (`event.source`), and
 *   from an origin listed in `parent=` when the address has one;
 * - it then sends `{ type: 'cnr-embed:height', height }` to that origin only
 *   (never `*`), at once and whenever the content's height changes;
 * - the host's script accepts it only from that frame's window and origin.
 */
import { HEIGHT, HELLO, providerAttributes, readEmbedParams, widgetAttributes } from './params.js';

const options = readEmbedParams(location.search, location.protocol);
const root = document.documentElement;
root.lang = options.lang;
if (options.theme !== 'auto') root.setAttribute('data-fr-theme', options.theme);
document.title = options.lang === 'en' ? 'CNR health data' : 'Données du CNR santé';

// Links open in the host's window by default (`target="_top"`: needs `allow-top-navigation-by-user-activation`
// when the host sandboxes the frame), or in a new tab (`links=blank`: `allow-popups`), or in the frame (`links=self`).
const base = document.querySelector('base') ?? document.head.appendChild(document.createElement('base'));
base.target = options.links === 'self' ? '_self' : `_${options.links}`;

for (const reason of options.ignored) console.warn(`cnr-widgets embed : paramètre ignoré — ${reason}`);

const main = document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
if (options.widgets.length === 0) {
  const message = document.createElement('p');
  message.className = 'cnr-embed-error';
  message.textContent =
    options.lang === 'en'
      ? 'No widget to show: the address of this frame names none that exists (widgets=project-list, for example).'
      : 'Aucun widget à afficher\u00a0: l’adresse de ce cadre n’en nomme aucun qui existe (par exemple widgets=project-list).';
  main.append(message);
} else {
  const provider = document.createElement('cnr-provider');
  for (const [name, value] of providerAttributes(options)) provider.setAttribute(name, value);
  for (const widget of options.widgets) {
    const element = document.createElement(`cnr-${widget}`);
    for (const [name, value] of widgetAttributes(widget, options)) element.setAttribute(name, value);
    provider.append(element);
  }
  main.append(provider);
}

// At a fixed height the page scrolls itself: a control that takes the focus is brought wholly into view, so no
// focus is clipped by the frame's edge. (Known limit: Firefox leaves a focused shape of the map — SVG — partly visible.)
function revealFocused(event: FocusEvent): void {
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return;
  const box = target.getBoundingClientRect();
  if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
// `focus` in the capture phase: it crosses the shadow roots.
addEventListener('focus', revealFocused, true);

// ---------------------------------------------------------------- height, for the host's resize script

let host: { window: Window; origin: string } | undefined;
let sent = -1;

function sendHeight(): void {
  if (!host) return;
  const height = Math.ceil(main.getBoundingClientRect().height + main.offsetTop * 2);
  if (height === sent) return;
  sent = height;
  host.window.postMessage({ type: HEIGHT, height }, host.origin);
}

addEventListener('message', (event: MessageEvent) => {
  if (window.parent === window || event.source !== window.parent) return;
  if (typeof event.data !== 'object' || event.data === null || (event.data as { type?: unknown }).type !== HELLO) return;
  if (options.parents.length > 0 && !options.parents.includes(event.origin)) return;
  if (event.origin === 'null') return;
  host = { window: window.parent, origin: event.origin };
  sent = -1;
  root.dataset.resized = 'true';
  sendHeight();
});

new ResizeObserver(() => sendHeight()).observe(main);
