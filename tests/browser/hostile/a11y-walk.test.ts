// Accessibility walk, keyboard only, through a composition like the
// `ars-region` example (examples/ars-region/index.html): a provider on the
// Grand Est with key figures, the map of its départements, the axis filter,
// the funding counter and the project list, on the embedded dataset. Filter
// by territory (map) and by axis, open a project (the host's dialog with a
// full card), and run axe after each step.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../../packages/elements/src/define/index.js';
import type { CnrProjectCard } from '../../../packages/elements/src/project-card/project-card.component.js';
import {
  allRendered,
  browserName,
  deepActive,
  describeWatch,
  listCount,
  mount,
  startKeyboardWalk,
  sendKeys,
  shadow,
  squash,
  TAGS,
  watchPage,
  type PageWatch,
} from './helpers.js';

/**
 * Presses Tab (or Shift+Tab) until `reached` holds for the focused element.
 * Tab may take the focus out of the page (Firefox: from the last element of a
 * modal dialog to the browser's toolbar) while `document.activeElement` stays
 * put: the page must have the focus too.
 */
async function tabUntil(reached: (element: Element | null) => boolean, what: string, shift = false, max = 120): Promise<Element> {
  for (let i = 0; i < max; i++) {
    if (shift) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (shift) await sendKeys({ up: 'Shift' });
    const active = deepActive();
    if (document.hasFocus() && reached(active)) return active!;
  }
  throw new Error(`Tab never reached ${what} (focus on ${deepActive()?.outerHTML.slice(0, 80)})`);
}

const hostOf = (element: Element | null) => (element?.getRootNode() as ShadowRoot | Document | undefined) instanceof ShadowRoot ? (element!.getRootNode() as ShadowRoot).host : null;

describe(`accessibility walk, keyboard only (${browserName})`, function () {
  this.timeout(60_000);
  let page: HTMLElement;
  let list: HTMLElement;
  let map: HTMLElement;
  let dialog: HTMLDialogElement;
  let watch: PageWatch;

  before(async () => {
    watch = watchPage();
    page = mount(html`
      <div lang="fr">
        <button id="start" type="button">Début de la page</button>
        <main id="contenu">
          <h1>Le Conseil national de la refondation en santé dans le Grand Est</h1>
          <cnr-provider id="cnr" territory="region:44">
            <section aria-labelledby="chiffres-titre">
              <h2 id="chiffres-titre">Les chiffres de la concertation</h2>
              <cnr-key-figures></cnr-key-figures>
            </section>
            <section aria-labelledby="carte-titre">
              <h2 id="carte-titre">Les départements du Grand Est</h2>
              <cnr-territory-map level="department" region="44"></cnr-territory-map>
            </section>
            <section aria-labelledby="axes-titre">
              <h2 id="axes-titre">Les axes du CNR santé</h2>
              <cnr-axis-filter></cnr-axis-filter>
            </section>
            <section aria-labelledby="financements-titre">
              <h2 id="financements-titre">Les financements</h2>
              <cnr-funding-counter></cnr-funding-counter>
            </section>
            <section aria-labelledby="projets-titre">
              <h2 id="projets-titre">Les projets</h2>
              <cnr-project-list heading-level="3" page-size="6" selectable></cnr-project-list>
            </section>
          </cnr-provider>
        </main>
        <dialog id="projet" aria-labelledby="projet-titre">
          <h2 id="projet-titre">Fiche du projet</h2>
          <cnr-project-card variant="full" heading-level="3"></cnr-project-card>
          <form method="dialog"><button type="submit">Fermer</button></form>
        </dialog>
      </div>
    `);
    list = page.querySelector('cnr-project-list')!;
    map = page.querySelector('cnr-territory-map')!;
    dialog = page.querySelector('dialog')!;
    // The host page's own code: « Voir le projet » opens the project in a dialog.
    page.addEventListener('cnr-project-select', (event) => {
      const card = dialog.querySelector<CnrProjectCard>('cnr-project-card')!;
      card.projectId = event.detail.id;
      dialog.showModal();
    });
    await allRendered([...page.querySelectorAll<HTMLElement>(TAGS.filter((t) => t !== 'cnr-provider' && t !== 'cnr-project-card').join(','))], 20_000);
    await waitUntil(() => listCount(list) === '12 projets', `Grand Est list (« ${listCount(list)} »)`);
    // The user's starting point: the first button of the page; then only the keyboard.
    await startKeyboardWalk(page.querySelector<HTMLElement>('#start')!);
  });

  after(() => {
    watch.stop();
    page.parentElement!.remove();
  });

  it('step 0 — the page as loaded passes axe', async () => {
    await expect(page.querySelector('main')!).to.be.accessible();
  });

  it('step 1 — territory: Tab to the map, End, Enter selects the Vosges', async () => {
    await tabUntil((el) => el?.getAttribute('part') === 'territory' && hostOf(el) === map, 'the map');
    await sendKeys({ press: 'End' });
    await waitUntil(() => deepActive()?.getAttribute('data-code') === '88', `the Vosges focused (${deepActive()?.getAttribute('data-code')})`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => listCount(list) === '6 projets', `the list follows (« ${listCount(list)} »)`);
    expect(deepActive()?.getAttribute('aria-pressed')).to.equal('true');
    expect(squash(shadow(map).querySelector('[part="selection"]')?.textContent)).to.contain('Vosges');
    await expect(page.querySelector('main')!).to.be.accessible();
  });

  it('step 2 — axis: no project of the reference dataset is tied to an axis: the filter says so once, with no choice to Tab through', async () => {
    const filter = page.querySelector('cnr-axis-filter')!;
    expect(shadow(filter).querySelectorAll('input').length, 'no choice that would empty the list').to.equal(0);
    expect(squash(shadow(filter).querySelector('[part="note"]')?.textContent)).to.equal('Les documents sources ne rattachent aucun projet à un axe.');
    expect(listCount(list)).to.equal('6 projets');
    await expect(page.querySelector('main')!).to.be.accessible();
  });

  it('step 3 — open a project: Tab to « Voir le projet », Enter opens it', async () => {
    const button = await tabUntil(
      (el) => el?.getAttribute('part') === 'select-button',
      '« Voir le projet »',
    );
    const title = squash((hostOf(button) as Element).shadowRoot!.querySelector('[part="title"]')?.textContent);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the dialog opens');
    const card = dialog.querySelector('cnr-project-card')!;
    await waitUntil(() => squash(card.shadowRoot?.querySelector('[part="title"]')?.textContent) === title, `the card shows « ${title} »`);
    await expect(dialog).to.be.accessible();
  });

  it('step 4 — in the project: open its source with the keyboard', async () => {
    const card = dialog.querySelector('cnr-project-card')!;
    // Backwards from where the dialog put the focus (Firefox: « Fermer »; Tab onwards would leave the page for the browser's toolbar).
    const summary = await tabUntil((el) => el?.localName === 'summary' && hostOf(el) === card, 'the « Source » disclosure', true, 20);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => (summary.parentElement as HTMLDetailsElement).open, 'the source opens');
    expect(squash(card.shadowRoot!.querySelector('[part="excerpt"]')?.textContent).length).to.be.greaterThan(10);
    await expect(dialog).to.be.accessible();
  });

  it('step 5 — Escape closes the project, focus goes back to the list', async () => {
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'the dialog closes');
    await waitUntil(() => hostOf(deepActive())?.localName === 'cnr-project-card' || deepActive()?.getAttribute('part') === 'select-button', `focus back (${deepActive()?.localName})`);
    await expect(page.querySelector('main')!).to.be.accessible();
  });

  it('step 6 — Escape on the map keeps the territory; « Toute la France » clears it', async () => {
    await tabUntil((el) => el?.getAttribute('part') === 'territory' && hostOf(el) === map, 'the map, backwards', true);
    const before = listCount(list);
    await sendKeys({ press: 'Escape' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listCount(list), 'Escape closes what is open, and clears nothing').to.equal(before);
    await tabUntil((el) => el?.getAttribute('part') === 'clear-button' && hostOf(el) === map, '« Toute la France », backwards', true, 10);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => listCount(list) === '20 projets', `territory cleared (« ${listCount(list)} »)`);
    await expect(page.querySelector('main')!).to.be.accessible();
  });

  it('logs no error on the way', () => {
    expect(watch.errors.length + watch.rejections.length + watch.exceptions.length, describeWatch(watch)).to.equal(0);
  });
});
