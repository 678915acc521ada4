// Hostile data: the fault middleware serves /__faults/hostile.json, built by
// fixtures/hostile-dataset.mjs from the reference dataset — HTML and script
// payloads in every text field, javascript: and data: URLs, 5 000-character
// words, RTL overrides, a 10 MB string, __proto__ keys. Nothing executes, the
// layout holds, the list reports the bad records, the valid ones show.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../../packages/elements/src/define/index.js';
import {
  FLAG,
  HTML_ID,
  INVALID,
  LONG_WORD,
  PLAIN_TITLE,
  RLO,
  VALID_IDS,
} from './fixtures/hostile-dataset.mjs';
import {
  allRendered,
  browserName,
  deepElements,
  deepQueryAll,
  describeWatch,
  faultUrl,
  listCount,
  listTitles,
  mount,
  pause,
  shadow,
  squash,
  uid,
  watchPage,
  type PageWatch,
} from './helpers.js';

type Flagged = typeof globalThis & Record<string, unknown>;

/** The parent in the composed tree: slot, parent element or shadow host. */
function composedParent(element: Element): Element | null {
  return element.assignedSlot ?? element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null);
}

/** Whether an ancestor between `element` and `container` clips or scrolls its overflow. */
function clippedWithin(element: Element, container: Element): boolean {
  for (let node = composedParent(element); node && node !== container; node = composedParent(node)) {
    const { overflowX } = getComputedStyle(node);
    if (overflowX !== 'visible') return true;
  }
  return false;
}

/**
 * Elements under `container` (shadow trees included) that stick out of it
 * sideways, or whose content (a long word) sticks out of them, unless an
 * ancestor clips or scrolls it.
 */
function overflowing(container: Element): string[] {
  const box = container.getBoundingClientRect();
  const describe = (element: Element, why: string) => `${element.localName}.${element.className} ${why}`;
  const out: string[] = [];
  for (const element of deepElements(container.shadowRoot ?? container)) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || clippedWithin(element, container)) continue;
    if (rect.left < box.left - 1 || rect.right > box.right + 1) {
      out.push(describe(element, `(${Math.round(rect.width)}px wide in ${Math.round(box.width)}px)`));
    } else if (getComputedStyle(element).overflowX === 'visible' && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
      out.push(describe(element, `(content ${element.scrollWidth}px wide in ${element.clientWidth}px)`));
    }
  }
  return out;
}

/** The closest element around a text node that isolates its bidi run: a block, or `unicode-bidi: isolate`/`plaintext`. */
function bidiIsolate(node: Node): Element {
  let element: Element = node.parentElement!;
  for (;;) {
    const style = getComputedStyle(element);
    if (style.display !== 'inline' || ['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi)) return element;
    const parent = element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host as Element | undefined);
    if (!parent) return element;
    element = parent;
  }
}

/** Text nodes under `root`, shadow trees included. */
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node as Text);
    if ((node as Element).shadowRoot) walk((node as Element).shadowRoot!);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

describe(`hostile data (${browserName})`, function () {
  this.timeout(40_000);
  let page: HTMLElement;
  let list: HTMLElement;
  let card: HTMLElement;
  let watch: PageWatch;
  const src = faultUrl('hostile.json', uid('hostile'));

  before(async () => {
    watch = watchPage();
    page = mount(html`
      <main style="width: 760px">
        <cnr-provider src=${src} territory="departement:88" show-problems>
          <cnr-axis-filter></cnr-axis-filter>
          <cnr-funding-counter open></cnr-funding-counter>
          <cnr-key-figures sources-open></cnr-key-figures>
          <cnr-territory-map level="departement" table-open></cnr-territory-map>
          <cnr-project-list page-size="20" card-variant="full" selectable></cnr-project-list>
        </cnr-provider>
        <cnr-project-card project-id="hostile-html" src=${src}></cnr-project-card>
      </main>
    `);
    list = page.querySelector('cnr-project-list')!;
    card = page.querySelector('cnr-project-card')!;
    await allRendered([...page.querySelectorAll('cnr-provider > *'), card], 30_000);
    await waitUntil(() => listTitles(list).length === VALID_IDS.length, 'cards of the valid projects', { timeout: 10_000 });
    // Give any payload that got through time to run (image errors, iframe loads).
    await pause(500);
  });

  after(() => {
    watch.stop();
    page.parentElement!.remove();
  });

  it('executes nothing', () => {
    expect((globalThis as Flagged)[FLAG], `a payload ran: ${String((globalThis as Flagged)[FLAG])}`).to.equal(undefined);
  });

  it('pollutes no prototype with the __proto__ keys', () => {
    expect((Object.prototype as Record<string, unknown>)[FLAG]).to.equal(undefined);
    expect(({} as Record<string, unknown>)[FLAG]).to.equal(undefined);
    expect((Function.prototype as unknown as Record<string, unknown>)[FLAG]).to.equal(undefined);
  });

  it('creates no element from the data: no script, image, frame, handler or javascript: link', () => {
    const all = deepElements(page);
    const forbidden = all.filter((element) => element.matches('script, img, iframe, object, embed, b, svg[onload]'));
    expect(forbidden.map((e) => e.outerHTML.slice(0, 80))).to.deep.equal([]);
    const handlers = all.filter((element) => element.getAttributeNames().some((name) => name.startsWith('on')));
    expect(handlers.map((e) => e.localName)).to.deep.equal([]);
    const links = all.filter((element) => !element.localName.startsWith('cnr-') && element.matches('a[href], [src]'));
    for (const link of links) {
      const target = link.getAttribute('href') ?? link.getAttribute('src') ?? '';
      expect(target, `<${link.localName}> ${target}`).to.match(/^https?:/);
    }
  });

  it('shows the markup as text', () => {
    const title = squash(card.shadowRoot!.querySelector('[part="title"]')?.textContent);
    expect(title).to.contain('<img src=x onerror=');
    expect(title).to.contain('<script>');
    const filter = page.querySelector('cnr-axis-filter')!;
    expect(squash(shadow(filter).textContent)).to.contain(`Accès <img src=x onerror=`);
  });

  it('still shows every valid record', () => {
    expect(listCount(list)).to.equal(`${VALID_IDS.length} projets`);
    expect(listTitles(list)).to.include(PLAIN_TITLE);
    // The record with `__proto__` and `constructor` keys is valid: those keys are dropped.
    expect(listTitles(list).filter((title) => title.startsWith('Projet <img')).length).to.equal(2);
    expect(listTitles(list).some((title) => title.startsWith('Mot long'))).to.equal(true);
    expect(listTitles(list).some((title) => title.includes('Titre renversé'))).to.equal(true);
  });

  it('reports each bad record: which, where and why', () => {
    const problems = shadow(list).querySelector<HTMLDetailsElement>('[part="problems"]');
    expect(problems !== null, 'the list has a report').to.equal(true);
    const lines = [...problems!.querySelectorAll('li')].map((li) => squash(li.textContent));
    for (const bad of INVALID) {
      const line = lines.find((text) => text.includes(`(id ${bad.id})`));
      expect(line, `a line for ${bad.id} in ${JSON.stringify(lines)}`).to.be.a('string');
      expect(line).to.match(new RegExp(`^${bad.where.replace('[', '\\[')}\\d+\\] \\(id ${bad.id}\\) › ${bad.path.replace('.', '\\.')}: `));
      expect(line).to.contain(bad.why);
    }
    // The record whose id is markup is reported with that id, as text.
    expect(lines.some((text) => text.includes(`(id ${HTML_ID}) › id:`))).to.equal(true);
    // No line echoes a bad value: the 10 MB string stays out of the page.
    for (const line of lines) expect(line.length, line.slice(0, 120)).to.be.below(400);
    expect(squash(problems!.querySelector('summary')?.textContent)).to.match(/^\d+ enregistrements écartés ou incomplets$/);
  });

  it('counts the records left out in the report’s summary, not the problems', () => {
    const problems = shadow(list).querySelector('[part="problems"]')!;
    const records = new Set([...problems.querySelectorAll('li')].map((li) => squash(li.textContent).split(' › ')[0]));
    expect(squash(problems.querySelector('summary')?.textContent)).to.equal(`${records.size} enregistrements écartés ou incomplets`);
  });

  it('opens the report without breaking the layout', async () => {
    const problems = shadow(list).querySelector<HTMLDetailsElement>('[part="problems"]')!;
    problems.open = true;
    await pause(50);
    expect(problems.getBoundingClientRect().height).to.be.greaterThan(40);
    expect(overflowing(list)).to.deep.equal([]);
  });

  it('holds the layout: no element wider than its container', () => {
    expect(document.documentElement.scrollWidth, 'page scroll width').to.be.at.most(document.documentElement.clientWidth);
    const mainBox = page.getBoundingClientRect();
    for (const widget of [...page.querySelectorAll('cnr-provider > *'), card]) {
      const box = widget.getBoundingClientRect();
      expect(box.right, `<${widget.localName}> right edge`).to.be.at.most(mainBox.right + 1);
      expect(overflowing(widget), `<${widget.localName}>`).to.deep.equal([]);
    }
    for (const inner of deepQueryAll(list, 'cnr-project-card')) {
      expect(overflowing(inner), `card « ${squash(inner.shadowRoot?.querySelector('[part="title"]')?.textContent).slice(0, 40)} »`).to.deep.equal([]);
    }
  });

  it('breaks 5 000-character words inside the card', () => {
    const long = deepQueryAll(list, 'cnr-project-card').find((c) => squash(c.shadowRoot?.querySelector('[part="title"]')?.textContent).startsWith('Mot long'))!;
    expect(long, 'the card with long words').to.be.instanceOf(HTMLElement);
    const summary = long.shadowRoot!.querySelector<HTMLElement>('[part="summary"]')!;
    expect(summary.textContent).to.contain(LONG_WORD);
    expect(summary.getBoundingClientRect().width).to.be.at.most(long.getBoundingClientRect().width + 1);
    expect(summary.scrollWidth, 'the word wraps').to.be.at.most(summary.clientWidth + 1);
    expect(summary.getBoundingClientRect().height, 'over several lines').to.be.greaterThan(100);
  });

  it('keeps RTL overrides inside their own field', () => {
    const overridden = textNodes(page).filter((node) => node.data.includes(RLO));
    expect(overridden.length, 'texts with U+202E').to.be.greaterThan(0);
    for (const node of overridden) {
      const isolate = bidiIsolate(node);
      const text = squash(isolate.textContent);
      // The override ends with its isolate: no other field shares it.
      expect(text.includes('ZZZ-after'), `« ${text.slice(0, 60)} » shares its bidi run with the next porteur`).to.equal(false);
      expect(text.includes('projets'), `« ${text.slice(0, 60)} » shares its bidi run with the count`).to.equal(false);
    }
  });

  it('logs no error and raises nothing', () => {
    expect(watch.errors.length + watch.rejections.length + watch.exceptions.length, describeWatch(watch)).to.equal(0);
  });
});
