// Windows' forced colors (high contrast), emulated in Chromium through the
// test runner's `emulate-forced-colors` command (tests/browser/commands/).
// In that mode the browser drops backgrounds and box shadows and paints text,
// borders and outlines in system colours: whatever a widget shows by a
// background alone (a badge, a figure's box, the current page, a button's
// shape) disappears unless it also has a border. WCAG 1.4.11, RGAA 3.3.
// Firefox ESR cannot emulate forced colors through WebDriver BiDi, nor WebKitGTK
// through WebKitWebDriver: there the tests are skipped, and their names say why.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/axis-filter.js';
import '../define/funding-counter.js';
import '../define/key-figures.js';
import '../define/project-card.js';
import '../define/project-list.js';
import '../define/territory-map.js';
import { press, runnerCommand } from '../../test/helpers.js';

type Command = { supported?: boolean; reason?: string };

const command = (name: string, payload?: unknown) => runnerCommand<Command | undefined>(name, payload).then((result) => result ?? {});

const LIST = '/packages/elements/test/fixtures/list-full.json';
const FIGURES = '/packages/elements/test/fixtures/figures-linked.json';

const parts = (element: Element, name: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const part = (element: Element, name: string) => parts(element, name)[0];

/** Whether the box has a visible border on every side (forced colors keep borders). */
function bordered(box: Element): boolean {
  const style = getComputedStyle(box);
  return (['Top', 'Right', 'Bottom', 'Left'] as const).every(
    (side) => style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1,
  );
}

/** The colour a system colour keyword resolves to on this page (forced colors change them). */
function systemColor(keyword: string): string {
  const probe = document.createElement('span');
  probe.style.color = keyword;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** The element focused inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('forced colors (Windows high contrast)', function () {
  let supported = false;
  let reason = '';

  before(async () => {
    const result = await command('emulate-forced-colors', { active: true });
    supported = result.supported === true;
    reason = result.reason ?? 'no forced-colors emulation in this browser';
    if (!supported) console.log(`[forced colors] skipped — ${reason}`);
  });

  after(async () => {
    if (supported) await command('emulate-forced-colors', { active: false });
  });

  beforeEach(function () {
    // Firefox ESR (WebDriver BiDi) and WebKitGTK (WebKitWebDriver): no forced-colors emulation.
    if (!supported) {
      if (this.currentTest) this.currentTest.title += ` (skipped — ${reason})`;
      this.skip();
    }
  });

  it('is on for the page (the emulation itself works)', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('card: the card and its status and axis badges keep a border', async () => {
    const list = await fixture(html`<cnr-project-list src=${LIST} thematique="all" card-variant="full"></cnr-project-list>`);
    await waitUntil(() => parts(list, 'card').length > 0, 'the list shows cards', { timeout: 5000 });
    const cards = parts(list, 'card');
    await waitUntil(() => cards.every((card) => card.shadowRoot?.querySelector('[part~="base"]')), 'the cards render');
    const withBadges = cards.find((card) => part(card, 'status') && part(card, 'axis'));
    expect(withBadges !== undefined, 'a card of the fixture has a status and an axis badge').to.equal(true);
    expect(bordered(part(withBadges!, 'base')!), 'card').to.equal(true);
    expect(bordered(part(withBadges!, 'status')!), 'status badge').to.equal(true);
    for (const badge of parts(withBadges!, 'axis')) expect(bordered(badge), `axis badge « ${badge.textContent?.trim()} »`).to.equal(true);
  });

  it('list: the search field, the sort menu and the current page keep their outlines', async () => {
    const list = await fixture(html`<cnr-project-list src=${LIST} thematique="all" page-size="2"></cnr-project-list>`);
    await waitUntil(() => parts(list, 'pager-button').length > 1, 'the list shows its pages', { timeout: 5000 });
    expect(bordered(part(list, 'search-input')!), 'search field').to.equal(true);
    expect(bordered(part(list, 'sort-select')!), 'sort menu').to.equal(true);
    const current = parts(list, 'pager-button').find((button) => button.getAttribute('aria-current') === 'page')!;
    const other = parts(list, 'pager-button').find((button) => button.getAttribute('aria-current') !== 'page')!;
    expect(getComputedStyle(current).outlineStyle, 'current page: outline').to.not.equal('none');
    // The current page differs from the others by more than a background.
    expect(getComputedStyle(current).outlineStyle).to.not.equal(getComputedStyle(other).outlineStyle);
  });

  it('key figures and funding counter: each figure and the counter keep a frame, their buttons a border', async () => {
    const wrapper = await fixture(html`<div>
      <cnr-key-figures src=${FIGURES} territory="44"></cnr-key-figures>
      <cnr-funding-counter territory="44"></cnr-funding-counter>
    </div>`);
    const figures = wrapper.querySelector('cnr-key-figures')!;
    const counter = wrapper.querySelector('cnr-funding-counter')!;
    await waitUntil(() => parts(figures, 'figure').length > 0 && part(counter, 'amount'), 'the figures and the total render', { timeout: 5000 });
    for (const figure of parts(figures, 'figure')) expect(bordered(figure), 'figure').to.equal(true);
    expect(bordered(part(figures, 'sources-button')!), 'sources button').to.equal(true);
    expect(bordered(part(counter, 'base')!), 'counter').to.equal(true);
    expect(bordered(part(counter, 'details-button')!), 'details button').to.equal(true);
  });

  it('keyboard focus is drawn in the Highlight system colour', async () => {
    const list = await fixture(html`<cnr-project-list src=${LIST} thematique="all"></cnr-project-list>`);
    await waitUntil(() => part(list, 'search-input'), 'the list renders', { timeout: 5000 });
    const before = document.createElement('button');
    before.textContent = 'avant';
    list.before(before);
    before.focus();
    await press('Tab');
    const focused = deepActive() as HTMLElement;
    expect(focused, 'Tab reaches the search field').to.equal(part(list, 'search-input'));
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).to.not.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(style.outlineColor).to.equal(systemColor('Highlight'));
    before.remove();
  });

  it('map: the choropleth keeps its colours, and the territories their borders', async () => {
    const map = await fixture(html`<cnr-territory-map src=${LIST} thematique="all"></cnr-territory-map>`);
    await waitUntil(() => parts(map, 'territory').length === 18, 'the map draws 18 régions', { timeout: 10_000 });
    await waitUntil(() => parts(map, 'territory').some((shape) => /\bc[1-5]\b/.test(shape.getAttribute('class') ?? '')), 'a région has a value');
    const shapes = parts(map, 'territory');
    const fills = new Set(shapes.map((shape) => getComputedStyle(shape).fill));
    // Forced colors would paint every shape alike; the map opts out (forced-color-adjust: none).
    expect(fills.size, 'distinct fills').to.be.greaterThan(1);
    // Borders in system colours: CanvasText around zero and « pas de donnée », Canvas between coloured territories.
    const canvasText = systemColor('CanvasText');
    const canvas = systemColor('Canvas');
    for (const shape of shapes) {
      const plain = shape.classList.contains('zero') || shape.classList.contains('none');
      expect(getComputedStyle(shape).stroke, shape.getAttribute('data-code') ?? '').to.equal(plain ? canvasText : canvas);
    }
    for (const swatch of parts(map, 'swatch')) expect(getComputedStyle(swatch).forcedColorAdjust).to.equal('none');
  });
});
