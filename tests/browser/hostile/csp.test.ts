// Strict Content-Security-Policy on the host page: `default-src 'self';
// script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`.
// csp.html loads the elements from source (the CDN entry) and the reference
// dataset from the same origin; this test loads it in an iframe, operates the
// widgets and reads the violations its probe recorded.
import { expect, waitUntil } from '@open-wc/testing';
import { allRendered, browserName, deepActive, listCount, loadFrame, pause, sendKeys, shadow, TAGS } from './helpers.js';

interface CspProbe {
  violations: { directive: string; blocked: string; sample: string; source: string; disposition: string; element: string }[];
  policies: string[];
  trustedTypes: boolean;
}

type FrameWindow = Window & typeof globalThis & { __csp: CspProbe };

describe(`strict CSP host page (${browserName})`, function () {
  this.timeout(30_000);
  let frame: HTMLIFrameElement;
  let win: FrameWindow;
  let doc: Document;
  let list: HTMLElement;

  before(async () => {
    frame = await loadFrame('/tests/browser/hostile/csp.html', 1100, 2400);
    win = frame.contentWindow as FrameWindow;
    doc = frame.contentDocument!;
    await waitUntil(() => TAGS.every((tag) => win.customElements.get(tag) !== undefined), 'every element defined in the frame', {
      timeout: 15_000,
    });
    list = doc.querySelector('cnr-project-list')!;
  });

  after(() => {
    const probe = win?.__csp;
    // The finding of this case, per browser, in the test runner's output.
    console.log(
      `[csp ${browserName}] Trusted Types: ${probe?.trustedTypes ? 'supported' : 'not supported'}; policies created: ${JSON.stringify(
        probe?.policies,
      )}; violations: ${JSON.stringify(probe?.violations)}`,
    );
    frame?.remove();
  });

  it('renders every element with content', async () => {
    const widgets = [...doc.querySelectorAll<HTMLElement>(TAGS.filter((tag) => tag !== 'cnr-provider').join(','))];
    expect(widgets.length).to.equal(6);
    await allRendered(widgets, 15_000);
    for (const widget of widgets) {
      expect(widget.getBoundingClientRect().height, `<${widget.localName}> has a height`).to.be.greaterThan(20);
    }
    expect(listCount(list)).to.equal('20 projets');
  });

  it('applies the widgets’ styles (constructed style sheets are allowed by style-src)', () => {
    const input = shadow(list).querySelector<HTMLElement>('[part="search-input"]')!;
    // The tokens set a border on the search field: unstyled, it would be the UA default.
    const button = shadow(list).querySelector<HTMLElement>('[part="export-button"]')!;
    expect(win.getComputedStyle(button).cursor).to.equal('pointer');
    expect(input.getBoundingClientRect().height).to.be.greaterThan(20);
  });

  it('filters by axis', async () => {
    const filter = doc.querySelector('cnr-axis-filter')!;
    // No project of the reference dataset is tied to an axis yet: the filter offers no axis, but
    // one set by the page empties the list, and the filter offers to remove it.
    doc.querySelector('cnr-provider')!.setAttribute('axis', 'sante-2');
    await waitUntil(() => listCount(list) === 'Aucun projet', `list follows the axis (got « ${listCount(list)} »)`);
    expect(shadow(list).querySelector('[part="empty"]') !== null).to.equal(true);
    await waitUntil(() => shadow(filter).querySelector('[part="clear-button"]'), 'the filter offers to remove the axis');
    shadow(filter).querySelector<HTMLButtonElement>('[part="clear-button"]')!.click();
    await waitUntil(() => listCount(list) === '20 projets', 'all axes again');
  });

  it('searches as the user types', async () => {
    const input = shadow(list).querySelector<HTMLInputElement>('[part="search-input"]')!;
    input.focus();
    await waitUntil(() => deepActive() === frame || input.matches(':focus'), 'search field focused');
    await sendKeys({ type: 'dentaire' });
    await waitUntil(() => input.value === 'dentaire', `typed into the frame (value « ${input.value} »)`);
    await waitUntil(() => !['20 projets', 'Aucun projet', ''].includes(listCount(list)), `the search filters (« ${listCount(list)} »)`);
  });

  it('filters by territory on the map, and shows its tooltip', async () => {
    const map = doc.querySelector('cnr-territory-map')!;
    const before = listCount(list);
    const grandEst = shadow(map).querySelector<SVGElement>('[part="territory"][data-code="44"]')!;
    grandEst.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await waitUntil(() => shadow(map).querySelector('[part="tooltip"]'), 'tooltip shown');
    grandEst.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => listCount(list) !== '' && listCount(list) !== before, `the list follows the map (« ${listCount(list)} »)`);
    expect(grandEst.getAttribute('aria-pressed')).to.equal('true');
    shadow(map).querySelector<HTMLButtonElement>('[part="clear-button"]')!.click();
    await waitUntil(() => listCount(list) === before, 'whole France again');
  });

  const outsideMap = () => win.__csp.violations.filter((v) => !v.element.startsWith('cnr-territory-map'));
  const ofMap = () => win.__csp.violations.filter((v) => v.element.startsWith('cnr-territory-map'));

  it('reports no Content-Security-Policy violation (every widget but the map)', async () => {
    // Let late work (map geometry, tooltips, cards' names) happen first.
    await pause(300);
    expect(outsideMap(), JSON.stringify(outsideMap())).to.deep.equal([]);
  });

  it('reports no Content-Security-Policy violation from the map', async () => {
    await pause(300);
    expect(ofMap(), JSON.stringify(ofMap())).to.deep.equal([]);
  });

  it('creates its Trusted Types policy where the browser enforces them', function () {
    if (!win.__csp.trustedTypes) this.skip(); // This browser has no Trusted Types: nothing to enforce.
    expect(win.__csp.policies).to.include('lit-html');
    // Enforced: a plain string into a DOM sink throws (this adds a violation of its own, last).
    expect(() => {
      doc.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw();
  });
});
