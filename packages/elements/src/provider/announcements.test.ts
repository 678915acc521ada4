// What a screen reader hears when the data fails or changes (issue 15, items 2
// and 3): one alert per failure for a provider's widgets, « Réessayer » buttons
// that say what they load again, and one summary per settled change of the
// filters — from the provider, or from a widget alone — never the counts on
// the way while the visitor types.
//
// Live regions are read as the browser exposes them: every element with
// role="status"/"alert" or aria-live, through the shadow roots, polled every
// 40 ms while the test runs, each change of its text recorded.
import { createClient } from '@cnr-widgets/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { accessibilityTree } from '../../test/accessibility-tree.js';
import { squash } from '../../test/data-widget-suite.js';
import { keys, stubFetch } from '../../test/helpers.js';
import { SETTLE_MS } from '../base/announcer.js';
import { clientFor } from '../base/clients.js';
import '../define/axis-filter.js';
import '../define/funding-counter.js';
import '../define/key-figures.js';
import '../define/project-list.js';
import '../define/provider.js';
import '../define/territory-map.js';
import { countLabel } from '../i18n/project-list.js';
import type { CnrProvider } from './provider.component.js';

/** Every element of `root` matching `selector`, through shadow roots. */
function deepAll(root: ParentNode, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll<HTMLElement>('*')) {
      if (element.matches(selector)) found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  if (root instanceof Element) {
    if (root.matches(selector)) found.push(root as HTMLElement);
    if (root.shadowRoot) walk(root.shadowRoot);
  }
  walk(root);
  return found;
}

const LIVE = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';

/** The host element a node belongs to (its tag), for the record. */
function owner(node: Node): string {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host.localName : 'document';
}

interface Heard {
  from: string;
  role: string;
  text: string;
}

/** Records every new non-empty text of every live region under `root` until stopped. */
function listen(root: ParentNode): { heard: Heard[]; stop: () => void } {
  const heard: Heard[] = [];
  const last = new Map<HTMLElement, string>();
  const poll = () => {
    for (const region of deepAll(root, LIVE)) {
      // Hidden regions (a loading skeleton that stays hidden under the content) are not heard.
      const text = region.closest('[hidden]') ? '' : squash(region.textContent);
      const before = last.get(region);
      last.set(region, text);
      // A region there from the start, or a new polite one, says nothing yet; a new alert is announced with its text.
      if (before === undefined && !(region.getAttribute('role') === 'alert' && text !== '')) continue;
      if (text !== before && text !== '') heard.push({ from: owner(region), role: region.getAttribute('role') ?? 'live', text });
    }
  };
  poll();
  const timer = setInterval(poll, 40);
  return { heard, stop: () => clearInterval(timer) };
}

/** The non-empty alerts under `root` now. */
const alerts = (root: ParentNode) => deepAll(root, '[role="alert"]').filter((element) => squash(element.textContent) !== '');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The accessible names of the buttons whose name starts with `prefix`, from the
 * browser's accessibility tree (Chromium); `undefined` where the runner cannot
 * read the tree (Firefox through WebDriver BiDi, WebKit).
 */
async function buttonNames(prefix: string): Promise<string[] | undefined> {
  const tree = await accessibilityTree();
  return tree?.filter((node) => node.role === 'button' && node.name.startsWith(prefix)).map((node) => node.name);
}

/** How many nodes of the accessibility tree (Chromium) have `role`; `undefined` elsewhere. */
async function axCount(role: string): Promise<number | undefined> {
  const tree = await accessibilityTree();
  return tree?.filter((node) => node.role === role).length;
}

const TAGS = ['cnr-key-figures', 'cnr-territory-map', 'cnr-axis-filter', 'cnr-funding-counter', 'cnr-project-list'];

describe('announcements: a failure', () => {
  let restore: (() => void) | undefined;
  let unique = 0;
  beforeEach(() => {
    restore = stubFetch((url) => (url.includes('/__announce-missing/') ? Promise.resolve(new Response('introuvable', { status: 404 })) : undefined));
  });
  afterEach(() => restore?.());

  it('inside a provider (src → 404): one alert for the five widgets, each « Réessayer » named after what it loads again', async () => {
    const src = `/__announce-missing/donnees-${++unique}.json`;
    const provider = await fixture<CnrProvider>(html`<cnr-provider src=${src}>
      <cnr-key-figures></cnr-key-figures>
      <cnr-territory-map level="department" region="44"></cnr-territory-map>
      <cnr-axis-filter></cnr-axis-filter>
      <cnr-funding-counter></cnr-funding-counter>
      <cnr-project-list></cnr-project-list>
    </cnr-provider>`);
    const live = listen(provider);
    try {
      const widgets = TAGS.map((tag) => provider.querySelector(tag)!);
      // Every widget shows its failure…
      await waitUntil(() => widgets.every((widget) => widget.shadowRoot?.querySelector('[part~="error"]')), 'every widget shows the error', { timeout: 8000 });
      await waitUntil(() => live.heard.length > 0, 'the failure is announced', { timeout: 4000 });
      await sleep(600);
      // …and it is announced once, by one alert.
      expect(alerts(document).length, 'alerts on the page').to.equal(1);
      expect(live.heard.map((entry) => entry.role)).to.deep.equal(['alert']);
      const text = live.heard[0]!.text;
      expect(text.split('Rien à cette adresse (erreur 404)').length - 1, 'the message, once').to.equal(1);
      expect(text).to.contain(`donnees-${unique}.json`);
      // The browser exposes one alert (the provider is display: contents; its region is not).
      const exposed = await axCount('alert');
      if (exposed !== undefined) expect(exposed, 'alerts in the accessibility tree').to.equal(1);

      // The five « Réessayer » buttons, visibly « Réessayer », each named after what it loads again.
      const buttons = widgets.map((widget) => widget.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!);
      expect(buttons.map((button) => squash(button.textContent))).to.deep.equal(Array(5).fill('Réessayer'));
      const expected = [
        'Réessayer le chargement des chiffres clés',
        'Réessayer le chargement de la carte',
        'Réessayer le chargement des axes',
        'Réessayer le chargement des financements',
        'Réessayer le chargement des projets',
      ];
      const names = await buttonNames('Réessayer');
      if (names !== undefined) expect([...names].sort()).to.deep.equal([...expected].sort());
      else expect(buttons.map((button) => button.getAttribute('aria-label'))).to.deep.equal(expected);

      // A retry that fails again is a new failure: announced again, once.
      live.heard.length = 0;
      buttons[4]!.click();
      await waitUntil(() => live.heard.length > 0, 'the failed retry is announced', { timeout: 4000 });
      await sleep(600);
      expect(live.heard.map((entry) => `${entry.from}/${entry.role}`)).to.deep.equal(['cnr-provider/alert']);
      expect(alerts(document).length, 'alerts on the page').to.equal(1);
      await expect(provider).to.be.accessible();
    } finally {
      live.stop();
    }
  });

  it('a widget alone announces its own failure once, with a named « Réessayer »', async () => {
    const src = `/__announce-missing/seul-${++unique}.json`;
    const list = await fixture<HTMLElement>(html`<cnr-project-list src=${src}></cnr-project-list>`);
    await waitUntil(() => list.shadowRoot?.querySelector('[part~="error"]'), 'the error', { timeout: 8000 });
    await sleep(300);
    const shown = alerts(document);
    expect(shown.length).to.equal(1);
    expect(owner(shown[0]!)).to.equal('cnr-project-list');
    expect(squash(shown[0]!.textContent)).to.contain('Rien à cette adresse (erreur 404)');
    const names = await buttonNames('Réessayer');
    if (names !== undefined) expect(names).to.deep.equal(['Réessayer le chargement des projets']);
    await expect(list).to.be.accessible();
  });
});

describe('announcements: stale data', () => {
  let restore: (() => void) | undefined;
  let fail = false;
  let body = '';
  before(async () => {
    body = JSON.stringify((await createClient().load()).dataset);
  });
  beforeEach(() => {
    fail = false;
    restore = stubFetch((url) =>
      url.includes('/__announce-stale/')
        ? Promise.resolve(fail ? new Response('indisponible', { status: 503 }) : new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }))
        : undefined,
    );
  });
  afterEach(() => restore?.());

  it('inside a provider: a failed refresh is said once for its widgets, each « Réessayer » named', async () => {
    const src = `/__announce-stale/donnees-${Date.now()}.json`;
    const client = clientFor({ src });
    await client.load();
    fail = true;
    await client.refresh();
    const live = listen(document);
    try {
      const provider = await fixture<CnrProvider>(html`<cnr-provider src=${src} territory="region:44">
        <cnr-funding-counter></cnr-funding-counter>
        <cnr-project-list></cnr-project-list>
      </cnr-provider>`);
      const widgets = ['cnr-funding-counter', 'cnr-project-list'].map((tag) => provider.querySelector(tag)!);
      await waitUntil(() => widgets.every((widget) => widget.shadowRoot?.querySelector('[part~="stale-notice"]')), 'both widgets show the stale notice', { timeout: 8000 });
      await waitUntil(() => live.heard.length > 0, 'the stale data is announced', { timeout: 4000 });
      await sleep(600);
      expect(live.heard.map((entry) => `${entry.from}/${entry.role}`)).to.deep.equal(['cnr-provider/status']);
      expect(live.heard[0]!.text).to.contain('peuvent ne pas être à jour');
      // The notices themselves are no live regions inside a provider.
      expect(widgets.map((widget) => widget.shadowRoot!.querySelector('[part~="stale-notice"]')!.getAttribute('role'))).to.deep.equal([null, null]);
      const labels = widgets.map((widget) => widget.shadowRoot!.querySelector('[part~="stale-notice"] [part~="retry-button"]')!.getAttribute('aria-label'));
      expect(labels).to.deep.equal(['Réessayer le chargement des financements', 'Réessayer le chargement des projets']);
      await expect(provider).to.be.accessible();
    } finally {
      live.stop();
    }
  });
});

describe('announcements: a change of the filters', () => {
  const client = createClient();

  /**
   * Types `text` into the list's search field a character at a time, `pause`
   * ms apart: slower than the list's search delay (200 ms), so that each prefix
   * is searched on the way, as a visitor typing at that pace. The first key is
   * a real key press; the next ones are input events at a timed pace (a real
   * key press through the test runner takes a variable time on a loaded machine).
   */
  async function typeSlowly(list: HTMLElement, text: string, pause: number): Promise<void> {
    const input = list.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.focus();
    await keys({ type: text[0]! });
    for (const character of text.slice(1)) {
      await sleep(pause);
      input.value += character;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: character, inputType: 'insertText' }));
    }
  }

  const listReady = (list: HTMLElement) =>
    waitUntil(() => /projet/.test(squash(list.shadowRoot?.querySelector('[part~="count"]')?.textContent)), 'the list shows its count', { timeout: 8000 });

  it('inside a provider: typing « mobile » gives one summary once the result has settled, from the provider alone', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider territory="region:44">
      <cnr-key-figures></cnr-key-figures>
      <cnr-territory-map level="department" region="44"></cnr-territory-map>
      <cnr-funding-counter></cnr-funding-counter>
      <cnr-project-list></cnr-project-list>
    </cnr-provider>`);
    const list = provider.querySelector<HTMLElement>('cnr-project-list')!;
    const counter = provider.querySelector<HTMLElement>('cnr-funding-counter')!;
    await listReady(list);
    await waitUntil(() => counter.shadowRoot?.querySelector('[part~="amount"]'), 'the amount', { timeout: 8000 });
    await sleep(SETTLE_MS + 400);
    const live = listen(document);
    try {
      // 300 ms a key: the list searches each prefix (« m », « mo »…) on the way.
      await typeSlowly(list, 'mobile', 300);
      const { data } = await client.projects({ territory: 'region:44', q: 'mobile' }, { limit: 1 });
      const count = countLabel(data.total, 'fr');
      await waitUntil(() => squash(list.shadowRoot!.querySelector('[part~="count"]')!.textContent) === count, `the list shows ${count}`, { timeout: 8000 });
      await waitUntil(() => live.heard.length > 0, 'an announcement', { timeout: 4000 });
      await sleep(SETTLE_MS + 600);
      const amount = squash(counter.shadowRoot!.querySelector('.live')!.textContent);
      expect(live.heard).to.deep.equal([{ from: 'cnr-provider', role: 'status', text: `${count}, ${amount}, Grand Est` }]);
    } finally {
      live.stop();
    }
  });

  it('inside a provider: choosing a territory on the map announces the new summary once, with its name', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider territory="region:44">
      <cnr-territory-map level="department" region="44"></cnr-territory-map>
      <cnr-project-list></cnr-project-list>
    </cnr-provider>`);
    const map = provider.querySelector<HTMLElement>('cnr-territory-map')!;
    const list = provider.querySelector<HTMLElement>('cnr-project-list')!;
    await listReady(list);
    await waitUntil(() => map.shadowRoot?.querySelector('path[data-code="88"]'), 'the Vosges on the map', { timeout: 8000 });
    await sleep(SETTLE_MS + 400);
    const live = listen(document);
    try {
      map.shadowRoot!.querySelector<SVGElement>('path[data-code="88"]')!.focus();
      await keys({ press: 'Enter' });
      const { data } = await client.projects({ territory: 'departement:88' }, { limit: 1 });
      await waitUntil(() => live.heard.length > 0, 'an announcement', { timeout: 6000 });
      await sleep(SETTLE_MS + 400);
      expect(live.heard).to.deep.equal([{ from: 'cnr-provider', role: 'status', text: `${countLabel(data.total, 'fr')}, Vosges` }]);
    } finally {
      live.stop();
    }
  });

  it('inside a provider: a change made at once, before the first summary has settled, is announced', async () => {
    const live = listen(document);
    try {
      const provider = await fixture<CnrProvider>(html`<cnr-provider territory="region:44">
        <cnr-project-list></cnr-project-list>
      </cnr-provider>`);
      await listReady(provider.querySelector<HTMLElement>('cnr-project-list')!);
      provider.setFilters({ ...provider.filters, territory: 'departement:88' });
      const { data } = await client.projects({ territory: 'departement:88' }, { limit: 1 });
      await waitUntil(() => live.heard.some((entry) => entry.from === 'cnr-provider'), 'an announcement', { timeout: 6000 });
      await sleep(SETTLE_MS + 400);
      expect(live.heard.filter((entry) => !/Chargement/.test(entry.text))).to.deep.equal([{ from: 'cnr-provider', role: 'status', text: countLabel(data.total, 'fr') }]);
    } finally {
      live.stop();
    }
  });

  it('a list alone: typing « mobile » announces its settled count once, from the list', async () => {
    const list = await fixture<HTMLElement>(html`<cnr-project-list territory="region:44"></cnr-project-list>`);
    await listReady(list);
    await sleep(SETTLE_MS + 400);
    const live = listen(document);
    try {
      await typeSlowly(list, 'mobile', 300);
      const { data } = await client.projects({ territory: 'region:44', q: 'mobile' }, { limit: 1 });
      const count = countLabel(data.total, 'fr');
      await waitUntil(() => live.heard.length > 0, 'an announcement', { timeout: 6000 });
      await sleep(SETTLE_MS + 600);
      expect(live.heard).to.deep.equal([{ from: 'cnr-project-list', role: 'status', text: count }]);
    } finally {
      live.stop();
    }
  });

  it('a widget leaving the provider is no change to announce', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider territory="region:44">
      <cnr-funding-counter></cnr-funding-counter>
      <cnr-project-list></cnr-project-list>
    </cnr-provider>`);
    await listReady(provider.querySelector<HTMLElement>('cnr-project-list')!);
    await sleep(SETTLE_MS + 400);
    const live = listen(document);
    try {
      provider.querySelector('cnr-funding-counter')!.remove();
      await sleep(SETTLE_MS + 600);
      expect(live.heard).to.deep.equal([]);
    } finally {
      live.stop();
    }
  });

  it('the page loading announces nothing', async () => {
    const live = listen(document);
    try {
      const provider = await fixture<CnrProvider>(html`<cnr-provider territory="region:44">
        <cnr-funding-counter></cnr-funding-counter>
        <cnr-project-list></cnr-project-list>
      </cnr-provider>`);
      await listReady(provider.querySelector<HTMLElement>('cnr-project-list')!);
      await sleep(SETTLE_MS + 600);
      expect(live.heard.filter((entry) => !/Chargement/.test(entry.text))).to.deep.equal([]);
    } finally {
      live.stop();
    }
  });
});
