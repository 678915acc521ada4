// Hostile host CSS: `* { all: unset }`, `div { display: none !important }`
// outside the widgets and a huge root font size. The widgets still render and
// operate, and their CSS changes nothing of the host's layout: the host's
// elements keep their boxes and styles from before the elements were defined.
import { expect, waitUntil } from '@open-wc/testing';
import {
  allRendered,
  browserName,
  CDN_ENTRY,
  deepActive,
  describeWatch,
  listCount,
  sendKeys,
  shadow,
  TAGS,
  watchPage,
  type PageWatch,
} from './helpers.js';

const HOSTILE_CSS = `
  * { all: unset; }
  div { display: none !important; }
  html { font-size: 40px; }
  body { font-size: 2.5rem; line-height: 3; font-family: serif; }
  p, h1 { display: block; margin: 13px 7px; }
  button, input, select { font-size: 3rem !important; }
  ul, li { list-style: square; }
`;

const PAGE = `
  <h1 id="host-title">Page hôte</h1>
  <p id="host-before">Un paragraphe de l’hôte, avant les widgets.</p>
  <div id="host-div"><p>Contenu caché par l’hôte.</p></div>
  <cnr-provider>
    <cnr-axis-filter></cnr-axis-filter>
    <cnr-territory-map></cnr-territory-map>
    <cnr-funding-counter></cnr-funding-counter>
    <cnr-key-figures></cnr-key-figures>
    <cnr-project-list page-size="4"></cnr-project-list>
  </cnr-provider>
  <cnr-project-card project-id="vosges-mal-etre-des-jeunes"></cnr-project-card>
  <p id="host-after">Un paragraphe de l’hôte, après les widgets.</p>
`;

const STYLE_PROPERTIES = ['font-size', 'font-family', 'line-height', 'color', 'display', 'margin-top', 'width', 'box-sizing'] as const;

interface HostSnapshot {
  boxes: Record<string, { x: number; y: number; width: number; height: number }>;
  styles: Record<string, Record<string, string>>;
  rootFontSize: string;
  styleSheets: number;
  adopted: number;
}

function snapshot(ids: readonly string[]): HostSnapshot {
  const boxes: HostSnapshot['boxes'] = {};
  const styles: HostSnapshot['styles'] = {};
  for (const id of ids) {
    const element = document.getElementById(id)!;
    const { x, y, width, height } = element.getBoundingClientRect();
    // In page coordinates: focusing a widget scrolls the page.
    boxes[id] = { x: x + scrollX, y: y + scrollY, width, height };
    const computed = getComputedStyle(element);
    styles[id] = Object.fromEntries(STYLE_PROPERTIES.map((name) => [name, computed.getPropertyValue(name)]));
  }
  return {
    boxes,
    styles,
    rootFontSize: getComputedStyle(document.documentElement).fontSize,
    styleSheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
  };
}

describe(`hostile host CSS (${browserName})`, function () {
  this.timeout(30_000);
  let container: HTMLElement;
  let style: HTMLStyleElement;
  let initial: HostSnapshot;
  let watch: PageWatch;
  const HOST_IDS = ['host-title', 'host-before', 'host-after', 'host-div'];

  before(async () => {
    watch = watchPage();
    style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
    container = document.createElement('section');
    container.id = 'host';
    container.innerHTML = PAGE;
    document.body.append(container);
    // Only the host's own CSS applies so far: the elements are not defined yet.
    expect(customElements.get('cnr-project-list')).to.equal(undefined);
    initial = snapshot(HOST_IDS);
    await import(/* @vite-ignore */ CDN_ENTRY);
    await Promise.all(TAGS.map((tag) => customElements.whenDefined(tag)));
  });

  after(() => {
    watch.stop();
    container.remove();
    style.remove();
  });

  const widgets = () => [...container.querySelectorAll<HTMLElement>(TAGS.filter((tag) => tag !== 'cnr-provider').join(','))];

  it('renders every widget, visibly', async () => {
    await allRendered(widgets(), 15_000);
    for (const widget of widgets()) {
      const root = shadow(widget).querySelector<HTMLElement>('[part="base"]')!;
      const box = root.getBoundingClientRect();
      expect(box.height, `<${widget.localName}> height`).to.be.greaterThan(20);
      expect(box.width, `<${widget.localName}> width`).to.be.greaterThan(20);
      // The host's `div { display: none }` does not reach the widgets' own divs.
      expect(getComputedStyle(root).display, `<${widget.localName}> base display`).not.to.equal('none');
    }
  });

  it('fits the page’s width, even with a 40px root font size', () => {
    const width = document.documentElement.clientWidth;
    for (const widget of widgets()) {
      const base = shadow(widget).querySelector<HTMLElement>('[part="base"]')!;
      expect(base.getBoundingClientRect().right, `<${widget.localName}> right edge`).to.be.at.most(width + 1);
      expect(base.scrollWidth, `<${widget.localName}> overflow`).to.be.at.most(base.clientWidth + 1);
    }
  });

  it('keeps the widgets’ own fonts and controls', () => {
    const list = container.querySelector('cnr-project-list')!;
    const input = shadow(list).querySelector<HTMLInputElement>('[part="search-input"]')!;
    const computed = getComputedStyle(input);
    expect(computed.display).not.to.equal('inline');
    expect(input.getBoundingClientRect().height).to.be.greaterThan(20);
    // The host's `button { font-size: 3rem !important }` stops at the shadow boundary.
    const button = shadow(list).querySelector<HTMLElement>('[part="export-button"]')!;
    expect(parseFloat(getComputedStyle(button).fontSize)).to.be.lessThan(3 * 40);
  });

  it('operates: an axis, a territory and a search', async () => {
    const list = container.querySelector('cnr-project-list')!;
    await waitUntil(() => listCount(list) === '20 projets', `list loaded (« ${listCount(list)} »)`);
    const filter = container.querySelector('cnr-axis-filter')!;
    // The reference data ties no project to an axis: the filter offers none; one set by the page, it removes.
    container.querySelector('cnr-provider')!.setAttribute('axis', 'sante-4');
    await waitUntil(() => listCount(list) === 'Aucun projet', 'the list follows the axis');
    await waitUntil(() => shadow(filter).querySelector('[part="clear-button"]'), 'the filter offers to remove the axis');
    shadow(filter).querySelector<HTMLButtonElement>('[part="clear-button"]')!.click();
    await waitUntil(() => listCount(list) === '20 projets', 'all axes');

    const map = container.querySelector('cnr-territory-map')!;
    shadow(map).querySelector<SVGElement>('[part="territory"][data-code="44"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => !['20 projets', ''].includes(listCount(list)), 'the list follows the map');
    shadow(map).querySelector<HTMLButtonElement>('[part="clear-button"]')!.click();
    await waitUntil(() => listCount(list) === '20 projets', 'whole France');

    const input = shadow(list).querySelector<HTMLInputElement>('[part="search-input"]')!;
    input.focus();
    expect(deepActive() === input, 'focus on the search field').to.equal(true);
    await sendKeys({ type: 'dentaire' });
    await waitUntil(() => !['20 projets', 'Aucun projet', ''].includes(listCount(list)), `the search filters (« ${listCount(list)} »)`);
  });

  it('leaves the host’s layout as it was before the elements were defined', () => {
    const after = snapshot(HOST_IDS);
    expect(after.rootFontSize).to.equal(initial.rootFontSize);
    expect(after.styleSheets, 'document.styleSheets').to.equal(initial.styleSheets);
    expect(after.adopted, 'document.adoptedStyleSheets').to.equal(initial.adopted);
    expect(after.styles).to.deep.equal(initial.styles);
    // Above the widgets nothing moves; below them only the vertical position may change.
    expect(after.boxes['host-title']).to.deep.equal(initial.boxes['host-title']);
    expect(after.boxes['host-before']).to.deep.equal(initial.boxes['host-before']);
    const { y: _y1, ...below } = after.boxes['host-after']!;
    const { y: _y0, ...belowBefore } = initial.boxes['host-after']!;
    expect(below).to.deep.equal(belowBefore);
    // The host's hidden div stays hidden.
    expect([after.boxes['host-div']!.width, after.boxes['host-div']!.height]).to.deep.equal([0, 0]);
    expect(after.styles['host-div']!['display']).to.equal('none');
  });

  it('logs no error and raises nothing', () => {
    expect(watch.errors.length + watch.rejections.length + watch.exceptions.length, describeWatch(watch)).to.equal(0);
  });
});
