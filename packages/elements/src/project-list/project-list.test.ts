import {
  createClient,
  type ClientResult,
  type CnrClient,
  type Page,
  type Project,
  type ProjectFilters,
  type ProjectQueryOptions,
} from '@cnr-widgets/sdk';
import { generateDataset } from '@cnr-widgets/sdk/testing';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import '../define/project-list.js';
import '../define/provider.js';
import type { CnrProvider } from '../provider/provider.component.js';
import type { CnrProjectList } from './project-list.component.js';
import { keys } from '../../test/helpers.js';

const FULL = '/packages/elements/test/fixtures/list-full.json';
const PROBLEMS = '/packages/elements/test/fixtures/list-problems.json';
const MISSING = '/packages/elements/test/fixtures/list-missing-404.json';

const VOSGES_TITLES = [
  'Expérimentation mal-être des jeunes',
  'Mise en place de la commission départementale « addiction »',
  'Les centres de ressources territoriaux',
  'La chambre pédagogique',
  'Dépistage organisé du cancer du col de l’utérus (DOCCU)',
  'Organisation du SAU (Service d’Accueil des Urgences)',
];

const shadow = (list: Element) => list.shadowRoot!;
const $ = <T extends Element = HTMLElement>(list: Element, selector: string) => shadow(list).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(list: Element, selector: string) => [...shadow(list).querySelectorAll<T>(selector)];
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const countOf = (list: Element) => squash($(list, '[part="count"]')?.textContent);
const cards = (list: Element) => $$(list, 'cnr-project-card');

function titles(list: Element): string[] {
  return cards(list).map((card) => card.shadowRoot!.querySelector('[role="heading"]')?.textContent ?? '');
}

async function loaded(list: Element, count: string): Promise<void> {
  await waitUntil(() => countOf(list) === count, `count « ${count} »`, { timeout: 8000 });
  await waitUntil(() => cards(list).every((card) => card.shadowRoot?.querySelector('[role="heading"]')), 'cards rendered');
}

/** The same number formatting as the element, for « 10 000 projets ». */
const fr = (n: number) => squash(new Intl.NumberFormat('fr').format(n));

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

type ProjectsCall = [ProjectFilters | undefined, ProjectQueryOptions | undefined];

/** A client over `base` that records `projects` calls and can be made to fail, answer stale or wait. */
function controlledClient(base: CnrClient) {
  const control = { fail: false, stale: false, gate: undefined as Promise<void> | undefined, calls: [] as ProjectsCall[] };
  const client: CnrClient = {
    ...base,
    kind: base.kind,
    projects: async (filters, query, options) => {
      control.calls.push([filters, query]);
      await control.gate;
      if (control.fail) throw Object.assign(new Error('Service indisponible'), { name: 'CnrHttpError' });
      const result: ClientResult<Page<Project>> = await base.projects(filters, query, options);
      return control.stale ? { ...result, stale: true } : result;
    },
  };
  return { client, control };
}

describe('<cnr-project-list>', () => {
  it('shows the embedded dataset: a loading skeleton, then the count and the first page of cards', async () => {
    const list = await fixture<CnrProjectList>(html`<cnr-project-list thematique="all"></cnr-project-list>`);
    if ($(list, '[part="skeleton"]')) {
      // The skeleton reserves the height of a page of cards.
      expect($$(list, '[part="skeleton"]').length).to.equal(12);
      await expect(list).to.be.accessible();
    }
    await loaded(list, '26 projets');
    expect(cards(list)).to.have.length(12);
    expect($(list, '[part="cards"]')!.getAttribute('role')).to.equal('list');
    // The count is no live region: the list announces the settled count once, from a region of its own (provider/announcements.test.ts).
    expect($(list, '[part="count"]')!.closest('[role="status"], [aria-live]') === null).to.equal(true);
    expect($(list, '[part="pager"]')!.textContent).to.contain('Page suivante');
    await expect(list).to.be.accessible();
  });

  it('shows the search of the state again when the page changed the field without it (form restoration): what Lit\'s live did', async () => {
    const list = await fixture<CnrProjectList>(html`<cnr-project-list thematique="all"></cnr-project-list>`);
    await loaded(list, '26 projets');
    const field = $(list, '[part="search-input"]') as HTMLInputElement;
    // The browser restores a form without the events the list listens to.
    field.value = 'restauré';
    list.requestUpdate();
    await list.updateComplete;
    expect(field.value, 'the search the list applies (none)').to.equal('');
  });

  it('reserves the height of a page while loading, without layout shift', async () => {
    const { client, control } = controlledClient(createClient());
    let release = () => {};
    control.gate = new Promise((resolve) => (release = resolve));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 900px"><cnr-project-list thematique="all" .client=${client}></cnr-project-list><p id="after">Après</p></div>`,
    );
    const list = wrapper.querySelector('cnr-project-list')!;
    await list.updateComplete;
    expect($$(list, '[part="skeleton"]')).to.have.length(12);
    expect(squash($(list, '[role="status"] .visually-hidden')!.textContent)).to.equal('Chargement des données…');
    await expect(list).to.be.accessible();
    const before = list.getBoundingClientRect().height;
    release();
    await loaded(list, '26 projets');
    const after = list.getBoundingClientRect().height;
    // The space is reserved: the content below never moves up, and moves down by less than a card (taller titles).
    expect(after).to.be.at.least(before - 1);
    expect(after - before).to.be.below(0.2 * before);
  });

  describe('no layout shift when the data arrives', () => {
    /** The list's height and where the paragraph after it starts: what a reader sees move. */
    const geometry = (wrapper: Element) => [
      wrapper.querySelector('cnr-project-list')!.getBoundingClientRect().height,
      wrapper.querySelector('#after')!.getBoundingClientRect().top,
    ];

    async function held(territory: string | undefined, q: string | undefined, width: number, reserve: string | undefined) {
      const { client, control } = controlledClient(createClient());
      let release = () => {};
      control.gate = new Promise((resolve) => (release = resolve));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style=${`width: ${width}px;${reserve ? ` --cnr-project-list-card-min-height: ${reserve}` : ''}`}>
          <cnr-project-list territory=${territory ?? nothing} q=${q ?? nothing} thematique="all" .client=${client}></cnr-project-list>
          <p id="after">Après</p>
        </div>`,
      );
      await wrapper.querySelector('cnr-project-list')!.updateComplete;
      return { wrapper, list: wrapper.querySelector('cnr-project-list')!, release };
    }

    const territories = (list: Element) => cards(list).map((card) => squash(card.shadowRoot!.querySelector('[part="territories"]')?.textContent));

    // Cards of different heights, in the browser's default font. A reserve of 16rem is roomy enough for the
    // fixture's cards in any browser; the default one (12rem) for cards about 27rem wide.
    for (const [name, territory, q, width, reserve] of [
      ['a full page, two columns, the default reserve', undefined, undefined, 880, undefined],
      ['a full page, two columns', undefined, undefined, 700, '16rem'],
      ['a full page, one column', undefined, undefined, 340, '16rem'],
    ] as const) {
      it(`${name}: the list keeps the height of its skeleton`, async () => {
        const { wrapper, list, release } = await held(territory, q, width, reserve);
        expect($$(list, '[part="skeleton"]')).to.have.length(12);
        const before = geometry(wrapper);
        release();
        await waitUntil(() => countOf(list) !== '', 'count', { timeout: 8000 });
        await waitUntil(() => cards(list).every((card) => card.shadowRoot?.querySelector('[role="heading"]')), 'cards rendered');
        expect(cards(list)).to.have.length(12);
        expect(geometry(wrapper)).to.deep.equal(before);
        // The cards show the territories' names from their first paint: nothing moves afterwards either.
        const shown = territories(list);
        await aTimeout(300);
        expect(geometry(wrapper)).to.deep.equal(before);
        expect(territories(list)).to.deep.equal(shown);
      });
    }

    /** The space under the last card (or the empty state) down to the list's bottom: blank a reader sees. */
    const blankUnder = (list: Element) => {
      const last = [...$$(list, '[part="cards"] > li, [part="empty"]')].pop()!;
      return list.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom;
    };

    for (const [name, territory, q, count] of [
      ['a page of a few cards', '88', undefined, 6],
      ['no project', undefined, 'inexistant', 0],
    ] as const) {
      it(`${name}: the skeleton reserves a full page, then the list is as tall as what it shows (no blank)`, async () => {
        const { wrapper, list, release } = await held(territory, q, 700, '16rem');
        expect($$(list, '[part="skeleton"]')).to.have.length(12);
        const reserved = geometry(wrapper)[0]!;
        release();
        await waitUntil(() => countOf(list) !== '', 'count', { timeout: 8000 });
        await waitUntil(() => cards(list).every((card) => card.shadowRoot?.querySelector('[role="heading"]')), 'cards rendered');
        expect(cards(list)).to.have.length(count);
        expect(geometry(wrapper)[0]).to.be.below(reserved * 0.75);
        expect(blankUnder(list)).to.be.below(2);
        expect($(list, '.pager') === null).to.equal(true);
      });
    }

    it('a page that knows the list\'s height (--cnr-project-list-loading-height) keeps it from the skeleton to the cards', async () => {
      // The six Vosges projects, two columns of 16rem cells: measured once loaded, then given while loading.
      const { wrapper: measured, list: first, release: go } = await held('88', undefined, 700, '16rem');
      go();
      await waitUntil(() => cards(first).length === 6, 'the six Vosges projects', { timeout: 8000 });
      const height = first.getBoundingClientRect().height;
      measured.remove();
      const { wrapper, list, release } = await held('88', undefined, 700, '16rem');
      list.style.setProperty('--cnr-project-list-loading-height', `${height}px`);
      expect($$(list, '[part="skeleton"]').length).to.be.above(0);
      const before = geometry(wrapper);
      expect(before[0]).to.be.closeTo(height, 0.5);
      release();
      await waitUntil(() => cards(list).length === 6, 'the six Vosges projects', { timeout: 8000 });
      await waitUntil(() => cards(list).every((card) => card.shadowRoot?.querySelector('[role="heading"]')), 'cards rendered');
      expect(geometry(wrapper)).to.deep.equal(before);
    });

    it('when the data is already loaded, the first frame shows the cards: no skeleton, nothing reserved', async () => {
      const client = createClient();
      await client.load();
      // The SDK's page-of-projects module is imported with the first query (it is a chunk of its own): answered once, it is there.
      await client.projects({}, { limit: 1 });
      const wrapper = document.createElement('div');
      wrapper.style.width = '700px';
      const list = document.createElement('cnr-project-list') as CnrProjectList;
      list.client = client;
      list.territory = '88';
      wrapper.append(list);
      document.body.append(wrapper);
      try {
        // A requestAnimationFrame callback runs before the frame it belongs to is painted.
        const first = await new Promise<{ skeletons: number; cards: number }>((resolve) =>
          requestAnimationFrame(() => resolve({ skeletons: $$(list, '[part="skeleton"]').length, cards: cards(list).length })),
        );
        expect(first).to.deep.equal({ skeletons: 0, cards: 6 });
      } finally {
        wrapper.remove();
      }
    });

    it('once the user narrows the selection, a short page is as tall as its cards (no blank space)', async () => {
      const { wrapper, list, release } = await held(undefined, undefined, 700, '16rem');
      const reserved = geometry(wrapper)[0]!;
      release();
      await waitUntil(() => cards(list).length === 12, 'a full first page', { timeout: 8000 });
      (list as CnrProjectList).territory = '88';
      await waitUntil(() => cards(list).length === 6, 'the six Vosges projects', { timeout: 8000 });
      await list.updateComplete;
      // Six cards in two columns: three rows, well under the twelve cells (six rows) kept for the first page.
      expect(geometry(wrapper)[0]).to.be.below(reserved * 0.75);
      expect($(list, '.pager') === null).to.equal(true);
    });
  });

  it('shows the santé projects by default', async () => {
    const list = await fixture<CnrProjectList>(html`<cnr-project-list page-size="30"></cnr-project-list>`);
    await loaded(list, '20 projets');
    expect(titles(list)).to.not.include('Bac box');
    expect($(list, '[part="pager"]') === null).to.equal(true);
  });

  it('inside <cnr-provider territory="88">, shows the six Vosges projects', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider territory="88"><cnr-project-list></cnr-project-list></cnr-provider>`);
    const list = provider.querySelector('cnr-project-list')!;
    await loaded(list, '6 projets');
    expect([...titles(list)].sort()).to.deep.equal([...VOSGES_TITLES].sort());
    await waitUntil(() => cards(list).every((card) => squash(card.shadowRoot!.textContent).includes('Territoire Vosges')));
  });

  it('searches as the user types (debounced, accent-insensitive) and shares the q filter', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider><cnr-project-list></cnr-project-list></cnr-provider>`);
    const list = provider.querySelector('cnr-project-list')!;
    await loaded(list, '20 projets');
    const input = $<HTMLInputElement>(list, 'input[type="search"]')!;
    expect(squash($(list, `label[for="${input.id}"]`)!.textContent)).to.equal('Rechercher un projet');
    input.focus();
    const changed = oneEvent(list, 'cnr-filter-change');
    await keys({ type: 'prevention' });
    // Debounced: nothing is written while typing.
    expect(provider.filters.q).to.equal(undefined);
    const event = await changed;
    expect(event.detail.q).to.equal('prevention');
    expect(provider.filters.q).to.equal('prevention');
    await loaded(list, '3 projets');
    // Each match says « prévention », with its accent, in its title, porteurs, partenaires or objectifs.
    const { dataset } = await createClient().load();
    for (const title of titles(list)) {
      const project = dataset.projects.find((p) => p.title === title)!;
      const text = [project.title, ...project.porteurs, ...(project.partenaires ?? []), ...(project.objectifs ?? [])].join(' ');
      expect(text.toLowerCase(), title).to.contain('prévention');
    }
  });

  it('sorts by title in French order', async () => {
    const list = await fixture<CnrProjectList>(html`<cnr-project-list thematique="all" page-size="30" sort="date"></cnr-project-list>`);
    await loaded(list, '26 projets');
    const select = $<HTMLSelectElement>(list, 'select')!;
    expect(squash($(list, `label[for="${select.id}"]`)!.textContent)).to.equal('Trier par');
    const byDate = titles(list);
    // The count is announced on change only: a new order is not a new count.
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe($(list, '[part="count"]')!, { childList: true, subtree: true, characterData: true });
    select.value = 'title';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => titles(list).join() !== byDate.join(), 'resorted');
    await loaded(list, '26 projets');
    observer.disconnect();
    expect(mutations, 'count region untouched').to.have.length(0);
    const shown = titles(list);
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    expect(shown).to.deep.equal([...shown].sort(collator.compare));
    // Not code-point order: « Équipe… » sits among the E, not after the Z.
    expect(shown).to.not.deep.equal([...shown].sort());
    expect(shown.indexOf('Équipe mobile de levée de doute déclenchée par le SAS')).to.be.below(shown.indexOf('La chambre pédagogique'));
  });

  it('pages through 10 000 projects, fetching only the page shown', async function () {
    this.timeout(30_000);
    const { client, control } = controlledClient(createClient({ src: generateDataset({ projects: 10_000 }) }));
    const expected = (await client.projects({}, { limit: 1 })).data.total;
    control.calls.length = 0;
    const list = await fixture<CnrProjectList>(html`<cnr-project-list thematique="all" .client=${client}></cnr-project-list>`);
    await loaded(list, `${fr(expected)} projets`);
    expect(expected).to.be.at.least(10_000);
    const last = Math.ceil(expected / 12);
    expect(cards(list)).to.have.length(12);
    expect(control.calls.at(-1)![1]).to.include({ limit: 12, offset: 0 });
    const first = titles(list);

    const next = $$<HTMLButtonElement>(list, '[part="pager-button"]').find((b) => squash(b.textContent) === 'Page suivante')!;
    next.click();
    await waitUntil(() => deepActive() === $(list, '[part="cards"]'), 'focus moves to the new page');
    expect(control.calls.at(-1)![1]).to.include({ limit: 12, offset: 12 });
    expect($(list, '[part="cards"]')!.getAttribute('aria-label')).to.equal(`Projets, page 2 sur ${fr(last)}`);
    expect(titles(list)).to.have.length(12);
    expect(titles(list)).to.not.deep.equal(first);
    expect($(list, '[aria-current="page"]')!.textContent).to.contain('2');

    const lastButton = $$<HTMLButtonElement>(list, '[part="pager-button"]').find((b) => squash(b.textContent) === `Page ${fr(last)}`)!;
    lastButton.click();
    await waitUntil(() => $(list, '[part="cards"]')?.getAttribute('aria-label') === `Projets, page ${fr(last)} sur ${fr(last)}`);
    await waitUntil(() => cards(list).length === expected - (last - 1) * 12);
    expect(control.calls.at(-1)![1]).to.include({ limit: 12, offset: (last - 1) * 12 });
    // The DOM holds one page, whatever the number of projects.
    expect(shadow(list).querySelectorAll('li cnr-project-card').length).to.be.at.most(12);
    await expect(list).to.be.accessible();
  });

  it('says which filters to relax when nothing matches, and relaxes them', async () => {
    const list = await fixture<CnrProjectList>(html`<cnr-project-list territory="88" status="en-cours"></cnr-project-list>`);
    await loaded(list, 'Aucun projet');
    await waitUntil(() => squash($(list, '[part="empty"]')?.textContent).includes('« Vosges »'), 'territory named');
    const empty = squash($(list, '[part="empty"]')!.textContent);
    expect(empty).to.contain('Aucun projet ne correspond. Essayez d’élargir :');
    const buttons = $$(list, '[part="relax-button"]').map((b) => squash(b.textContent));
    expect(buttons).to.deep.equal([
      'Retirer le filtre territoire « Vosges »',
      'Retirer le filtre statut « en cours »',
      'Retirer tous ces filtres',
    ]);
    await expect(list).to.be.accessible();

    const changed = oneEvent(list, 'cnr-filter-change');
    $$<HTMLButtonElement>(list, '[part="relax-button"]')[1]!.click();
    const event = await changed;
    expect(event.detail.statuses).to.equal(undefined);
    expect(event.detail.territory).to.equal('88');
    await loaded(list, '6 projets');
    await waitUntil(() => deepActive() === $(list, '[part="cards"]'), 'focus on the results');
  });

  it('relaxes a provider’s filter from the empty state', async () => {
    const provider = await fixture<CnrProvider>(
      html`<cnr-provider territory="88" q="inexistant"><cnr-project-list></cnr-project-list></cnr-provider>`,
    );
    const list = provider.querySelector('cnr-project-list')!;
    await loaded(list, 'Aucun projet');
    expect($<HTMLInputElement>(list, 'input')!.value).to.equal('inexistant');
    const search = $$<HTMLButtonElement>(list, '[part="relax-button"]').find((b) => b.textContent!.includes('recherche'))!;
    expect(squash(search.textContent)).to.equal('Retirer le filtre recherche « inexistant »');
    search.click();
    await loaded(list, '6 projets');
    expect(provider.filters).to.deep.equal({ thematique: 'sante', territory: '88' });
    expect($<HTMLInputElement>(list, 'input')!.value).to.equal('');
  });

  it('shows an error with retry when the source is missing', async () => {
    const list = await fixture<CnrProjectList>(html`<cnr-project-list src=${MISSING}></cnr-project-list>`);
    await waitUntil(() => $(list, '[part="error"]') !== null, 'error shown', { timeout: 8000 });
    expect($(list, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect(squash($(list, '[part="retry-button"]')!.textContent)).to.equal('Réessayer');
    expect(cards(list)).to.have.length(0);
    await expect(list).to.be.accessible();
  });

  it('keeps the last good page visible when a later load fails, and retries', async () => {
    const { client, control } = controlledClient(createClient({ src: FULL }));
    const list = await fixture<CnrProjectList>(html`<cnr-project-list page-size="2" .client=${client}></cnr-project-list>`);
    await loaded(list, '3 projets');
    const firstPage = titles(list);
    control.fail = true;
    $$<HTMLButtonElement>(list, '[part="pager-button"]').find((b) => squash(b.textContent) === 'Page suivante')!.click();
    await waitUntil(() => $(list, '[part="error"]') !== null, 'error shown');
    expect(titles(list)).to.deep.equal(firstPage);
    expect(countOf(list)).to.equal('3 projets');
    await expect(list).to.be.accessible();

    control.fail = false;
    $<HTMLButtonElement>(list, '[part="retry-button"]')!.click();
    await waitUntil(() => $(list, '[part="error"]') === null && titles(list).length === 1, 'page 2 after retry');
    expect(titles(list)).to.not.deep.equal(firstPage);
  });

  it('says when the data shown may be out of date', async () => {
    const { client, control } = controlledClient(createClient({ src: FULL }));
    control.stale = true;
    const list = await fixture<CnrProjectList>(html`<cnr-project-list .client=${client}></cnr-project-list>`);
    await loaded(list, '3 projets');
    expect($(list, '[part="stale-notice"]') !== null).to.equal(true);
    await expect(list).to.be.accessible();
  });

  it('lists the records the source left out, on demand, with show-problems', async () => {
    const list = await fixture<CnrProjectList>(html`<cnr-project-list src=${PROBLEMS} show-problems></cnr-project-list>`);
    await loaded(list, '3 projets');
    await waitUntil(() => $(list, '[part="problems"]') !== null, 'problems shown');
    const details = $<HTMLDetailsElement>(list, '[part="problems"]')!;
    expect(details.open).to.equal(false);
    expect(squash(details.querySelector('summary')!.textContent)).to.match(/^\d+ enregistrements? écartés? ou incomplets?$/);
    expect(details.textContent).to.contain('p-broken');
    details.open = true;
    await expect(list).to.be.accessible();
  });

  it('exports every page of the selection as CSV (with a BOM) and announces it', async () => {
    const list = await fixture<CnrProjectList>(html`<cnr-project-list thematique="all"></cnr-project-list>`);
    await loaded(list, '26 projets');
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    const { createObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return 'blob:test-export';
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    };
    try {
      $<HTMLButtonElement>(list, '[part="export-button"]')!.click();
      await waitUntil(() => squash(shadow(list).textContent).includes('Export CSV téléchargé'), 'export announced');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads).to.deep.equal(['projets-cnr.csv blob:test-export']);
    expect(blobs).to.have.length(1);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = await blobs[0]!.text();
    const { dataset } = await createClient().load();
    expect(dataset.projects).to.have.length(26);
    for (const project of dataset.projects) expect(text).to.contain(project.title.includes('"') ? project.title.replace(/"/g, '""') : project.title);
    const announcer = $$(list, '[role="status"]').find((region) => region.textContent!.includes('Export'))!;
    expect(squash(announcer.textContent)).to.equal('Export CSV téléchargé : 26 projets.');
  });

  it('lets cards’ cnr-project-select bubble out, with heading levels passed down', async () => {
    const list = await fixture<CnrProjectList>(
      html`<cnr-project-list territory="88" selectable heading-level="2"></cnr-project-list>`,
    );
    await loaded(list, '6 projets');
    const card = cards(list)[0]!;
    expect(card.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
    const selected = oneEvent(document, 'cnr-project-select');
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part="select-button"]')!.click();
    expect((await selected).detail.id).to.be.a('string').and.not.equal('');
  });

  it('reaches search, sort, export, the cards’ actions and the pager with Tab, in order', async () => {
    const wrapper = await fixture(html`<div>
      <button id="before">Avant</button>
      <cnr-project-list territory="88" selectable page-size="4"></cnr-project-list>
    </div>`);
    const list = wrapper.querySelector('cnr-project-list')!;
    await loaded(list, '6 projets');
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const reached: string[] = [];
    for (let i = 0; i < 10; i++) {
      await keys({ press: 'Tab' });
      const active = deepActive() as HTMLElement;
      const part = active.getAttribute('part') ?? active.localName;
      reached.push(part === 'pager-button' ? `pager:${squash(active.textContent)}` : part);
    }
    expect(reached).to.deep.equal([
      'search-input',
      'sort-select',
      'export-button',
      'select-button',
      'select-button',
      'select-button',
      'select-button',
      'pager:Page 1',
      'pager:Page 2',
      'pager:Page suivante',
    ]);
  });

  it('lays the cards out in columns that follow the container, never wider than it', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><cnr-project-list thematique="all"></cnr-project-list></div>`,
    );
    const list = wrapper.querySelector('cnr-project-list')!;
    await loaded(list, '26 projets');
    const grid = $(list, '[part="cards"]')!;
    expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(1);
    for (const card of cards(list)) expect(card.getBoundingClientRect().width).to.be.at.most(320);
    wrapper.style.width = '1000px';
    await aTimeout(50);
    expect(getComputedStyle(grid).gridTemplateColumns.split(' ').length).to.be.at.least(3);
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(html`<div lang="en"><cnr-project-list territory="88"></cnr-project-list></div>`);
    const list = wrapper.querySelector('cnr-project-list')!;
    await loaded(list, '6 projects');
    expect(squash($(list, 'label')!.textContent)).to.equal('Search a project');
    expect(squash($(list, '[part="export-button"]')!.textContent)).to.equal('Export as CSV');
  });
});
