/// <reference types="node" />
/**
 * `@cnr-widgets/elements/server` (Node only): the HTML of a widget rendered
 * ahead of time with Lit's server rendering — a declarative shadow root
 * (`<template shadowrootmode="open">`) holding the widget's styles and its
 * content with its data, readable with no script, and a JSON island with that
 * data, so that the widget hydrates without loading it again when the page
 * also has the module script.
 *
 * ```js
 * import { renderWidgetHTML } from '@cnr-widgets/elements/server';
 * const html = await renderWidgetHTML('cnr-project-list', { territory: 'departement:57' });
 * ```
 *
 * The data comes from the SDK (`client`, else the element's `src`/`api`
 * attributes, else the embedded reference dataset), resolved before the
 * synchronous render: each element's `prerender()` runs its data task once,
 * and the rendered element gets the result (`cnrPrerendered`) before it
 * renders.
 */
import { createHash } from 'node:crypto';
import { createClient, type CnrClient } from '@cnr-widgets/sdk';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { CnrDataElement } from '../base/data-element.js';
import { islandHTML } from '../base/prerender.js';
// Defines the elements in the server's registry (Lit's DOM shim).
import '../define/funding-counter.js';
import '../define/key-figures.js';
import '../define/project-card.js';
import '../define/project-list.js';
import '../define/territory-map.js';

/** The widgets that can be rendered ahead of time. */
export const SERVER_WIDGETS = ['cnr-project-list', 'cnr-key-figures', 'cnr-funding-counter', 'cnr-territory-map'] as const;
export type ServerWidget = (typeof SERVER_WIDGETS)[number];

/** An attribute's value: a string or number is written as is, `true` gives the bare attribute, `false`/`undefined` none. */
export type AttributeValue = string | number | boolean | undefined | null;

export interface RenderWidgetOptions {
  /**
   * The SDK client to read (a producer's file: `createClient({ src: document })`).
   * Default: the element's `src` or `api` attribute, else the embedded reference dataset.
   */
  client?: CnrClient;
  /** The interface language (`lang` on the element); French by default. */
  lang?: 'fr' | 'en';
}

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The attributes, checked and written (names lower-case, values escaped). */
function attributeList(attributes: Readonly<Record<string, AttributeValue>>, lang: string | undefined): [string, string][] {
  const list: [string, string][] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) throw new TypeError(`renderWidgetHTML: « ${name} » is not an attribute name.`);
    if (value === undefined || value === null || value === false) continue;
    if (name === 'lang' && lang !== undefined) continue;
    list.push([name, value === true ? '' : String(value)]);
  }
  if (lang !== undefined) list.push(['lang', lang]);
  return list;
}

/**
 * The HTML of `<tag>` with `attributes`, rendered with its data: the element
 * with a declarative shadow root (its styles and content) and a JSON island.
 * Rejects when the data cannot be loaded (the SDK's error), or for a tag or
 * attribute name it does not render.
 */
export async function renderWidgetHTML(
  tag: ServerWidget,
  attributes: Readonly<Record<string, AttributeValue>> = {},
  options: RenderWidgetOptions = {},
): Promise<string> {
  if (!(SERVER_WIDGETS as readonly string[]).includes(tag)) {
    throw new TypeError(`renderWidgetHTML: <${String(tag)}> is not rendered ahead of time; one of ${SERVER_WIDGETS.join(', ')}.`);
  }
  const list = attributeList(attributes, options.lang);
  const source = Object.fromEntries(list);
  const client = options.client ?? (source.api ? createClient({ api: source.api }) : source.src ? createClient({ src: source.src }) : createClient());

  // The data, resolved first by an element with the same attributes (rendering is synchronous).
  const Element = customElements.get(tag) as unknown as new () => CnrDataElement;
  const probe = new Element();
  for (const [name, value] of list) probe.attributeChangedCallback(name, null, value);
  probe.client = client;
  const data = await probe.prerender();

  const open = `<${tag}${list.map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('')}`;
  // The tag and attributes are static (checked and escaped above); the client and the data are properties.
  // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
  const template = html`${unsafeStatic(open)} .client=${client} .cnrPrerendered=${data}>${unsafeHTML(islandHTML({ v: 1, data }))}</${unsafeStatic(tag)}>`;
  return stripMarkers(await collectResult(render(template)));
}

/**
 * Without the outer template's hydration markers: only the elements' shadow
 * roots hydrate (each by itself), not the snippet around them.
 */
function stripMarkers(markup: string): string {
  return (
    markup
      .replace(/^<!--lit-part [^>]*-->/, '')
      .replace(/<!--\/lit-part-->$/, '')
      .replace(/^<!--lit-node \d+-->/, '')
      // The open tag's attributes one space apart (the renderer leaves the template's spacing).
      .replace(/^<([a-z][a-z0-9-]*)\s+/, '<$1 ')
  );
}

/**
 * The CSP sources (`'sha256-…'`) that allow the `<style>` elements of
 * rendered widgets (one per element's shadow root), for a page whose
 * `style-src` has no `'unsafe-inline'`. Put them in its `style-src`; the JSON
 * islands are data, never executed, and need nothing in `script-src`.
 */
export function cspStyleHashes(markup: string): string[] {
  const hashes = new Set<string>();
  for (const [, css] of markup.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    hashes.add(`'sha256-${createHash('sha256').update(css ?? '', 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
