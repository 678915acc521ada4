// Reflow and text resize (WCAG 1.4.10 and 1.4.4, RGAA 10.11 and 10.4): every
// widget, loaded and with its panels open, fits a 320 px wide column (what a
// 1280 px window shows at 400 % zoom) and a 640 px column with the text at
// 200 %, without horizontal scrolling of the page. Only a data table may scroll
// inside its own box (the exception both standards make for tables).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../define/axis-filter.js';
import '../define/funding-counter.js';
import '../define/key-figures.js';
import '../define/project-card.js';
import '../define/project-list.js';
import '../define/provider.js';
import '../define/territory-map.js';

const LIST = '/packages/elements/test/fixtures/list-full.json';
const FIGURES = '/packages/elements/test/fixtures/figures-linked.json';

const parts = (element: Element, name: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/** Every element of a tree, through open shadow roots. */
function* deep(root: Element | ShadowRoot): Generator<Element> {
  for (const child of root.children) {
    yield child;
    if (child.shadowRoot) yield* deep(child.shadowRoot);
    yield* deep(child);
  }
}

/** The composed-tree ancestors of an element (crossing shadow roots). */
function* ancestors(element: Element): Generator<Element> {
  let node: Node | null = element;
  while (node) {
    node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
    if (node instanceof Element) yield node;
  }
}

/** Inside a box that scrolls horizontally on its own (a table's wrapper)? */
function inScrollBox(element: Element, column: Element): boolean {
  for (const above of ancestors(element)) {
    if (above === column) return false;
    const overflow = getComputedStyle(above).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return above.tagName === 'TABLE' || above.querySelector('table') !== null;
  }
  return false;
}

/** The boxes that stick out of the column, by tag and part: what a user would have to scroll sideways to read. */
function overflowing(column: HTMLElement): string[] {
  const { left, right } = column.getBoundingClientRect();
  const out: string[] = [];
  for (const element of deep(column)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    // Shapes inside an <svg> are clipped by it: the <svg> box itself is checked.
    if (element instanceof SVGElement && !(element instanceof SVGSVGElement)) continue;
    if (getComputedStyle(element).visibility === 'hidden') continue;
    if (box.left >= left - 0.5 && box.right <= right + 0.5) continue;
    // Visually hidden text (clip) is not read on screen.
    if (element.closest?.('.visually-hidden, .sr-only') || getComputedStyle(element).clipPath.includes('inset(50%)')) continue;
    if (inScrollBox(element, column)) continue;
    out.push(`${element.tagName.toLowerCase()}${element.getAttribute('part') ? `[part="${element.getAttribute('part')}"]` : ''} ${Math.round(box.left - left)}…${Math.round(box.right - left)} px`);
  }
  return out;
}

/** Opens what a user can open: « Lire plus », « Sources », « Détail », the map's table. */
async function openPanels(root: Element): Promise<void> {
  for (const element of deep(root)) {
    const name = element.getAttribute('part') ?? '';
    if (/\b(toggle|sources-button|details-button|table-button)\b/.test(name) && element.getAttribute('aria-expanded') !== 'true') {
      (element as HTMLElement).click();
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const element of deep(root)) if ('updateComplete' in element) await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

interface Case {
  name: string;
  template: TemplateResult;
  /** Resolves once the widget shows its data. */
  ready: (root: HTMLElement) => boolean;
  /** Whether the panels the test opens are shown. */
  opened?: (root: HTMLElement) => boolean;
}

const CASES: Case[] = [
  {
    name: '<cnr-project-list> (full cards)',
    template: html`<cnr-project-list src=${LIST} thematique="all" card-variant="full"></cnr-project-list>`,
    ready: (root) => {
      const list = root.querySelector('cnr-project-list')!;
      return parts(list, 'card').length > 0 && parts(list, 'card').every((card) => card.shadowRoot?.querySelector('[part~="title"]'));
    },
  },
  {
    name: '<cnr-axis-filter>',
    template: html`<cnr-axis-filter src=${LIST} multiple></cnr-axis-filter>`,
    ready: (root) => parts(root.querySelector('cnr-axis-filter')!, 'option').length > 0,
  },
  {
    name: '<cnr-key-figures>',
    template: html`<cnr-key-figures src=${FIGURES} territory="44"></cnr-key-figures>`,
    ready: (root) => parts(root.querySelector('cnr-key-figures')!, 'figure').length > 0,
    opened: (root) => parts(root.querySelector('cnr-key-figures')!, 'sources').some((list) => list.getBoundingClientRect().height > 0),
  },
  {
    name: '<cnr-funding-counter>',
    template: html`<cnr-funding-counter territory="44"></cnr-funding-counter>`,
    ready: (root) => parts(root.querySelector('cnr-funding-counter')!, 'amount').length > 0,
    opened: (root) => parts(root.querySelector('cnr-funding-counter')!, 'table').some((table) => table.getBoundingClientRect().height > 0),
  },
  {
    name: '<cnr-territory-map> (départements, table open)',
    template: html`<cnr-territory-map level="department"></cnr-territory-map>`,
    ready: (root) => parts(root.querySelector('cnr-territory-map')!, 'territory').length > 90,
    opened: (root) => parts(root.querySelector('cnr-territory-map')!, 'table').length === 1,
  },
];

for (const [width, fontSize] of [
  [320, '100%'],
  [640, '200%'],
] as const) {
  describe(`reflow: a ${width} px column, text at ${fontSize}`, () => {
    it('control: a box wider than the column is reported', async () => {
      const column = await fixture<HTMLDivElement>(
        html`<div style="width: ${width}px; font-size: ${fontSize}"><p style="width: ${width + 80}px">trop large</p></div>`,
      );
      expect(overflowing(column)).to.have.length(1);
    });

    for (const { name, template, ready, opened } of CASES) {
      it(`${name} fits without horizontal scrolling`, async () => {
        const column = await fixture<HTMLDivElement>(html`<div style="width: ${width}px; font-size: ${fontSize}">${template}</div>`);
        await waitUntil(() => ready(column), `${name} did not load`, { timeout: 10_000 });
        await openPanels(column);
        if (opened) await waitUntil(() => opened(column), `${name}: its panels did not open`);
        expect(overflowing(column), 'boxes sticking out of the column').to.deep.equal([]);
        expect(column.scrollWidth, 'the column does not scroll sideways').to.be.at.most(width);
      });
    }
  });
}
