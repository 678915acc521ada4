import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { clientFor } from '../base/clients.js';
import { formatCount, formatEuros, formatEurosAccessible, qualifierText } from '../i18n/format.js';
import '../define/funding-counter.js';
import '../define/provider.js';
import type { CnrProvider } from '../provider/provider.component.js';
import type { CnrFundingCounter } from './funding-counter.component.js';
import { stubFetch } from '../../test/helpers.js';

const FIXTURE = '/packages/elements/test/fixtures/figures-linked.json';
let unique = 0;
const fresh = (url = FIXTURE) => `${url}?t=${Date.now()}-${++unique}`;

const squash = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const part = (element: Element, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** What a sighted user reads as the amount. */
const amount = (counter: Element) => squash(part(counter, 'amount')?.textContent);
/** What assistive technologies read as the amount. */
const spoken = (counter: Element) => squash(counter.shadowRoot!.querySelector('.live')?.textContent);

async function ready(counter: Element, selector = '.live'): Promise<void> {
  await waitUntil(() => counter.shadowRoot?.querySelector(selector), `the counter did not render ${selector}`, { timeout: 5000 });
}

/** Makes `matchMedia('(prefers-reduced-motion: no-preference)')` answer `motion`. */
function stubMotion(motion: boolean): () => void {
  const original = window.matchMedia;
  window.matchMedia = (query: string) => {
    const answer = original.call(window, query);
    if (!query.includes('prefers-reduced-motion')) return answer;
    const matches = query.includes('no-preference') ? motion : !motion;
    const noop = () => undefined;
    return {
      matches,
      media: query,
      onchange: null,
      addEventListener: noop,
      removeEventListener: noop,
      addListener: noop,
      removeListener: noop,
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
  return () => {
    window.matchMedia = original;
  };
}

describe('base/format', () => {
  it('writes euros the French and the English way', () => {
    expect(squash(formatEuros(2_900_000, 'fr', { compact: true }))).to.equal('2,9 M€');
    expect(formatEuros(2_900_000, 'fr', { compact: true })).to.equal('2,9\u00a0M€');
    expect(formatEuros(2_900_000, 'en', { compact: true })).to.equal('€2.9M');
    expect(squash(formatEuros(1_000_000, 'fr', { compact: true }))).to.equal('1 M€');
    expect(squash(formatEuros(950, 'fr', { compact: true }))).to.equal('950 €');
    expect(formatEuros(950, 'en', { compact: true })).to.equal('€950');
    expect(squash(formatEuros(0, 'fr', { compact: true }))).to.equal('0 €');
    expect(squash(formatEuros(1_200_000, 'fr'))).to.equal('1 200 000 €');
    expect(formatEuros(1_200_000, 'en')).to.equal('€1,200,000');
    // A minimum is never rounded up: « plus de 2,96 M€ » is not « plus de 3 M€ ».
    expect(squash(formatEuros(2_960_000, 'fr', { compact: true }))).to.equal('3 M€');
    expect(squash(formatEuros(2_960_000, 'fr', { compact: true, roundDown: true }))).to.equal('2,9 M€');
  });

  it('spells amounts out for assistive technologies, and counts and qualifiers', () => {
    expect(squash(formatEurosAccessible(2_900_000, 'fr'))).to.equal('2 900 000 euros');
    expect(formatEurosAccessible(2_900_000, 'en')).to.equal('2,900,000 euros');
    expect(formatEurosAccessible(1, 'fr')).to.equal('1 euro');
    expect(formatEurosAccessible(0, 'fr')).to.equal('0 euro');
    expect(formatEurosAccessible(0, 'en')).to.equal('0 euros');
    expect(squash(formatCount(1100, 'fr'))).to.equal('1 100');
    expect(formatCount(1100, 'en')).to.equal('1,100');
    expect(qualifierText('plus-de', 'fr')).to.equal('plus de');
    expect(qualifierText('pres-de', 'en')).to.equal('nearly');
    expect(qualifierText('exact', 'fr')).to.equal('');
    expect(qualifierText(undefined, 'fr')).to.equal('');
  });
});

describe('<cnr-funding-counter>', () => {
  it('shows the embedded funding of Grand Est (territory 44), compact, with the full amount in accessible text', async () => {
    const counter = await fixture<CnrFundingCounter>(html`<cnr-funding-counter territory="44"></cnr-funding-counter>`);
    await ready(counter);
    expect(squash(part(counter, 'label')!.textContent)).to.equal('Financements identifiés');
    expect(amount(counter)).to.equal('1 M€');
    expect(part(counter, 'amount')!.getAttribute('aria-hidden')).to.equal('true');
    expect(spoken(counter)).to.equal('1 000 000 euros');
    expect(part(counter, 'details')!.hidden).to.equal(true);
    await expect(counter).to.be.accessible();
  });

  it('says « plus de » for a lower bound, and shows the funders and sources on demand', async () => {
    const counter = await fixture<CnrFundingCounter>(html`<cnr-funding-counter territory="93"></cnr-funding-counter>`);
    await ready(counter);
    expect(amount(counter)).to.equal('plus de 2,9 M€');
    expect(spoken(counter)).to.equal('plus de 2 900 000 euros');
    const button = part(counter, 'details-button') as HTMLButtonElement;
    expect(squash(button.textContent)).to.equal('Détail');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await counter.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const details = part(counter, 'details')!;
    expect(details.hidden).to.equal(false);
    expect(counter.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)).to.equal(details);
    const rows = [...details.querySelectorAll('tbody tr')].map((row) => squash(row.textContent));
    expect(rows).to.deep.equal(['ARS Paca 2 900 000 €']);
    expect(squash(details.textContent)).to.contain('le total est un minimum');
    expect(squash(part(counter, 'sources')!.textContent)).to.equal('CNR santé dans les Hautes-Alpes : 1 an après');
    await expect(counter).to.be.accessible();
    button.click();
    await counter.updateComplete;
    expect(details.hidden).to.equal(true);
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(html`<div lang="en"><cnr-funding-counter territory="93"></cnr-funding-counter></div>`);
    const counter = wrapper.querySelector('cnr-funding-counter')!;
    await ready(counter);
    expect(squash(part(counter, 'label')!.textContent)).to.equal('Identified funding');
    expect(amount(counter)).to.equal('more than €2.9M');
    expect(spoken(counter)).to.equal('more than 2,900,000 euros');
    expect(squash(part(counter, 'details-button')!.textContent)).to.equal('Details');
  });

  it('tells no data (no funding record) from zero (records adding up to 0 €)', async () => {
    const none = await fixture<CnrFundingCounter>(html`<cnr-funding-counter territory="57"></cnr-funding-counter>`);
    await ready(none);
    expect(squash(part(none, 'empty')!.textContent)).to.equal('Aucun financement identifié pour cette sélection');
    expect(part(none, 'amount') === null).to.equal(true);
    expect(part(none, 'details-button') === null).to.equal(true);
    await expect(none).to.be.accessible();

    const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh()} axis="sante-2">
      <cnr-funding-counter></cnr-funding-counter>
    </cnr-provider>`);
    const zero = provider.querySelector('cnr-funding-counter')!;
    await ready(zero, '[part="amount"]');
    expect(amount(zero)).to.equal('0 €');
    expect(spoken(zero)).to.equal('0 euro');
    expect(part(zero, 'empty') === null).to.equal(true);
    await expect(zero).to.be.accessible();
  });

  it('filters on its own year and funder attributes', async () => {
    const byFunder = await fixture<CnrFundingCounter>(html`<cnr-funding-counter funder="ars grand est"></cnr-funding-counter>`);
    await ready(byFunder);
    expect(spoken(byFunder)).to.equal('1 000 000 euros');
    const byYear = await fixture<CnrFundingCounter>(html`<cnr-funding-counter year="2024"></cnr-funding-counter>`);
    await ready(byYear);
    expect(part(byYear, 'empty') !== null).to.equal(true);
    byYear.year = 2023;
    await waitUntil(() => part(byYear, 'amount'), 'the year was not followed');
    // ARS Grand Est 1 M€ and ARS Paca « plus de » 2,9 M€, both of 2023.
    expect(spoken(byYear)).to.equal('plus de 3 900 000 euros');
  });

  it('lets the label be replaced through its slot', async () => {
    const counter = await fixture<CnrFundingCounter>(
      html`<cnr-funding-counter territory="44"><span slot="label">Soutien de l’ARS</span></cnr-funding-counter>`,
    );
    await ready(counter);
    const slot = part(counter, 'label')!.querySelector('slot')!;
    expect(slot.assignedNodes().map((node) => node.textContent)).to.deep.equal(['Soutien de l’ARS']);
  });

  it('reserves its height while loading (axe), then shows the amount', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const src = fresh();
    const restore = stubFetch((url) => (url.includes(src) ? held.then(() => fetch(FIXTURE)) : undefined));
    try {
      const counter = await fixture<CnrFundingCounter>(html`<cnr-funding-counter src=${src}></cnr-funding-counter>`);
      const skeleton = part(counter, 'skeleton')!;
      expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(60);
      await expect(counter).to.be.accessible();
      release();
      await ready(counter, '[part="amount"]');
      expect(part(counter, 'skeleton') === null).to.equal(true);
    } finally {
      restore();
    }
  });

  it('keeps the height of its skeleton when the amount arrives (no layout shift); with no amount, is as tall as its message (no blank)', async () => {
    for (const territory of ['', '11']) {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const src = fresh();
      const restore = stubFetch((url) => (url.includes(src) ? gate.then(() => fetch(FIXTURE)) : undefined));
      try {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="width: 320px"><cnr-funding-counter src=${src} territory=${territory}></cnr-funding-counter><p>Après</p></div>`,
        );
        const counter = wrapper.querySelector('cnr-funding-counter')!;
        await counter.updateComplete;
        const geometry = () => [counter.getBoundingClientRect().height, wrapper.querySelector('p')!.getBoundingClientRect().top];
        expect(part(counter, 'skeleton') !== null).to.equal(true);
        const before = geometry();
        release();
        await ready(counter, territory ? '[part="empty"]' : '[part="amount"]');
        if (!territory) expect(geometry(), 'every territory').to.deep.equal(before);
        else {
          // No amount, no « Détail » row: the box ends under its message, a little shorter than the skeleton.
          const [height] = geometry();
          expect(height).to.be.below(before[0]!);
          expect(height).to.be.above(before[0]! - 80);
          const message = part(counter, 'empty')!.getBoundingClientRect();
          expect(counter.getBoundingClientRect().bottom - message.bottom).to.be.below(40);
        }
      } finally {
        restore();
      }
    }
  });

  it('shows an error (404) with a retry that works (axe in the error state)', async () => {
    const src = fresh();
    let calls = 0;
    const restore = stubFetch((url) => (url.includes(src) && ++calls === 1 ? Promise.resolve(new Response('', { status: 404 })) : undefined));
    try {
      const counter = await fixture<CnrFundingCounter>(html`<cnr-funding-counter src=${src}></cnr-funding-counter>`);
      await ready(counter, '[role="alert"]');
      expect(part(counter, 'amount') === null).to.equal(true);
      await expect(counter).to.be.accessible();
      part(counter, 'retry-button')!.click();
      await ready(counter, '[part="amount"]');
      expect(counter.shadowRoot!.querySelector('[role="alert"]') === null).to.equal(true);
      expect(amount(counter)).to.equal('plus de 8,5 M€');
    } finally {
      restore();
    }
  });

  it('keeps the last amount under an error', async () => {
    const counter = await fixture<CnrFundingCounter>(html`<cnr-funding-counter src=${fresh()}></cnr-funding-counter>`);
    await ready(counter, '[part="amount"]');
    counter.src = fresh('/packages/elements/test/fixtures/does-not-exist.json');
    await ready(counter, '[role="alert"]');
    expect(amount(counter)).to.equal('plus de 8,5 M€');
    await expect(counter).to.be.accessible();
  });

  it('says when its data is out of date, and lists the records left out with show-problems (axe)', async () => {
    const src = fresh('/packages/elements/test/fixtures/figures-partial.json');
    const client = clientFor({ src });
    await client.load();
    const restore = stubFetch((url) => (url.includes(src) ? Promise.resolve(new Response('', { status: 404 })) : undefined));
    try {
      await client.refresh();
      const counter = await fixture<CnrFundingCounter>(html`<cnr-funding-counter src=${src} show-problems></cnr-funding-counter>`);
      await ready(counter, '[part="stale-notice"]');
      expect(squash(part(counter, 'problems')!.textContent)).to.contain('2 enregistrements écartés ou incomplets');
      expect(amount(counter)).to.equal('plus de 8,5 M€');
      await expect(counter).to.be.accessible();
    } finally {
      restore();
    }
  });

  describe('motion', () => {
    let restore: () => void = () => undefined;
    afterEach(() => restore());

    async function change(): Promise<CnrFundingCounter> {
      const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh()}><cnr-funding-counter></cnr-funding-counter></cnr-provider>`);
      const counter = provider.querySelector('cnr-funding-counter')!;
      await ready(counter, '[part="amount"]');
      expect(amount(counter)).to.equal('plus de 8,5 M€');
      provider.setFilters({ ...provider.filters, axes: ['sante-3'] });
      // The new total arrives: the assistive text is final at once.
      await waitUntil(() => spoken(counter) === '2 000 000 euros', 'the total did not change');
      return counter;
    }

    it('does not animate under prefers-reduced-motion: reduce', async () => {
      restore = stubMotion(false);
      const counter = await change();
      expect(amount(counter)).to.equal('2 M€');
      await nextFrame();
      expect(amount(counter)).to.equal('2 M€');
    });

    it('counts from the previous amount otherwise, never in the accessible text', async () => {
      restore = stubMotion(true);
      const counter = await change();
      const seen = new Set<string>([amount(counter)]);
      expect(amount(counter)).not.to.equal('2 M€');
      while (amount(counter) !== '2 M€') {
        await nextFrame();
        seen.add(amount(counter));
        expect(spoken(counter)).to.equal('2 000 000 euros');
      }
      expect(seen.size).to.be.greaterThan(2);
    });
  });
});
