import type { ProjectFilters } from '@cnr-widgets/sdk';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { clientFor } from '../base/clients.js';
import '../define/axis-filter.js';
import '../define/funding-counter.js';
import '../define/key-figures.js';
import '../define/provider.js';
import type { CnrFilterChangeEvent } from '../events/events.js';
import type { CnrFundingCounter } from '../funding-counter/funding-counter.component.js';
import type { CnrKeyFigures } from '../key-figures/key-figures.component.js';
import type { CnrProvider } from '../provider/provider.component.js';
import { ARROW_SETTLE_MS, type CnrAxisFilter } from './axis-filter.component.js';
import { press, stubFetch } from '../../test/helpers.js';

const FIXTURE = '/packages/elements/test/fixtures/figures-linked.json';
let unique = 0;
/** A fixture URL no client has seen yet (clients and their caches are per URL). */
const fresh = (url = FIXTURE) => `${url}?t=${Date.now()}-${++unique}`;

/** Visible and hidden text of a shadow root, whitespace (including no-break spaces) collapsed. */
function textOf(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

function labels(filter: Element): string[] {
  return [...filter.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent!.replace(/[\s\u00a0\u202f]+/g, ' ').trim());
}

function input(filter: Element, value: string): HTMLInputElement {
  return filter.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
}

async function loaded(element: Element, selector = 'fieldset'): Promise<void> {
  await waitUntil(() => element.shadowRoot?.querySelector(selector), `${element.localName} did not render ${selector}`, { timeout: 5000 });
}

/** The element focused inside `host`'s shadow root. */
function focused(host: Element): Element | null {
  return host.shadowRoot!.activeElement;
}

describe('<cnr-axis-filter>', () => {
  it('reserves its height while loading, then shows the axes (axe in both states)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const src = fresh();
    const restore = stubFetch((url) =>
      url.includes(src) ? held.then(() => fetch(FIXTURE)) : undefined,
    );
    try {
      const filter = await fixture<CnrAxisFilter>(html`<cnr-axis-filter src=${src}></cnr-axis-filter>`);
      const skeleton = filter.shadowRoot!.querySelector('[part="skeleton"]') as HTMLElement;
      expect(skeleton !== null).to.equal(true);
      expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(100);
      expect(skeleton.getAttribute('role')).to.equal('status');
      await expect(filter).to.be.accessible();
      release();
      await loaded(filter);
      expect(filter.shadowRoot!.querySelector('[part="skeleton"]') === null).to.equal(true);
    } finally {
      restore();
    }
  });

  it('reserves --cnr-axis-filter-min-height while loading, then is as tall as its axes (no blank); a page that gives their height sees nothing move', async () => {
    const load = async (minHeight?: string) => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const src = fresh();
      const restore = stubFetch((url) => (url.includes(src) ? held.then(() => fetch(FIXTURE)) : undefined));
      try {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style=${`width: 320px;${minHeight ? ` --cnr-axis-filter-min-height: ${minHeight}` : ''}`}><cnr-axis-filter src=${src}></cnr-axis-filter><p>Après</p></div>`,
        );
        const filter = wrapper.querySelector('cnr-axis-filter')!;
        await filter.updateComplete;
        const geometry = () => [filter.getBoundingClientRect().height, wrapper.querySelector('p')!.getBoundingClientRect().top];
        const before = geometry();
        release();
        await loaded(filter);
        return { before, after: geometry(), filter };
      } finally {
        restore();
      }
    };
    const byDefault = await load();
    expect(byDefault.before[0]).to.equal(42 * 16);
    // Loaded: as tall as the axes and the note, no blank under them.
    const root = byDefault.filter.shadowRoot!.querySelector('[part="base"]')!;
    const lastChild = [...root.children].filter((child) => child.getBoundingClientRect().height > 0).pop()!;
    expect(byDefault.filter.getBoundingClientRect().bottom - lastChild.getBoundingClientRect().bottom).to.be.below(2);
    // The page reserves the height it knows: nothing moves when the axes arrive.
    const known = await load(`${byDefault.after[0]}px`);
    expect(known.before[0]).to.be.closeTo(byDefault.after[0]!, 0.5);
    expect(known.after).to.deep.equal(known.before);
  });

  it('lists the axes as radio buttons with « Tous les axes », sub-groups and counts', async () => {
    const filter = await fixture<CnrAxisFilter>(html`<cnr-axis-filter src=${fresh()}></cnr-axis-filter>`);
    await loaded(filter);
    const fieldset = filter.shadowRoot!.querySelector('fieldset')!;
    expect(fieldset.querySelector('legend')!.textContent).to.equal('Axes du CNR santé');
    const description = filter.shadowRoot!.getElementById(fieldset.getAttribute('aria-describedby')!)!;
    expect(description.textContent).to.contain('nombre de projets');
    const all = labels(filter);
    expect(all[0]).to.equal('Tous les axes (5 projets)');
    expect(all).to.include('Former (1 projet)');
    expect(all).to.include('Attirer (0 projet)');
    expect(filter.shadowRoot!.querySelectorAll('input[type="radio"]')).to.have.length(8);
    expect(input(filter, '').checked).to.equal(true);
    // Sub-groups are nested under their axis, in a list named after it.
    const former = input(filter, 'sante-3-former');
    expect(former.closest('ul')!.getAttribute('aria-label')).to.equal('Sous-groupes de l’axe 3');
    expect(former.closest('ul')!.closest('li')!.querySelector('input')!.value).to.equal('sante-3');
    expect(filter.shadowRoot!.querySelector('[part="note"]') === null).to.equal(true);
    // No live region per count.
    expect(filter.shadowRoot!.querySelectorAll('[aria-live], [role="status"]')).to.have.length(0);
    await expect(filter).to.be.accessible();
  });

  it('shows the choice of the state again when the page changed a radio without it (form restoration): what Lit\'s live did', async () => {
    const filter = await fixture<CnrAxisFilter>(html`<cnr-axis-filter src=${fresh()}></cnr-axis-filter>`);
    await loaded(filter);
    // The browser restores a form, or a script checks a box, without the events the filter listens to.
    input(filter, 'sante-3').checked = true;
    filter.requestUpdate();
    await filter.updateComplete;
    expect(input(filter, 'sante-3').checked, 'the axis the state did not choose').to.equal(false);
    expect(input(filter, '').checked, '« Tous les axes », the state').to.equal(true);
  });

  it('on the embedded dataset, which ties no project to an axis: says so once, and offers no choice that would empty the list', async () => {
    const filter = await fixture<CnrAxisFilter>(html`<cnr-axis-filter></cnr-axis-filter>`);
    await loaded(filter, '[part="note"]');
    expect(filter.shadowRoot!.querySelector('[part="legend"]')!.textContent).to.equal('Axes du CNR santé');
    expect(textOf(filter)).to.equal('Axes du CNR santé Les documents sources ne rattachent aucun projet à un axe.');
    expect(filter.shadowRoot!.querySelectorAll('input, button')).to.have.length(0);
    await expect(filter).to.be.accessible();
  });

  it('when only the selection has no project tied to an axis, says so; an axis set anyway can be removed', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh()}><cnr-axis-filter></cnr-axis-filter></cnr-provider>`);
    const filter = provider.querySelector('cnr-axis-filter')!;
    await loaded(filter);
    // The projects under consideration (one, with no axis), and an axis from the URL.
    provider.setFilters({ ...provider.filters, statuses: ['en-reflexion'], axes: ['sante-3-former'] });
    await loaded(filter, '[part="note"]');
    expect(filter.shadowRoot!.querySelectorAll('input')).to.have.length(0);
    expect(textOf(filter)).to.contain('Aucun projet de la sélection n’est rattaché à un axe.');
    const clear = filter.shadowRoot!.querySelector<HTMLButtonElement>('[part="clear-button"]')!;
    expect(clear.textContent!.trim()).to.equal('Retirer le filtre d’axe');
    await expect(filter).to.be.accessible();
    const change = oneEvent(filter, 'cnr-filter-change');
    clear.click();
    expect(((await change) as CnrFilterChangeEvent).detail.axes).to.equal(undefined);
    expect(provider.filters.axes).to.equal(undefined);
    await filter.updateComplete;
    expect(filter.shadowRoot!.querySelector('[part="clear-button"]') === null).to.equal(true);
    // Back to a selection with axes: the choices come back.
    provider.setFilters({ thematique: 'sante' });
    await loaded(filter);
    expect(labels(filter)[0]).to.equal('Tous les axes (5 projets)');
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(html`<div lang="en"><cnr-axis-filter src=${fresh()}></cnr-axis-filter><cnr-axis-filter></cnr-axis-filter></div>`);
    const [filter, embedded] = [...wrapper.querySelectorAll('cnr-axis-filter')];
    await loaded(filter!);
    expect(filter!.shadowRoot!.querySelector('legend')!.textContent).to.equal('CNR health axes');
    expect(labels(filter!)[0]).to.equal('All axes (5 projects)');
    expect(labels(filter!)).to.include('Attirer (0 projects)');
    await loaded(embedded!, '[part="note"]');
    expect(textOf(embedded!)).to.equal('CNR health axes The source documents tie no project to an axis.');
  });

  it('with multiple, shows checkboxes without « Tous les axes », and counts from the data', async () => {
    const filter = await fixture<CnrAxisFilter>(html`<cnr-axis-filter multiple src=${fresh()}></cnr-axis-filter>`);
    await loaded(filter);
    expect(filter.shadowRoot!.querySelectorAll('input[type="checkbox"]')).to.have.length(7);
    expect(filter.shadowRoot!.querySelector('input[type="radio"]') === null).to.equal(true);
    const all = labels(filter);
    expect(all[0]).to.match(/^Axe 1 — .* \(2 projets\)$/);
    expect(all[1]).to.match(/^Axe 2 — .* \(1 projet\)$/);
    expect(all).to.include('Former (1 projet)');
    expect(all).to.include('Attirer (0 projet)');
    expect(textOf(filter)).not.to.contain('ne rattachent aucun projet');
    await expect(filter).to.be.accessible();
  });

  it('is operated with the keyboard alone: Tab to the group, arrows choose a radio, applied once it settles', async () => {
    const root = await fixture(html`<div>
      <button type="button">Avant</button>
      <cnr-provider src=${fresh()}><cnr-axis-filter></cnr-axis-filter></cnr-provider>
      <button type="button">Après</button>
    </div>`);
    const provider = root.querySelector('cnr-provider')!;
    const filter = root.querySelector('cnr-axis-filter')!;
    await loaded(filter);
    root.querySelector('button')!.focus();
    await press('Tab');
    expect(focused(filter)).to.equal(input(filter, ''));
    const change = oneEvent(filter, 'cnr-filter-change');
    await press('ArrowDown');
    // The native radio behaviour: the next radio is focused and checked at once…
    expect(focused(filter)).to.equal(input(filter, 'sante-1'));
    expect(input(filter, 'sante-1').checked).to.equal(true);
    // …and the filter follows when the selection settles.
    const event = (await change) as CnrFilterChangeEvent;
    expect(event.detail.axes).to.deep.equal(['sante-1']);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(provider.filters.axes).to.deep.equal(['sante-1']);
    expect(input(filter, 'sante-1').checked).to.equal(true);
    await press('ArrowDown');
    await press('ArrowDown');
    // Enter applies the radio reached without waiting.
    await press('Enter');
    expect(provider.filters.axes).to.deep.equal(['sante-3']);
    await press('ArrowDown');
    expect(input(filter, 'sante-3-former').checked).to.equal(true);
    // A visible focus ring on the radio the arrow keys reached (WebKit does not
    // count that focus as :focus-visible: the widget's own rule draws it).
    expect(getComputedStyle(focused(filter)!).outlineStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(focused(filter)!).outlineWidth)).to.be.at.least(2);
    // Leaving the group applies what was reached.
    await press('Tab');
    expect(provider.filters.axes).to.deep.equal(['sante-3-former']);
  });

  it('applies only the final radio of an arrow-key sequence: one change, one filter state (« Tous les axes » → Axe 4)', async () => {
    const root = await fixture(html`<div>
      <button type="button">Avant</button>
      <cnr-provider src=${fresh()}><cnr-axis-filter></cnr-axis-filter></cnr-provider>
    </div>`);
    const provider = root.querySelector('cnr-provider')!;
    const filter = root.querySelector('cnr-axis-filter')!;
    await loaded(filter);
    const states: (readonly string[] | undefined)[] = [];
    provider.addEventListener('cnr-filter-change', (event) => states.push(event.detail.axes));
    root.querySelector('button')!.focus();
    await press('Tab');
    // Tous les axes → Axe 1 → Axe 2 → Axe 3 → Former → Attirer → Fidéliser → Axe 4.
    for (let i = 0; i < 7; i++) await press('ArrowDown');
    expect(focused(filter)).to.equal(input(filter, 'sante-4'));
    expect(input(filter, 'sante-4').checked).to.equal(true);
    // Nothing applied on the way.
    expect(states).to.deep.equal([]);
    expect(provider.filters.axes).to.equal(undefined);
    await waitUntil(() => states.length > 0, 'the selection was never applied', { timeout: 3000 });
    await aTimeout(ARROW_SETTLE_MS + 100);
    expect(states).to.deep.equal([['sante-4']]);
    expect(provider.filters.axes).to.deep.equal(['sante-4']);
    expect(input(filter, 'sante-4').checked).to.equal(true);
    // A click applies at once, as before.
    input(filter, 'sante-2').click();
    expect(provider.filters.axes).to.deep.equal(['sante-2']);
    expect(states).to.deep.equal([['sante-4'], ['sante-2']]);
  });

  it('is operated with the keyboard alone: Tab between checkboxes, Space toggles', async () => {
    const root = await fixture(html`<div>
      <button type="button">Avant</button>
      <cnr-provider src=${fresh()}><cnr-axis-filter multiple></cnr-axis-filter></cnr-provider>
    </div>`);
    const provider = root.querySelector('cnr-provider')!;
    const filter = root.querySelector('cnr-axis-filter')!;
    await loaded(filter);
    root.querySelector('button')!.focus();
    await press('Tab');
    expect(focused(filter)).to.equal(input(filter, 'sante-1'));
    await press(' ');
    expect(provider.filters.axes).to.deep.equal(['sante-1']);
    await press('Tab');
    await press('Tab');
    expect(focused(filter)).to.equal(input(filter, 'sante-3'));
    await press(' ');
    expect(provider.filters.axes).to.deep.equal(['sante-1', 'sante-3']);
    await press(' ');
    expect(provider.filters.axes).to.deep.equal(['sante-1']);
  });

  it('reflects the axis filter that other widgets set', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh()} axis="sante-2">
      <cnr-axis-filter multiple></cnr-axis-filter>
    </cnr-provider>`);
    const filter = provider.querySelector('cnr-axis-filter')!;
    await loaded(filter);
    expect(input(filter, 'sante-2').checked).to.equal(true);
    expect(filter.value).to.deep.equal(['sante-2']);
    provider.setFilters({ ...provider.filters, axes: ['sante-4', 'sante-3-former'] });
    await filter.updateComplete;
    expect(input(filter, 'sante-2').checked).to.equal(false);
    expect(input(filter, 'sante-4').checked).to.equal(true);
    expect(input(filter, 'sante-3-former').checked).to.equal(true);
  });

  it('shows an error with a retry that works (axe in the error state)', async () => {
    const src = fresh();
    let calls = 0;
    const restore = stubFetch((url) => (url.includes(src) && ++calls === 1 ? Promise.resolve(new Response('', { status: 404 })) : undefined));
    try {
      const filter = await fixture<CnrAxisFilter>(html`<cnr-axis-filter src=${src}></cnr-axis-filter>`);
      await loaded(filter, '[part="error"]');
      const alert = filter.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Les données n’ont pas pu être chargées.');
      expect(filter.shadowRoot!.querySelector('fieldset') === null).to.equal(true);
      await expect(filter).to.be.accessible();
      filter.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await loaded(filter);
      expect(filter.shadowRoot!.querySelector('[role="alert"]') === null).to.equal(true);
      expect(calls).to.equal(2);
    } finally {
      restore();
    }
  });

  it('fires cnr-error for a source that does not exist', async () => {
    const filter = document.createElement('cnr-axis-filter');
    filter.src = fresh('/packages/elements/test/fixtures/does-not-exist.json');
    const error = oneEvent(filter, 'cnr-error');
    document.body.append(filter);
    try {
      expect((await error).detail.error.name).to.equal('CnrHttpError');
    } finally {
      filter.remove();
    }
  });

  it('says when its data is out of date (axe in the stale state)', async () => {
    const src = fresh();
    const client = clientFor({ src });
    await client.load();
    const restore = stubFetch((url) => (url.includes(src) ? Promise.resolve(new Response('', { status: 404 })) : undefined));
    try {
      await client.refresh();
      const filter = await fixture<CnrAxisFilter>(html`<cnr-axis-filter src=${src}></cnr-axis-filter>`);
      await loaded(filter, '[part="stale-notice"]');
      expect(filter.shadowRoot!.querySelector('fieldset') !== null).to.equal(true);
      await expect(filter).to.be.accessible();
    } finally {
      restore();
    }
  });
});

describe('a provider linking an axis filter, a funding counter and key figures', () => {
  async function page() {
    const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh()}>
      <cnr-axis-filter></cnr-axis-filter>
      <cnr-funding-counter></cnr-funding-counter>
      <cnr-key-figures></cnr-key-figures>
    </cnr-provider>`);
    const filter = provider.querySelector('cnr-axis-filter')!;
    const counter = provider.querySelector<CnrFundingCounter>('cnr-funding-counter')!;
    const figures = provider.querySelector<CnrKeyFigures>('cnr-key-figures')!;
    await loaded(filter);
    await loaded(counter, '[part="amount"]');
    await loaded(figures, '[part="figures"]');
    return { provider, filter, counter, figures };
  }

  const amount = (counter: Element) => counter.shadowRoot!.querySelector('[part="amount"]')?.textContent?.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

  it('choosing an axis updates the total; a territory chosen elsewhere updates the counts', async () => {
    const { provider, filter, counter, figures } = await page();
    expect(amount(counter)).to.equal('plus de 8,5 M€');

    const changes: ProjectFilters[] = [];
    provider.addEventListener('cnr-filter-change', (event) => changes.push(event.detail));
    input(filter, 'sante-3').click();
    expect(provider.filters.axes).to.deep.equal(['sante-3']);
    expect(changes).to.deep.equal([{ thematique: 'sante', axes: ['sante-3'] }]);
    await waitUntil(() => amount(counter) === '2 M€', 'the counter did not follow the axis');
    expect(textOf(counter)).to.contain('2 000 000 euros');

    input(filter, 'sante-1').click();
    await waitUntil(() => amount(counter) === 'plus de 1,5 M€', 'the counter did not follow the axis');
    expect(textOf(counter)).to.contain('plus de 1 500 000 euros');

    // Another widget (here the page) chooses Grand Est: the counts follow, the choice stays.
    provider.setFilters({ ...provider.filters, territory: '44' });
    await waitUntil(() => labels(filter).some((label) => /^Axe 2 — .* \(0 projet\)$/.test(label)), 'the counts did not follow');
    expect(labels(filter)[0]).to.equal('Tous les axes (3 projets)');
    expect(labels(filter)[1]).to.match(/\(2 projets\)$/);
    expect(input(filter, 'sante-1').checked).to.equal(true);
    await waitUntil(() => textOf(figures).includes('Grand Est'), 'the key figures did not follow');
    expect(textOf(figures)).to.contain('plus de 300 participants');
    expect(changes).to.have.length(2);

    input(filter, '').click();
    expect(provider.filters).to.deep.equal({ thematique: 'sante', territory: '44' });
    await waitUntil(() => amount(counter) === 'plus de 6,5 M€', 'the counter did not follow « Tous les axes »');
    await expect(filter).to.be.accessible();
    await expect(counter).to.be.accessible();
    await expect(figures).to.be.accessible();
  });

  it('keeps the radio focused while the counts change', async () => {
    const { provider, filter } = await page();
    input(filter, 'sante-2').focus();
    provider.setFilters({ ...provider.filters, territory: '93' });
    await waitUntil(() => labels(filter)[0] === 'Tous les axes (2 projets)', 'the counts did not follow');
    await aTimeout(0);
    expect(focused(filter)).to.equal(input(filter, 'sante-2'));
  });
});
