// Text direction (issue 15): data text that starts with a right-to-left
// override (U+202E) must not reorder our own text next to it. Each check
// measures where the browser draws two characters of ours (Range rects): in
// our left-to-right text the first is drawn left of the last.
import type { Dataset as CnrDataset } from '@cnr-widgets/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/axis-filter.js';
import '../define/key-figures.js';
import '../define/project-list.js';
import { stubFetch } from '../../test/helpers.js';

const RLO = '\u202e';
let unique = 0;

/** The linked fixture with hostile labels, served at a fresh URL. */
async function hostileSource(): Promise<{ src: string; restore: () => void }> {
  const dataset = (await (await fetch('/packages/elements/test/fixtures/figures-linked.json')).json()) as CnrDataset;
  // The reference's own axes and territories win over a document's (same ids): new ones, hostile.
  const model = dataset.axes.find((axis) => axis.id === 'sante-4')!;
  dataset.axes.push({
    ...model,
    id: 'sante-9',
    number: 9,
    label: `${RLO}accès hostile`,
    subgroups: [{ id: 'sante-9-former', label: `${RLO}Former` }],
  });
  const ge = dataset.figures.find((figure) => figure.id === 'fig-ge')!;
  ge.meetings![0]!.label = `${RLO}dialogues territoriaux`;
  ge.source.excerpt = `${RLO}12 rencontres hostiles`;
  dataset.figures.push({
    id: 'bloc-hostile',
    thematique: 'sante',
    phase: 'acte-1',
    propositions: 7,
    meetings: [{ kind: 'atelier', count: 2, label: `${RLO}ateliers de quartier` }],
    derivation: { kind: 'unattributed', position: `${RLO}2e bloc`, reasoning: 'Aucun territoire dans le texte.' },
    source: { document: 'rapport-a', excerpt: `${RLO}7 propositions` },
  } as CnrDataset['figures'][number]);
  const src = `/bidi-${Date.now()}-${++unique}.json`;
  const body = JSON.stringify(dataset);
  const restore = stubFetch((url) => (url.includes(src) ? Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } })) : undefined));
  return { src, restore };
}

/** The text nodes under `root`, in order. */
function texts(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/** Where the browser draws `text` (its first occurrence under `root`, in one text node). */
function rect(root: Node, text: string, last = false): DOMRect {
  const nodes = texts(root);
  const node = last ? [...nodes].reverse().find((candidate) => candidate.data.includes(text)) : nodes.find((candidate) => candidate.data.includes(text));
  expect(node !== undefined, `« ${text} » in « ${(root as Element).textContent} »`).to.equal(true);
  const start = last ? node!.data.lastIndexOf(text) : node!.data.indexOf(text);
  const range = document.createRange();
  range.setStart(node!, start);
  range.setEnd(node!, start + text.length);
  return range.getBoundingClientRect();
}

/**
 * Whether the data text `data` is drawn between our `before` and our `after`
 * (on one line, left to right): a leaking override draws our text after the
 * data inside it, reversed (« (tejorp 0) », a closing » right after the opening one).
 */
function drawnBetween(root: Node, before: string, data: string, after: string): boolean {
  const a = rect(root, before);
  const d = rect(root, data);
  const b = rect(root, after, true);
  // On one line: otherwise left and right say nothing of the order.
  expect(new Set([a.top, d.top, b.top]).size, `« ${(root as Element).textContent} » on one line`).to.equal(1);
  return a.right <= d.left + 0.5 && d.right <= b.left + 0.5;
}

async function rendered(host: Element, selector: string): Promise<void> {
  await waitUntil(() => host.shadowRoot?.querySelector(selector), `${host.localName} did not render ${selector}`, { timeout: 8000 });
}

describe('data text that starts with a right-to-left override does not reorder ours', () => {
  let source: { src: string; restore: () => void };
  beforeEach(async () => {
    source = await hostileSource();
  });
  afterEach(() => source.restore());

  it('<cnr-axis-filter>: « Axe 9 — … (0 projet) », our words and count read left to right', async () => {
    const filter = await fixture(html`<div style="width: 40rem"><cnr-axis-filter src=${source.src}></cnr-axis-filter></div>`);
    const element = filter.querySelector('cnr-axis-filter')!;
    await rendered(element, 'fieldset');
    for (const value of ['sante-9', 'sante-9-former']) {
      const label = element.shadowRoot!.querySelector(`input[value="${value}"]`)!.closest('label')!;
      const count = label.querySelector('[part="count"]')!;
      // Our words, the label, then the count.
      if (value === 'sante-9') expect(drawnBetween(label, 'Axe', 'accès hostile', ')'), `« ${label.textContent} »`).to.equal(true);
      else expect(rect(label, 'Former').right <= rect(count, '(').left + 0.5, `« ${label.textContent} »`).to.equal(true);
      expect(rect(count, '(').left < rect(count, ')').left, `${value}: the count reads « ${count.textContent} »`).to.equal(true);
      expect(label.querySelector('bdi')?.textContent, 'the label isolated').to.match(new RegExp(`^${RLO}`));
    }
  });

  it('<cnr-key-figures>: the passages between « », the meetings after « dont »', async () => {
    const host = await fixture(html`<div style="width: 60rem">
      <cnr-key-figures src=${source.src} territory="region:44" sources-open style="--cnr-key-figures-min-width: 40rem"></cnr-key-figures>
    </div>`);
    const figures = host.querySelector('cnr-key-figures')!;
    await rendered(figures, '[part="sources"]');
    const quote = [...figures.shadowRoot!.querySelectorAll('[part="sources"] blockquote')].find((node) => node.textContent!.includes(RLO))!;
    expect(drawnBetween(quote, '«', 'rencontres hostiles', '»'), `the passage reads « ${quote.textContent} »`).to.equal(true);
    const breakdown = figures.shadowRoot!.querySelector('[part="breakdown"]')!;
    expect(drawnBetween(breakdown, 'dont', 'dialogues territoriaux', ' et '), `the breakdown reads « ${breakdown.textContent} »`).to.equal(true);
  });

  it('<cnr-key-figures show-unattributed>: each unattributed value and passage isolated', async () => {
    const host = await fixture(html`<div style="width: 60rem">
      <cnr-key-figures src=${source.src} show-unattributed></cnr-key-figures>
    </div>`);
    const figures = host.querySelector('cnr-key-figures')!;
    await rendered(figures, '[part="unattributed-button"]');
    figures.shadowRoot!.querySelector<HTMLButtonElement>('[part="unattributed-button"]')!.click();
    await waitUntil(() => !figures.shadowRoot!.querySelector('#unattributed')!.hasAttribute('hidden'));
    const item = figures.shadowRoot!.querySelector('[data-id="bloc-hostile"]')!;
    expect(drawnBetween(item.querySelector('blockquote')!, '«', 'propositions', '»')).to.equal(true);
    // « 2 ‮ateliers de quartier, 7 propositions »: the separator and the next value after the hostile one.
    const values = item.querySelector('.unattributed-values')!;
    expect(drawnBetween(values, '2', 'ateliers de quartier', '7 propositions'), `the values read « ${values.textContent} »`).to.equal(true);
  });

  it('<cnr-project-list> empty: « recherche « … » » with the guillemets in place', async () => {
    const list = await fixture(html`<cnr-project-list src=${source.src} q=${`${RLO}zzzz`}></cnr-project-list>`);
    await rendered(list, '[part="relax-button"]');
    const button = list.shadowRoot!.querySelector('[part="relax-button"]')!;
    expect(drawnBetween(button, '«', 'zzzz', '»'), `the button reads « ${button.textContent} »`).to.equal(true);
  });
});
