// An ARS's own file read with `src` (issue 12): names rather than ids, the
// problems of the file for its producer (console, `cnr-problems`,
// `show-problems`) rather than for visitors, and an unreadable file said to be
// the file's fault, not the server's.
import { formatProblem } from '@cnr-widgets/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/index.js';
import { CnrErrorEvent, CnrProblemsEvent } from '../events/events.js';
import type { CnrProvider } from './provider.component.js';

const PRODUCER = '/packages/elements/test/fixtures/producer-file.json';
const NOT_JSON = '/packages/elements/test/fixtures/not-json.html';
const NOT_A_DATASET = '/packages/elements/test/fixtures/not-a-dataset.json';

let unique = 0;
/** A URL no other test has used: its own client, so its own console report. */
const fresh = (url: string) => `${url}?t=${Date.now()}-${++unique}`;

const squash = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const shadow = (element: Element) => element.shadowRoot!;

/** The text a user sees in `element`, through its shadow root and nested widgets' shadow roots. */
function deepText(node: Node): string {
  let text = '';
  const walk = (current: Node) => {
    if (current instanceof Text) text += current.data;
    if (current instanceof Element && current.shadowRoot) walk(current.shadowRoot);
    for (const child of current.childNodes) walk(child);
  };
  walk(node);
  return squash(text);
}

function cardTexts(list: Element): string[] {
  return [...shadow(list).querySelectorAll('cnr-project-card')].map((card) => deepText(card));
}

async function listShows(list: Element, count: string): Promise<void> {
  await waitUntil(() => squash(shadow(list).querySelector('[part="count"]')?.textContent) === count, `count « ${count} »`, {
    timeout: 8000,
  });
  await waitUntil(
    () => [...shadow(list).querySelectorAll('cnr-project-card')].every((card) => card.shadowRoot?.querySelector('[part="territories"]')),
    'cards rendered with their territories',
  );
}

/** Records the widgets' console reports of problems (`[cnr-widgets] 2 problèmes dans les données …`) until restored. */
function watchWarnings(): { reports: string[]; restore: () => void } {
  const reports: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    // The problems report only (the SDK may warn of other things, an ambiguous bare code…).
    if (/^\[cnr-widgets\] \d+ problèmes? dans les données/.test(String(args[0]))) reports.push(args.map(String).join(' '));
    else original.apply(console, args);
  };
  return { reports, restore: () => void (console.warn = original) };
}

const BROKEN = 'projects[3] (id p-broken) › title: Champ obligatoire manquant.';

describe('an ARS’s own file (src)', () => {
  let watch: ReturnType<typeof watchWarnings>;
  beforeEach(() => {
    watch = watchWarnings();
  });
  afterEach(() => watch.restore());

  it('names the territories on the cards, never their ids; a territory without a name is said in words (axe)', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh(PRODUCER)}>
      <cnr-project-list card-variant="full"></cnr-project-list>
    </cnr-provider>`);
    const list = provider.querySelector('cnr-project-list')!;
    await listShows(list, '3 projets');
    const texts = cardTexts(list);
    expect(texts.find((text) => text.includes('Centre de soins non programmés'))).to.contain('Territoire Loire-Atlantique');
    expect(texts.find((text) => text.includes('Bus de prévention régional'))).to.contain('Territoire Pays de la Loire');
    // No commune list in the browser: the code, with its kind in words.
    expect(texts.find((text) => text.includes('Maison de santé d’Angers'))).to.contain('Territoire commune 49007');
    for (const text of texts) expect(text).not.to.match(/\b(?:departement|region|commune|tds|epci):/);
    await expect(list).to.be.accessible();
  });

  it('filters on territory ids with their kind: departement:44, region:52', async () => {
    const src = fresh(PRODUCER);
    const provider = await fixture<CnrProvider>(html`<cnr-provider src=${src} territory="departement:44">
      <cnr-project-list></cnr-project-list>
    </cnr-provider>`);
    const list = provider.querySelector('cnr-project-list')!;
    await listShows(list, '1 projet');
    expect(cardTexts(list)[0]).to.contain('Centre de soins non programmés à Nantes');
    provider.territory = 'region:52';
    await waitUntil(() => cardTexts(list).some((text) => text.includes('Bus de prévention régional')), 'the région’s projects');
    const titles = cardTexts(list).join(' | ');
    expect(titles).to.contain('Centre de soins non programmés à Nantes');
  });

  it('says an unknown territory in words in the map’s selection and in the empty list’s filters', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh(PRODUCER)} territory="commune:49328">
      <cnr-key-figures></cnr-key-figures>
      <cnr-territory-map level="departement"></cnr-territory-map>
      <cnr-project-list></cnr-project-list>
    </cnr-provider>`);
    const figures = provider.querySelector('cnr-key-figures')!;
    await waitUntil(() => shadow(figures).querySelector('[part="territory"]') !== null, 'the key figures’ territory', { timeout: 8000 });
    expect(squash(shadow(figures).querySelector('[part="territory"]')!.textContent)).to.contain('commune 49328');
    const map = provider.querySelector('cnr-territory-map')!;
    const list = provider.querySelector('cnr-project-list')!;
    await waitUntil(() => shadow(list).querySelector('[part="relax-button"]') !== null, 'the empty state’s filters', { timeout: 8000 });
    const chip = squash(shadow(list).querySelector('[part="relax-button"]')!.textContent);
    expect(chip).to.contain('« commune 49328 »');
    await waitUntil(() => shadow(map).querySelector('[part="selection"]') !== null, 'the map’s selection', { timeout: 8000 });
    const selection = squash(shadow(map).querySelector('[part="selection"]')!.textContent);
    expect(selection).to.contain('commune 49328');
    expect(deepText(provider)).not.to.contain('commune:49328');
    await expect(list).to.be.accessible();
  });

  describe('its problems go to its producer', () => {
    it('shows visitors every valid record and no notice of records left out', async () => {
      const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh(PRODUCER)}>
        <cnr-axis-filter></cnr-axis-filter>
        <cnr-funding-counter></cnr-funding-counter>
        <cnr-territory-map level="departement"></cnr-territory-map>
        <cnr-project-list></cnr-project-list>
      </cnr-provider>`);
      const list = provider.querySelector('cnr-project-list')!;
      await listShows(list, '3 projets');
      const map = provider.querySelector('cnr-territory-map')!;
      await waitUntil(() => shadow(map).querySelector('svg [part~="territory"]') !== null, 'map drawn', { timeout: 8000 });
      await waitUntil(() => watch.reports.length > 0, 'the console report');
      for (const widget of provider.children) {
        expect(shadow(widget).querySelector('[part="problems"]') === null, `<${widget.localName}> has no notice`).to.equal(true);
      }
      expect(deepText(provider)).not.to.match(/écarté|incomplet/);
      await expect(provider).to.be.accessible();
    });

    it('logs the full report to the console once, however many widgets read the file', async () => {
      const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh(PRODUCER)}>
        <cnr-axis-filter></cnr-axis-filter>
        <cnr-funding-counter></cnr-funding-counter>
        <cnr-key-figures></cnr-key-figures>
        <cnr-project-list></cnr-project-list>
        <cnr-project-list card-variant="compact"></cnr-project-list>
      </cnr-provider>`);
      for (const list of provider.querySelectorAll('cnr-project-list')) await listShows(list, '3 projets');
      await waitUntil(() => watch.reports.length > 0, 'the console report');
      // Every widget has rendered its data: a second report would be there by now.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(watch.reports.length, watch.reports.join('\n---\n')).to.equal(1);
      const [report] = watch.reports;
      expect(report).to.contain('problème');
      expect(report).to.contain(BROKEN);
      expect(report).to.contain('producer-file.json');
    });

    it('fires cnr-problems with the report, through the provider', async () => {
      const src = fresh(PRODUCER);
      const events: CnrProblemsEvent[] = [];
      const listener = (event: CnrProblemsEvent) => events.push(event);
      document.addEventListener('cnr-problems', listener);
      try {
        const provider = await fixture<CnrProvider>(html`<cnr-provider src=${src}><cnr-project-list></cnr-project-list></cnr-provider>`);
        await listShows(provider.querySelector('cnr-project-list')!, '3 projets');
        await waitUntil(() => events.length > 0, 'cnr-problems');
        const [event] = events;
        expect(event).to.be.instanceOf(CnrProblemsEvent);
        expect(event!.bubbles && event!.composed).to.equal(true);
        expect(event!.detail.source).to.equal(src);
        expect(event!.detail.problems.map((problem) => formatProblem(problem, 'fr'))).to.include(BROKEN);
        expect(events.length, 'once for the one widget').to.equal(1);
      } finally {
        document.removeEventListener('cnr-problems', listener);
      }
    });

    it('shows the notice with the details in a producer’s preview (show-problems on the provider) (axe)', async () => {
      const provider = await fixture<CnrProvider>(html`<cnr-provider src=${fresh(PRODUCER)} show-problems>
        <cnr-funding-counter></cnr-funding-counter>
        <cnr-project-list></cnr-project-list>
      </cnr-provider>`);
      const list = provider.querySelector('cnr-project-list')!;
      await listShows(list, '3 projets');
      const details = shadow(list).querySelector<HTMLDetailsElement>('[part="problems"]');
      expect(details !== null, 'the list’s notice').to.equal(true);
      expect(squash(details!.querySelector('summary')!.textContent)).to.match(/^\d+ enregistrements? écartés? ou incomplets?$/);
      details!.open = true;
      expect(squash(details!.textContent)).to.contain(BROKEN);
      const counter = provider.querySelector('cnr-funding-counter')!;
      await waitUntil(() => shadow(counter).querySelector('[part="problems"]') !== null, 'the counter’s notice');
      await expect(provider).to.be.accessible();
      // Off again: the visitors’ view.
      provider.showProblems = false;
      await waitUntil(() => shadow(list).querySelector('[part="problems"]') === null, 'notice gone');
    });

    it('shows the notice with show-problems on a widget alone', async () => {
      const list = await fixture(html`<cnr-project-list src=${fresh(PRODUCER)} show-problems></cnr-project-list>`);
      await listShows(list, '3 projets');
      await waitUntil(() => shadow(list).querySelector('[part="problems"]') !== null, 'the notice');
    });
  });

  describe('a file that arrives but cannot be read', () => {
    it('an HTML page instead of JSON: « Le fichier de données est illisible », naming the file, and the typed error (axe)', async () => {
      const src = fresh(NOT_JSON);
      const errors: CnrErrorEvent[] = [];
      const listener = (event: CnrErrorEvent) => errors.push(event);
      document.addEventListener('cnr-error', listener);
      try {
        const provider = await fixture<CnrProvider>(html`<cnr-provider src=${src}><cnr-project-list></cnr-project-list></cnr-provider>`);
        const list = provider.querySelector('cnr-project-list')!;
        // Inside a provider the list shows the error and the provider announces it (one alert for its widgets).
        await waitUntil(() => shadow(list).querySelector('[part="error"]') !== null, 'the error', { timeout: 8000 });
        const alert = squash(shadow(list).querySelector('[part="error"]')!.textContent);
        expect(alert).to.contain('Le fichier de données est illisible');
        expect(alert).to.contain('not-json.html');
        expect(alert).not.to.contain('ne répond pas');
        await waitUntil(() => squash(shadow(provider).querySelector('[role="alert"]')?.textContent).includes('not-json.html'), 'the provider announces it');
        expect(shadow(list).querySelector('[part="retry-button"]') !== null, 'a retry button').to.equal(true);
        const error = errors[0]?.detail.error as (Error & { code?: string }) | undefined;
        expect(errors[0]).to.be.instanceOf(CnrErrorEvent);
        // The SDK's CnrDataError with code 'unreadable' (issue 12).
        expect(`${error?.name}/${error?.code}`, 'the typed error').to.equal('CnrDataError/unreadable');
        await expect(list).to.be.accessible();
      } finally {
        document.removeEventListener('cnr-error', listener);
      }
    });

    it('in English too', async () => {
      const wrapper = await fixture(html`<div lang="en"><cnr-project-list src=${fresh(NOT_JSON)}></cnr-project-list></div>`);
      const list = wrapper.querySelector('cnr-project-list')!;
      await waitUntil(() => shadow(list).querySelector('[role="alert"]') !== null, 'the error', { timeout: 8000 });
      expect(squash(shadow(list).querySelector('[role="alert"]')!.textContent)).to.contain('The data file is unreadable');
    });

    it('a wrong address (404): « Rien à cette adresse », naming the file, not « ne répond pas »', async () => {
      const list = await fixture(html`<cnr-project-list src=${fresh('/packages/elements/test/fixtures/donnees-absentes.json')}></cnr-project-list>`);
      await waitUntil(() => shadow(list).querySelector('[role="alert"]') !== null, 'the error', { timeout: 8000 });
      const alert = squash(shadow(list).querySelector('[role="alert"]')!.textContent);
      expect(alert).to.contain('Rien à cette adresse (erreur 404) : vérifiez l’URL des données. Fichier : donnees-absentes.json.');
      expect(alert).not.to.contain('ne répond pas');
    });

    it('JSON that is not a dataset: « ce n’est pas un jeu de données CNR »', async () => {
      const counter = await fixture(html`<cnr-funding-counter src=${fresh(NOT_A_DATASET)}></cnr-funding-counter>`);
      await waitUntil(() => shadow(counter).querySelector('[role="alert"]') !== null, 'the error', { timeout: 8000 });
      const alert = squash(shadow(counter).querySelector('[role="alert"]')!.textContent);
      expect(alert).to.contain('Le fichier de données est illisible : ce n’est pas un jeu de données CNR.');
      expect(alert).not.to.contain('ne répond pas');
      await expect(counter).to.be.accessible();
    });
  });
});
