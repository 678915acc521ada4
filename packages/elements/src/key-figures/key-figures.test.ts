import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clientFor } from '../base/clients.js';
import '../define/key-figures.js';
import '../define/provider.js';
import type { CnrProvider } from '../provider/provider.component.js';
import type { CnrKeyFigures } from './key-figures.component.js';
import { stubFetch } from '../../test/helpers.js';

const FIXTURE = '/packages/elements/test/fixtures/figures-linked.json';
let unique = 0;
const fresh = (url = FIXTURE) => `${url}?t=${Date.now()}-${++unique}`;

const squash = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const textOf = (element: Element) => squash(element.shadowRoot?.textContent);
const part = (element: Element, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** Each figure as it reads: « plus de 1 100 participants ». */
const figures = (element: Element) =>
  [...element.shadowRoot!.querySelectorAll('[part="figure"]')].map((figure) =>
    squash([...figure.querySelectorAll('[part="qualifier"], [part="number"], [part="label"]')].map((span) => span.textContent).join(' ')),
  );

async function ready(element: Element, selector = '[part="territory"]'): Promise<void> {
  await waitUntil(() => element.shadowRoot?.querySelector(selector), `the key figures did not render ${selector}`, { timeout: 5000 });
}

describe('<cnr-key-figures>', () => {
  it('shows the Grand Est figures of the first act as the documents state them', async () => {
    const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures territory="44" phase="acte-1"></cnr-key-figures>`);
    await ready(element);
    expect(squash(part(element, 'territory')!.textContent)).to.equal('Chiffres de la concertation : Grand Est');
    // « 47 rencontres », « 44 dialogues territoriaux […] et 3 dialogues régionaux thématiques »,
    // « plus de 1 100 participants », « plus de 1 700 contributions », « plus de 500 constats »
    // (« 1 700 contributions, idées, pistes de solutions et propositions » is one figure, stored once).
    expect(figures(element)).to.deep.equal([
      '47 réunions',
      'plus de 1 100 participants',
      'plus de 1 700 contributions',
      'plus de 500 constats',
    ]);
    expect(squash(part(element, 'breakdown')!.textContent)).to.equal('dont 44 dialogues territoriaux et 3 dialogues régionaux thématiques');
    expect(element.shadowRoot!.querySelector('ul[part="figures"]') !== null).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('takes each figure of Grand Est from its latest report when no phase is given', async () => {
    const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures territory="44"></cnr-key-figures>`);
    await ready(element);
    const shown = figures(element);
    expect(shown).to.include('47 réunions');
    expect(shown).to.include('plus de 1 700 contributions');
    // The documents' « 20 initiatives en santé identifiées », said as what it counts.
    expect(shown).to.include('20 projets annoncés');
    expect(squash(part(element, 'scope')!.textContent)).to.equal(
      'Projets annoncés : le nombre que donnent les documents sources (voir « Sources »). Une liste de projets ne compte que ceux que les documents décrivent un par un.',
    );
    // The source on demand: the passage that gives the number.
    (part(element, 'sources-button') as HTMLButtonElement).click();
    await element.updateComplete;
    expect(squash(part(element, 'sources')!.textContent)).to.contain('20 initiatives en santé identifiées et accompagnées');
    await expect(element).to.be.accessible();
  });

  it('says nothing of projects when no figure counts them', async () => {
    const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures territory="44" phase="acte-1"></cnr-key-figures>`);
    await ready(element, '[part="figures"]');
    expect(part(element, 'scope') === null).to.equal(true);
  });

  it('shows the sources on demand', async () => {
    const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures territory="44" phase="acte-1"></cnr-key-figures>`);
    await ready(element);
    const button = part(element, 'sources-button') as HTMLButtonElement;
    const sources = part(element, 'sources')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(sources.hidden).to.equal(true);
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(sources.hidden).to.equal(false);
    expect(element.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)).to.equal(sources);
    const text = squash(sources.textContent);
    expect(text).to.contain('CNR Santé : 1 700 propositions en Grand Est pour améliorer le système de santé');
    expect(text).to.contain('44 dialogues territoriaux');
    expect(text).to.contain('plus de 1 100 participants');
    await expect(element).to.be.accessible();
  });

  it('shows only the chosen metrics', async () => {
    const element = await fixture<CnrKeyFigures>(
      html`<cnr-key-figures territory="44" phase="acte-1" metrics="participants, reunions, bogus"></cnr-key-figures>`,
    );
    await ready(element);
    expect(figures(element)).to.deep.equal(['47 réunions', 'plus de 1 100 participants']);
  });

  it('sums a région with its départements, and shows réalisés and en cours when known', async () => {
    const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures territory="93"></cnr-key-figures>`);
    await ready(element);
    expect(textOf(element)).to.contain("Provence-Alpes-Côte d'Azur");
    expect(figures(element)).to.deep.equal([
      '25 réunions',
      'près de 700 participants',
      '77 propositions',
      '41 projets annoncés',
      '14 projets réalisés',
      '27 projets en cours',
    ]);
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(html`<div lang="en"><cnr-key-figures territory="44" phase="acte-1"></cnr-key-figures></div>`);
    const element = wrapper.querySelector('cnr-key-figures')!;
    await ready(element);
    expect(squash(part(element, 'territory')!.textContent)).to.equal('Consultation figures: Grand Est');
    expect(figures(element).slice(0, 3)).to.deep.equal(['47 meetings', 'more than 1,100 participants', 'more than 1,700 contributions']);
    expect(squash(part(element, 'breakdown')!.textContent)).to.equal('including 44 territorial dialogues and 3 regional meetings');
    // « Sources » names the territory for screen readers (visually hidden): two key figures on a page differ.
    expect(squash(part(element, 'sources-button')!.textContent)).to.equal('Sources (figures: Grand Est)');
    const all = wrapper.ownerDocument.createElement('cnr-key-figures');
    all.setAttribute('territory', '44');
    wrapper.append(all);
    await ready(all, '[part="scope"]');
    expect(figures(all)).to.include('20 projects announced');
    expect(squash(part(all, 'scope')!.textContent)).to.equal(
      'Projects announced: the number the source documents give (see “Sources”). A project list counts only the projects the documents describe one by one.',
    );
  });

  it('says when a territory has no published figure (axe in the empty state)', async () => {
    const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures territory="11"></cnr-key-figures>`);
    await ready(element);
    expect(textOf(element)).to.contain('Île-de-France');
    expect(squash(part(element, 'empty')!.textContent)).to.equal('Aucun chiffre publié pour ce territoire');
    expect(part(element, 'figures') === null).to.equal(true);
    expect(part(element, 'sources-button') === null).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('follows the provider’s territory', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh()} territory="88"><cnr-key-figures></cnr-key-figures></cnr-provider>`);
    const element = provider.querySelector('cnr-key-figures')!;
    await ready(element);
    expect(squash(part(element, 'territory')!.textContent)).to.contain('Vosges');
    expect(figures(element)).to.deep.equal(['80 participants']);
    provider.setFilters({ ...provider.filters, territory: '44' });
    await waitUntil(() => textOf(element).includes('Grand Est'), 'the territory was not followed');
    expect(figures(element)).to.deep.equal(['12 réunions', 'plus de 300 participants']);
    expect(squash(part(element, 'breakdown')!.textContent)).to.equal('dont 10 dialogues territoriaux et 2 ateliers');
    // The territory line is no live region: the provider announces the settled change once for all its widgets (provider/announcements.test.ts).
    expect(part(element, 'territory')!.closest('[role="status"], [aria-live]') === null).to.equal(true);
  });

  it('reserves its height while loading (axe)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const src = fresh();
    const restore = stubFetch((url) => (url.includes(src) ? held.then(() => fetch(FIXTURE)) : undefined));
    try {
      const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures src=${src} territory="44"></cnr-key-figures>`);
      expect(element.getBoundingClientRect().height).to.be.greaterThan(150);
      await expect(element).to.be.accessible();
      release();
      await ready(element);
      expect(part(element, 'skeleton') === null).to.equal(true);
    } finally {
      restore();
    }
  });

  describe('no layout shift when the data arrives', () => {
    async function held(attributes: { metrics?: string; territory?: string }) {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const src = fresh();
      const restore = stubFetch((url) => (url.includes(src) ? gate.then(() => fetch(FIXTURE)) : undefined));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 600px">
          <cnr-key-figures src=${src} territory=${attributes.territory ?? '44'} metrics=${attributes.metrics ?? ''}></cnr-key-figures>
          <p>Après</p>
        </div>`,
      );
      const element = wrapper.querySelector('cnr-key-figures')!;
      await element.updateComplete;
      const geometry = () => [element.getBoundingClientRect().height, wrapper.querySelector('p')!.getBoundingClientRect().top];
      return { element, geometry, release, restore };
    }

    it('a box per figure asked for: the skeleton has the size of the figures', async () => {
      // « plus de 300 participants »: a figure with its qualifier, the territory's line, the « Sources » button.
      const { element, geometry, release, restore } = await held({ metrics: 'participants' });
      try {
        expect(element.shadowRoot!.querySelectorAll('[part="skeleton"]')).to.have.length(1);
        const before = geometry();
        release();
        await ready(element, '[part="figure"]');
        expect(figures(element)).to.deep.equal(['plus de 300 participants']);
        expect(part(element, 'sources-button') !== null).to.equal(true);
        expect(geometry()).to.deep.equal(before);
      } finally {
        restore();
      }
    });

    it('every metric by default: fewer figures, or none, leave the space reserved', async () => {
      for (const territory of ['44', '11']) {
        const { element, geometry, release, restore } = await held({ territory });
        try {
          expect(element.shadowRoot!.querySelectorAll('[part="skeleton"]')).to.have.length(8);
          const before = geometry();
          release();
          await ready(element, territory === '44' ? '[part="breakdown"]' : '[part="empty"]');
          expect(geometry(), territory).to.deep.equal(before);
        } finally {
          restore();
        }
      }
    });
  });

  it('shows an error (404) with a retry that works (axe)', async () => {
    const src = fresh();
    let calls = 0;
    const restore = stubFetch((url) => (url.includes(src) && ++calls === 1 ? Promise.resolve(new Response('', { status: 404 })) : undefined));
    try {
      const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures src=${src} territory="44"></cnr-key-figures>`);
      await ready(element, '[role="alert"]');
      expect(squash(element.shadowRoot!.querySelector('[role="alert"]')!.textContent)).to.contain('Réessayer');
      await expect(element).to.be.accessible();
      part(element, 'retry-button')!.click();
      await ready(element);
      expect(element.shadowRoot!.querySelector('[role="alert"]') === null).to.equal(true);
      expect(figures(element)).to.deep.equal(['12 réunions', 'plus de 300 participants']);
    } finally {
      restore();
    }
  });

  it('keeps the last figures under an error', async () => {
    const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures src=${fresh()} territory="88"></cnr-key-figures>`);
    await ready(element);
    element.src = fresh('/packages/elements/test/fixtures/does-not-exist.json');
    await ready(element, '[role="alert"]');
    expect(figures(element)).to.deep.equal(['80 participants']);
    await expect(element).to.be.accessible();
  });

  it('says when its data is out of date, and lists the records left out with show-problems (axe)', async () => {
    const src = fresh('/packages/elements/test/fixtures/figures-partial.json');
    const client = clientFor({ src });
    await client.load();
    const restore = stubFetch((url) => (url.includes(src) ? Promise.resolve(new Response('', { status: 404 })) : undefined));
    try {
      await client.refresh();
      const element = await fixture<CnrKeyFigures>(html`<cnr-key-figures src=${src} territory="region:44" show-problems></cnr-key-figures>`);
      await ready(element, '[part="stale-notice"]');
      expect(squash(part(element, 'problems')!.textContent)).to.contain('2 enregistrements écartés ou incomplets');
      expect(figures(element)).to.deep.equal(['12 réunions', 'plus de 300 participants']);
      await expect(element).to.be.accessible();
    } finally {
      restore();
    }
  });
});
