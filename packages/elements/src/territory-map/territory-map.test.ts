import { createClient, type CnrClient } from '@cnr-widgets/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define/funding-counter.js';
import '../define/project-list.js';
import '../define/provider.js';
import '../define/territory-map.js';
import type { CnrProvider } from '../provider/provider.component.js';
import type { CnrTerritoryMap } from './territory-map.component.js';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { accessibilityTree } from '../../test/accessibility-tree.js';
import { press, runnerCommand } from '../../test/helpers.js';
import { rangeText } from '../i18n/territory-map.js';

const MISSING = '/packages/elements/test/fixtures/territory-map-missing-404.json';
const PROBLEMS = '/packages/elements/test/fixtures/territory-map-problems.json';

const REGION_CODES = ['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'];
const DEPARTMENT_CODES = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).flatMap((code) => (code === '20' ? ['2A', '2B'] : [code])),
  '971',
  '972',
  '973',
  '974',
  '976',
];
const GRAND_EST = ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'];

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(map: Element, selector: string) => map.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = Element>(map: Element, selector: string) => [...map.shadowRoot!.querySelectorAll<T>(selector)];
const shapes = (map: Element) => $$<SVGPathElement>(map, 'path[data-code]');
const shape = (map: Element, code: string) => $<SVGPathElement>(map, `path[data-code="${code}"]`)!;
const nameOf = (map: Element, code: string) => squash(shape(map, code).getAttribute('aria-label'));
const digits = (text: string) => text.replace(/\D/g, '');

async function drawn(map: Element, count: number): Promise<void> {
  await waitUntil(() => shapes(map).length === count && $(map, '[part="legend"]') !== null, `${count} shapes drawn`, { timeout: 8000 });
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A client over `base` whose `breakdown` can be made to wait, fail or answer stale. */
function controlledClient(base: CnrClient) {
  const control = { fail: false, stale: false, gate: undefined as Promise<void> | undefined, calls: 0 };
  const client: CnrClient = {
    ...base,
    breakdown: async (filters, level, options) => {
      control.calls += 1;
      await control.gate;
      if (control.fail) throw Object.assign(new Error('Service indisponible'), { name: 'CnrHttpError' });
      const result = await base.breakdown(filters, level, options);
      return control.stale ? { ...result, stale: true } : result;
    },
  };
  return { client, control };
}

describe('<cnr-territory-map>', () => {
  it('reserves the map’s aspect ratio while loading (axe), so nothing moves when it arrives', async () => {
    const { client, control } = controlledClient(createClient());
    let release = () => {};
    control.gate = new Promise((resolve) => (release = resolve));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 608px"><cnr-territory-map .client=${client}></cnr-territory-map><p id="after">Après</p></div>`,
    );
    const map = wrapper.querySelector('cnr-territory-map')!;
    await map.updateComplete;
    const frame = $(map, '[part="map"]')!;
    const below = () => wrapper.querySelector('#after')!.getBoundingClientRect().top;
    expect(frame.querySelector('[part="skeleton"]') !== null).to.equal(true);
    expect(squash(frame.textContent)).to.equal('Chargement des données…');
    expect(frame.getBoundingClientRect().height).to.be.closeTo((608 * 1010) / 1216, 1);
    await expect(map).to.be.accessible();
    const before = frame.getBoundingClientRect().height;
    const top = below();
    // The legend's title and its first line are there from the start: only its classes come with the data.
    expect(squash($(map, '[part="legend"]')?.textContent)).to.equal('Légende : nombre de projets pas de donnée aucun projet');
    release();
    await drawn(map, 18);
    await waitUntil(() => $$(map, '[part="legend"] li').length > 2, 'the legend shows its classes');
    await map.updateComplete;
    expect(frame.getBoundingClientRect().height).to.equal(before);
    expect(below(), 'the paragraph after the map').to.equal(top);
    expect(frame.querySelector('[part="skeleton"]') === null).to.equal(true);
  });

  it('renders a map rendered ahead of time again, in its declarative shadow root, from its island (no request)', async () => {
    const { client, control } = controlledClient(createClient());
    const { data: rows } = await createClient().breakdown({}, 'region');
    const island = JSON.stringify({ v: 1, data: { rows, stale: false, problems: [], territories: [] } }).replace(/</g, '\\u003c');
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 608px"></div>`);
    const parsed = document.createElement('div');
    // What the server wrote (here a stand-in): replaced, not hydrated — the browser's shapes are plain DOM.
    parsed.setHTMLUnsafe(
      `<cnr-territory-map><template shadowrootmode="open"><div class="server"><svg><path data-code="44"></path></svg></div></template><script type="application/json" data-cnr-prerendered>${island}</script></cnr-territory-map>`,
    );
    const map = parsed.querySelector<CnrTerritoryMap>('cnr-territory-map')!;
    expect(map.shadowRoot?.querySelector('.server') !== null).to.equal(true);
    map.client = client;
    wrapper.append(map);
    await drawn(map, 18);
    expect($(map, '.server') === null, 'the server’s markup is gone').to.equal(true);
    expect($$(map, 'svg')).to.have.length(1);
    expect(squash($(map, '#map-title')!.textContent)).to.equal('Carte des régions de France : nombre de projets');
    expect(nameOf(map, '44')).to.equal('Grand Est : 12 projets');
    // Its styles adopted: the frame has France's shape.
    expect($(map, '[part="map"]')!.getBoundingClientRect().height).to.be.closeTo((608 * 1010) / 1216, 1);
    expect(control.calls, 'requests for the data').to.equal(0);
  });

  it('reserves the ratio of the geometry’s own viewBox', async () => {
    const geometry = await import('./geometry/index.js');
    expect(geometry.FRANCE_BOX).to.deep.equal({ x: 0, y: 0, width: 1216, height: 1010 });
  });

  it('draws the 18 régions with their INSEE codes, a title and a description (axe)', async () => {
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map></cnr-territory-map>`);
    await drawn(map, 18);
    expect(shapes(map).map((s) => s.dataset['code'])).to.deep.equal(REGION_CODES);
    const svg = $(map, 'svg')!;
    expect(svg.getAttribute('role')).to.equal('group');
    expect(svg.getAttribute('viewBox')).to.equal('0 0 1216 1010');
    // Named by a visually hidden paragraph (its id in aria-labelledby), described by its <desc>.
    expect(squash($(map, `#${svg.getAttribute('aria-labelledby')}`)!.textContent)).to.equal('Carte des régions de France : nombre de projets');
    expect(squash(svg.querySelector('desc')!.textContent)).to.contain('Entrée ou Espace : sélectionner');
    expect($$(map, '.inset-frame')).to.have.length(5);
    expect(shapes(map).every((s) => s.getAttribute('role') === 'button' && s.getAttribute('aria-pressed') === 'false')).to.equal(true);
    // One tab stop for the whole map.
    expect(shapes(map).filter((s) => s.getAttribute('tabindex') === '0')).to.have.length(1);
    expect(nameOf(map, '44')).to.equal('Grand Est : 12 projets');
    expect(nameOf(map, '93')).to.equal("Provence-Alpes-Côte d'Azur : 4 projets");
    await expect(map).to.be.accessible();
  });

  it('draws the 101 départements, outre-mer included, with their codes and values', async () => {
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map level="department"></cnr-territory-map>`);
    await drawn(map, 101);
    expect(shapes(map).map((s) => s.dataset['code'])).to.deep.equal(DEPARTMENT_CODES);
    expect($$(map, '.inset-frame')).to.have.length(5);
    expect(nameOf(map, '88')).to.equal('Vosges : 6 projets');
    expect(nameOf(map, '57')).to.equal('Moselle : 6 projets');
    expect(nameOf(map, '976')).to.equal('Mayotte : 0 projet');
    await expect(map).to.be.accessible();
  });

  it('zooms on one région’s départements', async () => {
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map region="44"></cnr-territory-map>`);
    await drawn(map, 10);
    expect(shapes(map).map((s) => s.dataset['code'])).to.deep.equal(GRAND_EST);
    const [x, y, width, height] = $(map, 'svg')!.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
    expect(width).to.be.below(500);
    // The frame takes the région's own shape.
    expect(width / height).to.be.closeTo(1.177, 0.01);
    const frame = $(map, '[part="map"]')!.getBoundingClientRect();
    expect(frame.width / frame.height).to.be.closeTo(1.177, 0.01);
    expect(x).to.be.above(206);
    expect(y).to.be.above(0);
    expect($$(map, '.inset-frame')).to.have.length(0);
    expect(squash($(map, '#map-title')!.textContent)).to.equal('Carte des départements de la région Grand Est : nombre de projets');

    map.region = '03';
    await drawn(map, 1);
    expect(shapes(map)[0]!.dataset['code']).to.equal('973');
    map.region = undefined;
    map.level = 'region';
    await drawn(map, 18);
  });

  it('colours by funding, hatching « pas de donnée » and telling it from 0 in the legend', async () => {
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map metric="funding"></cnr-territory-map>`);
    await drawn(map, 18);
    expect(squash(nameOf(map, '44'))).to.equal('Grand Est : 1 000 000 euros');
    expect(nameOf(map, '53')).to.equal('Bretagne : pas de donnée');
    expect(shape(map, '53').getAttribute('fill')).to.equal('url(#no-data)');
    expect(shape(map, '44').hasAttribute('fill')).to.equal(false);
    const legend = $(map, '[part="legend"]')!;
    expect(squash(legend.querySelector('.legend-title')!.textContent)).to.equal('Légende : financements identifiés');
    const entries = [...legend.querySelectorAll('li')].map((li) => squash(li.textContent));
    // In words; « pas de donnée » because some régions have none.
    expect(entries[0]).to.equal('pas de donnée');
    expect(entries).to.include('1 million d’euros');

    map.metric = 'projects';
    await waitUntil(() => nameOf(map, '28') === 'Normandie : 0 projet');
    expect(shape(map, '28').classList.contains('zero')).to.equal(true);
    expect(shape(map, '28').hasAttribute('fill')).to.equal(false);
    // Three distinct positive values, three classes that follow each other (1, 4 and 12 projects drawn);
    // no « pas de donnée »: every région has a count.
    expect([...$(map, '[part="legend"]')!.querySelectorAll('li')].map((li) => squash(li.textContent))).to.deep.equal([
      'aucun projet',
      '1 projet',
      'de 2 à 4 projets',
      'de 5 à 12 projets',
    ]);
    expect(shape(map, '44').classList.contains('c5')).to.equal(true);
    expect(shape(map, '27').classList.contains('c1')).to.equal(true);

    map.metric = 'participants';
    await waitUntil(() => nameOf(map, '44') === 'Grand Est : 1 100 participants');
    map.metric = 'propositions';
    await waitUntil(() => digits(nameOf(map, '93')) === '77');
    expect(nameOf(map, '11')).to.equal('Île-de-France : pas de donnée');
  });

  it('selects a territory on click: provider filter, cnr-filter-change, pressed and outlined; again to clear', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider><cnr-territory-map level="department"></cnr-territory-map></cnr-provider>`);
    const map = provider.querySelector('cnr-territory-map')!;
    await drawn(map, 101);
    setTimeout(() => shape(map, '88').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    const event = await oneEvent(map, 'cnr-filter-change');
    expect(event.detail.territory).to.equal('departement:88');
    expect(provider.filters).to.deep.equal({ thematique: 'sante', territory: 'departement:88' });
    await map.updateComplete;
    expect(shape(map, '88').getAttribute('aria-pressed')).to.equal('true');
    expect($$(map, '.selected-line')).to.have.length(1);
    expect($(map, '.selected-line')!.getAttribute('d')).to.equal(shape(map, '88').getAttribute('d'));
    expect(squash($(map, '[part="selection"]')!.textContent)).to.equal('Territoire sélectionné : Vosges');
    await expect(map).to.be.accessible();

    shape(map, '88').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await map.updateComplete;
    expect(provider.filters.territory).to.equal(undefined);
    expect(shape(map, '88').getAttribute('aria-pressed')).to.equal('false');
    expect($$(map, '.selected-line')).to.have.length(0);
  });

  it('filters a linked project list and funding counter', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider>
      <cnr-territory-map></cnr-territory-map>
      <cnr-project-list></cnr-project-list>
      <cnr-funding-counter></cnr-funding-counter>
    </cnr-provider>`);
    const map = provider.querySelector('cnr-territory-map')!;
    const list = provider.querySelector('cnr-project-list')!;
    const counter = provider.querySelector('cnr-funding-counter')!;
    const count = () => squash($(list, '[part="count"]')?.textContent);
    const amount = () => squash($(counter, '[part="amount"]')?.textContent);
    await drawn(map, 18);
    await waitUntil(() => count() === '20 projets' && amount() !== '', 'list and counter loaded', { timeout: 8000 });
    shape(map, '44').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => count() === '12 projets', 'list filtered on Grand Est', { timeout: 8000 });
    await waitUntil(() => amount() === '1 M€', 'counter filtered on Grand Est', { timeout: 8000 });
    // The map's figure and the list's count agree.
    expect(nameOf(map, '44')).to.equal('Grand Est : 12 projets');
    $<HTMLButtonElement>(map, '[part="clear-button"]')!.click();
    await waitUntil(() => count() === '20 projets', 'selection cleared', { timeout: 8000 });
  });

  it('is operated with the keyboard alone: one tab stop, arrows, Home/End, Enter, Escape', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <button id="before">Avant</button>
      <cnr-provider><cnr-territory-map></cnr-territory-map></cnr-provider>
    </div>`);
    const provider = root.querySelector('cnr-provider')!;
    const map = root.querySelector('cnr-territory-map')!;
    await drawn(map, 18);
    const focused = () => deepActive()?.getAttribute('data-code');
    root.querySelector<HTMLButtonElement>('#before')!.focus();
    await press('Tab'); // « Toute la France »
    expect(squash(deepActive()?.textContent)).to.equal('Toute la France');
    await press('Tab'); // « Afficher le tableau »
    await press('Tab');
    expect(focused()).to.equal('01');
    // The tooltip follows keyboard focus.
    await map.updateComplete;
    expect(squash($(map, '[part="tooltip"]')?.textContent)).to.equal('Guadeloupe Nombre de projets : 0');
    expect($(map, '.focus-line') !== null).to.equal(true);
    // Geographic order: the nearest territory in the arrow's direction.
    await press('ArrowRight');
    expect(focused()).to.equal('28');
    await press('ArrowRight');
    expect(focused()).to.equal('32');
    await press('ArrowDown');
    expect(focused()).to.equal('11');
    await press('ArrowRight');
    expect(focused()).to.equal('44');
    expect(shapes(map).filter((s) => s.getAttribute('tabindex') === '0').map((s) => s.dataset['code'])).to.deep.equal(['44']);
    await press('End');
    expect(focused()).to.equal('94');
    await press('Home');
    expect(focused()).to.equal('01');
    await press('ArrowDown');
    expect(focused()).to.equal('02');
    await press('Enter');
    await map.updateComplete;
    expect(provider.filters.territory).to.equal('region:02');
    expect(shape(map, '02').getAttribute('aria-pressed')).to.equal('true');
    await press('ArrowUp');
    await press(' ');
    await map.updateComplete;
    expect(provider.filters.territory).to.equal('region:01');
    await press('Escape');
    await map.updateComplete;
    // Escape dismisses the tooltip, until focus moves, and does nothing else.
    expect(provider.filters.territory).to.equal('region:01');
    expect(focused()).to.equal('01');
    expect($(map, '[part="tooltip"]') === null).to.equal(true);
    await press('ArrowDown');
    await press('ArrowUp');
    await map.updateComplete;
    expect(squash($(map, '[part="tooltip"]')?.textContent)).to.contain('Guadeloupe');
    // Tab leaves the map at once.
    await press('Tab');
    expect(deepActive()?.getAttribute('data-code') ?? 'no shape').to.equal('no shape');
  });

  it('opens a table with the same figures as the map (axe), sortable', async () => {
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map level="department" metric="funding"></cnr-territory-map>`);
    await drawn(map, 101);
    const button = $<HTMLButtonElement>(map, '[part="table-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(squash(button.textContent)).to.equal('Afficher le tableau');
    button.click();
    await map.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(squash(button.textContent)).to.equal('Masquer le tableau');
    const table = $(map, 'table')!;
    expect(squash(table.querySelector('caption')!.textContent)).to.equal('Financements identifiés par département');
    expect([...table.querySelectorAll('thead th')].map((th) => squash(th.textContent))).to.deep.equal([
      'Territoire',
      'Code',
      'Financements identifiés',
      'Nombre de projets',
    ]);
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    expect(rows).to.have.length(101);
    for (const path of shapes(map)) {
      const row = rows.find((r) => r.dataset['code'] === path.dataset['code'])!;
      const [name, value] = squash(path.getAttribute('aria-label')).split(' : ') as [string, string];
      expect(squash(row.querySelector('th .name')!.textContent)).to.equal(name);
      expect(digits(squash(row.cells[2]!.textContent)), name).to.equal(digits(value));
    }
    await expect(map).to.be.accessible();

    map.metric = 'projects';
    await map.updateComplete;
    const vosges = [...$(map, 'table')!.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((r) => r.dataset['code'] === '88')!;
    expect(squash(vosges.cells[2]!.textContent)).to.equal('6 projets');
    // Sort by value, largest first.
    $$<HTMLButtonElement>(map, 'thead button').find((b) => squash(b.textContent) === 'Nombre de projets')!.click();
    await map.updateComplete;
    const first = [...$(map, 'table')!.querySelectorAll<HTMLTableRowElement>('tbody tr')].slice(0, 3).map((r) => r.dataset['code']);
    expect(first).to.deep.equal(['57', '88', '05']);
    expect($(map, 'thead th[aria-sort]')!.getAttribute('aria-sort')).to.equal('descending');
  });

  it('highlights the départements of a territoire de démocratie sanitaire, and says when one splits a département', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider territory="tds:hauts-de-france-hainaut"
      ><cnr-territory-map level="department" table-open></cnr-territory-map
    ></cnr-provider>`);
    const map = provider.querySelector('cnr-territory-map')!;
    await drawn(map, 101);
    await waitUntil(() => nameOf(map, '59').endsWith('(dans la sélection)'), 'Nord in the selection');
    expect(nameOf(map, '62')).to.not.contain('sélection');
    expect($$(map, '.highlight-line')).to.have.length(1);
    expect(squash($(map, '[part="selection"]')!.textContent)).to.equal('Territoire sélectionné : TDS Hainaut (partie de Nord)');
    const nord = $(map, 'tbody tr[data-code="59"]')!;
    expect(squash(nord.textContent)).to.contain(
      'Partagé entre plusieurs territoires de démocratie sanitaire : TDS Métropole-Flandres, TDS Hainaut',
    );
    await expect(map).to.be.accessible();

    provider.setFilters({ territory: 'tds:grand-est-vosges' });
    await waitUntil(() => nameOf(map, '88').endsWith('(dans la sélection)'), 'Vosges in the selection');
    expect($$(map, '.highlight-line')).to.have.length(1);

    // A région at département level: its outline, not a dashed line around each of its départements.
    provider.setFilters({ territory: '44' });
    await waitUntil(() => $$(map, '.region-line').length === 1, 'Grand Est outlined');
    expect($$(map, '.highlight-line')).to.have.length(0);
    expect(nameOf(map, '88')).to.equal('Vosges : 6 projets (dans la sélection)');
    expect(squash($(map, '[part="selection"]')!.textContent)).to.equal('Territoire sélectionné : Grand Est');
  });

  it('clears the selection with « Toute la France »', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider territory="region:53"><cnr-territory-map></cnr-territory-map></cnr-provider>`);
    const map = provider.querySelector('cnr-territory-map')!;
    await drawn(map, 18);
    await waitUntil(() => shape(map, '53').getAttribute('aria-pressed') === 'true');
    const clear = $<HTMLButtonElement>(map, '[part="clear-button"]')!;
    expect(clear.getAttribute('aria-disabled')).to.equal('false');
    setTimeout(() => clear.click());
    const event = await oneEvent(map, 'cnr-filter-change');
    expect(event.detail.territory).to.equal(undefined);
    await map.updateComplete;
    expect(clear.getAttribute('aria-disabled')).to.equal('true');
    expect(squash($(map, '[part="selection"]')!.textContent)).to.equal('Territoire sélectionné : toute la France');
  });

  it('shows an error with retry when the source is missing (axe), the frame still reserved', async () => {
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map src=${MISSING}></cnr-territory-map>`);
    await waitUntil(() => $(map, '[part="error"]') !== null, 'error shown', { timeout: 8000 });
    expect($(map, '[part="retry-button"]') !== null).to.equal(true);
    expect(shapes(map)).to.have.length(0);
    expect($(map, '[part="map"]')!.getBoundingClientRect().height).to.be.above(100);
    await expect(map).to.be.accessible();
  });

  it('keeps the last good map under an error, and retries', async () => {
    const { client, control } = controlledClient(createClient());
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map .client=${client}></cnr-territory-map>`);
    await drawn(map, 18);
    control.fail = true;
    map.thematique = 'education';
    await waitUntil(() => $(map, '[part="error"]') !== null, 'error shown');
    expect(shapes(map)).to.have.length(18);
    expect(nameOf(map, '44')).to.equal('Grand Est : 12 projets');
    await expect(map).to.be.accessible();
    control.fail = false;
    $<HTMLButtonElement>(map, '[part="retry-button"]')!.click();
    await waitUntil(() => $(map, '[part="error"]') === null && nameOf(map, '44') === 'Grand Est : 0 projet', 'education figures');
  });

  it('says when the data may be out of date (axe)', async () => {
    const { client, control } = controlledClient(createClient());
    control.stale = true;
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map .client=${client}></cnr-territory-map>`);
    await drawn(map, 18);
    expect($(map, '[part="stale-notice"]') !== null).to.equal(true);
    await expect(map).to.be.accessible();
  });

  it('lists the records the source left out with show-problems, and maps the valid ones (axe)', async () => {
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map level="department" src=${PROBLEMS} show-problems></cnr-territory-map>`);
    await drawn(map, 101);
    expect(nameOf(map, '88')).to.equal('Vosges : 1 projet');
    expect(nameOf(map, '59')).to.equal('Nord : 0 projet');
    // A département the document does not list is known from the reference: none of the file's projects is there.
    expect(nameOf(map, '67')).to.equal('Bas-Rhin : 0 projet');
    const problems = $(map, '[part="problems"]')!;
    expect(squash(problems.querySelector('summary')!.textContent)).to.match(/^\d+ enregistrements? écartés? ou incomplets?$/);
    await expect(map).to.be.accessible();
  });

  it('follows its container’s width down to 320 px', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><cnr-territory-map></cnr-territory-map></div>`);
    const map = wrapper.querySelector('cnr-territory-map')!;
    await drawn(map, 18);
    const svg = $(map, 'svg')!.getBoundingClientRect();
    expect(svg.width).to.be.closeTo(320, 1);
    expect(svg.height).to.be.closeTo((320 * 1010) / 1216, 1);
    expect(map.scrollWidth).to.be.at.most(320);
  });

  it('speaks English under lang="en"', async () => {
    const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map lang="en" level="department"></cnr-territory-map>`);
    await drawn(map, 101);
    expect(nameOf(map, '88')).to.equal('Vosges: 6 projects');
    expect(nameOf(map, '70')).to.equal('Haute-Saône: 1 project');
    expect(squash($(map, '[part="table-button"]')!.textContent)).to.equal('Show the table');
    expect(squash($(map, '[part="selection"]')!.textContent)).to.equal('Selected territory: all of France');
  });
});

/** WCAG relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** A point of the viewport where `code`'s shape is what the pointer hits. */
function pointOn(map: Element, code: string): [number, number] {
  const rect = shape(map, code).getBoundingClientRect();
  const steps = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];
  for (const fy of steps) {
    for (const fx of steps) {
      const x = Math.round(rect.left + rect.width * fx);
      const y = Math.round(rect.top + rect.height * fy);
      if (map.shadowRoot!.elementFromPoint(x, y)?.getAttribute('data-code') === code) return [x, y];
    }
  }
  throw new Error(`no point on ${code}`);
}

const tooltipFor = (map: Element) => $(map, '[part="tooltip"]')?.getAttribute('data-for') ?? 'none';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<cnr-territory-map>: Escape, the clear control and the tooltip (WCAG 1.4.13, RGAA 10.13)', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('Escape never clears the page’s territory (an ARS default): it hides the tooltip, then does nothing; « Toute la France » clears', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <button id="before">Avant</button>
      <cnr-provider territory="region:44"><cnr-territory-map level="department" region="44"></cnr-territory-map></cnr-provider>
    </div>`);
    const provider = root.querySelector('cnr-provider')!;
    const map = root.querySelector('cnr-territory-map')!;
    await drawn(map, 10);
    let changes = 0;
    map.addEventListener('cnr-filter-change', () => changes++);
    // A real click first: the page gets the focus (Firefox sends no focus events to a page without it).
    const before = root.querySelector<HTMLButtonElement>('#before')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(before.left + 5), Math.round(before.top + 5)] });
    root.querySelector<HTMLButtonElement>('#before')!.focus();
    await press('Tab'); // « Toute la France »
    await press('Tab'); // « Afficher le tableau »
    await press('Tab'); // the map
    expect(deepActive()?.getAttribute('data-code')).to.equal('08');
    // A tooltip open (the pointer on Moselle; Firefox does not always send focus events to a headless page).
    await sendMouse({ type: 'move', position: pointOn(map, '57') });
    await waitUntil(() => tooltipFor(map) === '57', 'the tooltip of Moselle');
    await press('Escape');
    await map.updateComplete;
    expect(tooltipFor(map), 'the tooltip is dismissed').to.equal('none');
    expect(provider.filters.territory).to.equal('region:44');
    // Nothing open any more: Escape does nothing.
    await press('Escape');
    await map.updateComplete;
    expect(provider.filters.territory).to.equal('region:44');
    expect(deepActive()?.getAttribute('data-code')).to.equal('08');
    expect(changes).to.equal(0);
    expect(squash($(map, '[part="selection"]')!.textContent)).to.equal('Territoire sélectionné : Grand Est');

    // Clearing is an explicit control: visible, reached with Tab, named.
    await sendKeys({ down: 'Shift' });
    await press('Tab');
    await press('Tab');
    await sendKeys({ up: 'Shift' });
    const clear = $<HTMLButtonElement>(map, '[part="clear-button"]')!;
    expect(deepActive() === clear, 'the focus on « Toute la France »').to.equal(true);
    expect(clear.getBoundingClientRect().width).to.be.above(0);
    expect(squash(clear.textContent)).to.equal('Toute la France');
    // The name in the accessibility tree (Chromium; Firefox's and WebKit's drivers expose none).
    const tree = await accessibilityTree();
    if (tree) expect(tree.some((node) => node.role === 'button' && node.name === 'Toute la France'), 'a button named « Toute la France »').to.equal(true);
    await press('Enter');
    // Firefox's headless page without the focus (document.hasFocus() false) gets the key but makes no click of it.
    if (!document.hasFocus() && provider.filters.territory !== undefined) clear.click();
    await waitUntil(() => provider.filters.territory === undefined, '« Toute la France » clears the territory');
    expect(changes).to.equal(1);
    await expect(map).to.be.accessible();
  });

  it('Escape in the open table closes it and gives the focus back to its button, the territory kept', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider territory="region:44"><cnr-territory-map table-open></cnr-territory-map></cnr-provider>`);
    const map = provider.querySelector('cnr-territory-map')!;
    await drawn(map, 18);
    await waitUntil(() => $(map, 'table') !== null, 'table shown');
    $<HTMLButtonElement>(map, 'thead button')!.focus();
    await press('Escape');
    await map.updateComplete;
    expect(map.tableOpen).to.equal(false);
    expect($(map, '[part="table-wrapper"]')!.hidden).to.equal(true);
    expect(deepActive() === $(map, '[part="table-button"]'), 'the focus on the table button').to.equal(true);
    expect(provider.filters.territory).to.equal('region:44');
  });

  it('the hover tooltip can be reached with the pointer, stays, and Escape dismisses it wherever the focus is', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 600px"><cnr-territory-map level="department"></cnr-territory-map></div>`,
    );
    const map = wrapper.querySelector('cnr-territory-map')!;
    await drawn(map, 101);
    map.scrollIntoView({ block: 'start' });
    // A territory whose tooltip lies over another territory.
    let code = '';
    let beneath = '';
    for (const candidate of ['15', '63', '18', '87', '45', '21']) {
      await sendMouse({ type: 'move', position: pointOn(map, candidate) });
      await waitUntil(() => tooltipFor(map) === candidate, `tooltip of ${candidate}`);
      const tip = $(map, '[part="tooltip"]')!;
      const rect = tip.getBoundingClientRect();
      tip.style.visibility = 'hidden';
      const under = map.shadowRoot!.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2)?.getAttribute('data-code');
      tip.style.visibility = '';
      if (under && under !== candidate) {
        code = candidate;
        beneath = under;
        break;
      }
    }
    expect(code, 'a tooltip over another territory').to.not.equal('');
    const tip = () => $(map, '[part="tooltip"]')!.getBoundingClientRect();
    // Onto the tooltip, over the other territory: it stays on its own.
    const onTip: [number, number] = [Math.round(tip().left + tip().width / 2), Math.round(tip().top + tip().height / 2)];
    await sendMouse({ type: 'move', position: onTip });
    await sleep(500);
    expect(tooltipFor(map), `still ${code}, not ${beneath}`).to.equal(code);
    expect(squash($(map, '[part="tooltip"]')!.textContent)).to.contain(nameOf(map, code).split(' : ')[0]!);
    // Persistent: no timeout.
    await sleep(1200);
    expect(tooltipFor(map)).to.equal(code);
    // Crossing another territory on the way: it waits a moment before switching.
    await sendMouse({ type: 'move', position: pointOn(map, code) });
    await sendMouse({ type: 'move', position: pointOn(map, '29') });
    await map.updateComplete;
    expect(tooltipFor(map)).to.equal(code);
    await waitUntil(() => tooltipFor(map) === '29', 'the pointer stays on the other territory: its tooltip');
    // Dismissible without moving the pointer or the focus (the focus is not in the map).
    expect(map.shadowRoot!.activeElement === null, 'no focus in the map').to.equal(true);
    await press('Escape');
    await map.updateComplete;
    expect(tooltipFor(map)).to.equal('none');
    await expect(map).to.be.accessible();
    // Back on a territory: shown again; out of the map: gone.
    await sendMouse({ type: 'move', position: pointOn(map, code) });
    await waitUntil(() => tooltipFor(map) === code, 'shown again');
    // Beside the map (still in the viewport: Firefox refuses moves outside it).
    const box = wrapper.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.right + 20), Math.round(box.top + 100)] });
    await waitUntil(() => tooltipFor(map) === 'none', 'the pointer left the map');
  });
});

describe('<cnr-territory-map>: colours (WCAG 1.4.11, RGAA 3.3), legend and size', () => {
  /**
   * Every contrast that tells things apart, from the rendered colours: each class
   * against the page, the zero fill and its own border; zero and « pas de donnée »
   * outlined 3:1 against the page and the zero fill; the dots 3:1 on their class;
   * neighbouring classes of the legend 3:1 apart or one of them dotted.
   */
  function checkContrasts(map: Element, background: string): void {
    const fillOf = (step: number) => getComputedStyle($(map, `pattern#dots-c${step} rect`)!).fill;
    const dot = getComputedStyle($(map, 'pattern#dots-c1 circle')!).fill;
    const zero = shapes(map).find((s) => s.classList.contains('zero'))!;
    const zeroFill = getComputedStyle(zero).fill;
    const zeroStroke = getComputedStyle(zero).stroke;
    expect(contrast(zeroStroke, background), 'zero border / page').to.be.at.least(3);
    expect(contrast(zeroStroke, zeroFill), `zero border ${zeroStroke} / zero fill ${zeroFill}`).to.be.at.least(3);
    expect(contrast(getComputedStyle($(map, '.hatch-line')!).stroke, getComputedStyle($(map, '.hatch-background')!).fill), 'hatching').to.be.at.least(3);
    for (const step of [1, 2, 3, 4, 5]) {
      const fill = fillOf(step);
      expect(contrast(fill, background), `class ${step} / page`).to.be.at.least(3);
      expect(contrast(fill, zeroFill), `class ${step} / zero`).to.be.at.least(3);
      expect(contrast(fill, dot), `dots on class ${step}`).to.be.at.least(3);
    }
    const coloured = shapes(map).filter((s) => /\bc[1-5]\b/.test(s.getAttribute('class')!));
    expect(coloured.some((s) => s.classList.contains('dotted')), 'a dotted territory').to.equal(true);
    for (const path of coloured) {
      const step = Number(/\bc([1-5])\b/.exec(path.getAttribute('class')!)![1]);
      expect(contrast(getComputedStyle(path).stroke, fillOf(step)), `border of ${path.dataset['code']}`).to.be.at.least(3);
      // A dotted class is painted with its dots.
      if (path.classList.contains('dotted')) expect(getComputedStyle(path).fill, `fill of ${path.dataset['code']}`).to.contain(`#dots-c${step}`);
    }
    const swatches = $$(map, '[part="legend"] .swatch').filter((s) => /\bc[1-5]\b/.test(s.className));
    for (let i = 0; i + 1 < swatches.length; i++) {
      const [a, b] = [swatches[i]!, swatches[i + 1]!];
      const steps = [a, b].map((s) => Number(/\bc([1-5])\b/.exec(s.className)![1]));
      const apart = contrast(fillOf(steps[0]!), fillOf(steps[1]!)) >= 3 || a.classList.contains('dotted') !== b.classList.contains('dotted');
      expect(apart, `legend classes ${steps.join(' and ')}`).to.equal(true);
      // The dotted swatch shows its dots.
      const dotted = a.classList.contains('dotted') ? a : b;
      expect(getComputedStyle(dotted).backgroundImage).to.contain('radial-gradient');
    }
  }

  const page = (map: Element) => getComputedStyle($(map, '.hatch-background')!).fill;

  for (const theme of ['light', 'dark'] as const) {
    it(`reaches 3:1 between what must be told apart, ${theme} theme (axe)`, async () => {
      // The page's DSFR theme, which the widgets follow.
      document.documentElement.setAttribute('data-fr-theme', theme);
      try {
      const wrapper = await fixture<HTMLDivElement>(html`<div style=${`background: ${theme === 'dark' ? '#161616' : '#ffffff'}`}><cnr-territory-map></cnr-territory-map></div>`);
      const map = wrapper.querySelector('cnr-territory-map')!;
      await drawn(map, 18);
      await waitUntil(() => $$(map, '[part="legend"] .swatch.dotted').length > 0, 'a dotted class');
      const background = page(map);
      expect(luminance(background) > 0.5).to.equal(theme === 'light');
      checkContrasts(map, background);
      await expect(map).to.be.accessible();
      } finally {
        document.documentElement.removeAttribute('data-fr-theme');
      }
    });
  }

  it('reaches 3:1 in forced colours too (Chromium)', async function () {
    const result = await runnerCommand<{ supported?: boolean } | undefined>('emulate-forced-colors', { active: true });
    if (!result?.supported) this.skip();
    try {
      const map = await fixture<CnrTerritoryMap>(html`<cnr-territory-map></cnr-territory-map>`);
      await drawn(map, 18);
      await waitUntil(() => $$(map, '[part="legend"] .swatch.dotted').length > 0, 'a dotted class');
      const probe = document.createElement('span');
      probe.style.color = 'Canvas';
      document.body.append(probe);
      const canvas = getComputedStyle(probe).color;
      probe.remove();
      expect(page(map)).to.equal(canvas);
      checkContrasts(map, canvas);
    } finally {
      await runnerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('reads its legend in words: ranges, « aucun projet », « pas de donnée », amounts in millions', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider territory="region:44"><cnr-territory-map level="department" region="44"></cnr-territory-map></cnr-provider>`);
    const map = provider.querySelector('cnr-territory-map')!;
    await drawn(map, 10);
    await waitUntil(() => $$(map, '[part="legend"] li').length === 2, 'the ARS legend');
    expect($$(map, '[part="legend"] li').map((li) => squash(li.textContent))).to.deep.equal(['aucun projet', 'de 1 à 6 projets']);
    // No dashed line around each département of the région shown.
    expect($$(map, '.highlight-line, .region-line')).to.have.length(0);
    expect(squash(rangeText(2_900_000, 2_900_000, 'funding', 'fr'))).to.equal('2,9 millions d’euros');
    expect(squash(rangeText(1_000_000, 2_900_000, 'funding', 'fr'))).to.equal('de 1 à 2,9 millions d’euros');
    expect(squash(rangeText(500_000, 1_500_000, 'funding', 'fr'))).to.equal('de 500 000 euros à 1,5 million d’euros');
    expect(squash(rangeText(2_900_000, 2_900_000, 'funding', 'en'))).to.equal('2.9 million euros');
    expect(squash(rangeText(2, 4, 'projects', 'en'))).to.equal('from 2 to 4 projects');
    // No funding is known for any of these départements: « pas de donnée » alone.
    map.metric = 'funding';
    await waitUntil(() => $$(map, '[part="legend"] li').length === 1, 'funding legend');
    expect(squash($(map, '[part="legend"] li')!.textContent)).to.equal('pas de donnée');
  });

  it('fits a column: never taller than --cnr-territory-map-max-height (32rem by default), centred', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1200px"><cnr-territory-map level="department"></cnr-territory-map></div>`);
    const map = wrapper.querySelector('cnr-territory-map')!;
    await drawn(map, 101);
    const frame = () => $(map, '[part="map"]')!.getBoundingClientRect();
    expect(frame().height).to.be.closeTo(512, 1);
    expect(frame().width / frame().height).to.be.closeTo(1216 / 1010, 0.01);
    expect(frame().left - wrapper.getBoundingClientRect().left).to.be.closeTo((1200 - frame().width) / 2, 1);
    map.style.setProperty('--cnr-territory-map-max-height', '20rem');
    expect(frame().height).to.be.closeTo(320, 1);
  });

  it('keeps its toolbar tidy at 375 px with a long territory name', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider territory="tds:hauts-de-france-metropole-flandres"
      ><div style="width: 343px"><cnr-territory-map level="department"></cnr-territory-map></div
    ></cnr-provider>`);
    const map = provider.querySelector('cnr-territory-map')!;
    await drawn(map, 101);
    await waitUntil(() => squash($(map, '[part="selection"]')!.textContent).includes('Métropole-Flandres (partie de Nord)'), 'the TDS named');
    const toolbar = $(map, '[part="toolbar"]')!;
    expect(toolbar.scrollWidth).to.be.at.most(toolbar.clientWidth);
    const [clear, table] = [$(map, '[part="clear-button"]')!, $(map, '[part="table-button"]')!].map((b) => b.getBoundingClientRect());
    const selection = $(map, '[part="selection"]')!.getBoundingClientRect();
    // The name on its own line, the two buttons under it side by side, sharing the width, apart.
    expect(clear!.top).to.be.at.least(selection.bottom - 1);
    expect(Math.abs(clear!.top - table!.top)).to.be.below(1);
    expect(Math.abs(clear!.width - table!.width)).to.be.below(1);
    expect(table!.left).to.be.at.least(clear!.right);
    expect(clear!.left).to.be.closeTo(selection.left, 1);
    expect(table!.right).to.be.at.most(toolbar.getBoundingClientRect().right + 0.5);
    expect(map.scrollWidth).to.be.at.most(343);
  });
});

