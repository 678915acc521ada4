// Issue 17 in the widgets: « déduit » marks where a value rests on a deduction,
// the « Chiffres non attribués » disclosure, the card's amounts by funding kind
// and quarter dates. The embedded dataset is the reference one (seeds 000–004).
import { createClient, type CnrClient } from '@cnr-widgets/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/funding-counter.js';
import '../define/key-figures.js';
import '../define/project-card.js';
import '../define/territory-map.js';
import type { CnrFundingCounter } from '../funding-counter/funding-counter.component.js';
import type { CnrKeyFigures } from '../key-figures/key-figures.component.js';
import type { CnrProjectCard } from '../project-card/project-card.component.js';
import { press } from '../../test/helpers.js';
import { formatPartialDate } from '../i18n/partial-date.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const part = (element: Element, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (element: Element, name: string) => [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/** A « déduit » mark as a user meets it: its summary's text, whether it opens with the keyboard, and the explanation then shown. */
async function useMark(host: Element, mark: HTMLElement): Promise<{ name: string; focused: boolean; opened: boolean; explanation: string }> {
  const details = mark as HTMLDetailsElement;
  const summary = details.querySelector('summary')!;
  summary.focus();
  const focused = host.shadowRoot!.activeElement === summary;
  const closedBefore = !details.open;
  await press('Enter');
  await waitUntil(() => details.open, 'the mark did not open with Enter', { timeout: 2000 });
  const explanation = squash(details.querySelector('.deduced-why')?.textContent);
  return { name: squash(summary.textContent), focused, opened: closedBefore && details.open, explanation };
}

const source = { document: 'doc-q', excerpt: 'Un extrait.' };
const document = {
  documents: [
    {
      id: 'doc-q',
      title: 'Bilan trimestriel',
      publisher: 'ARS Exemple',
      date: '2024-Q1',
      derivation: { kind: 'deduced', reasoning: 'Le trimestre est celui du bilan cité.', fields: ['date'] },
    },
  ],
  projects: [
    {
      id: 'p-deduit',
      thematique: 'sante',
      title: 'Projet au territoire déduit',
      porteurs: ['ARS Exemple'],
      axes: [],
      territories: ['region:32'],
      derivation: { kind: 'deduced', reasoning: 'La commune citée est contradictoire ; seule la région est certaine.', fields: ['territories'] },
      source,
    },
    { id: 'p-demande', thematique: 'sante', title: 'Projet demandé', porteurs: ['ARS Exemple'], axes: [], territories: ['region:32'], source },
    { id: 'p-soutien', thematique: 'sante', title: 'Projet soutenu', porteurs: ['ARS Exemple'], axes: [], territories: ['region:32'], source },
  ],
  fundings: [
    { id: 'f-engage', kind: 'engaged', thematique: 'sante', label: 'Engagé', funder: 'ARS Exemple', amount: 40_000, projects: ['p-deduit'], source },
    { id: 'f-delegue', kind: 'delegated', thematique: 'sante', label: 'Délégué', funder: 'ARS Exemple', amount: 10_000, projects: ['p-deduit'], source },
    { id: 'f-demande', kind: 'requested', thematique: 'sante', label: 'Demandé', funder: 'Porteurs', amount: 250_000, projects: ['p-demande'], source },
    { id: 'f-soutien', kind: 'support', thematique: 'sante', label: 'Soutien', funder: 'ARS Exemple', projects: ['p-soutien'], source },
  ],
};

let client: CnrClient;
before(() => {
  client = createClient({ src: document });
});

async function card(id: string, lang = 'fr'): Promise<CnrProjectCard> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><cnr-project-card .client=${client} project-id=${id}></cnr-project-card></div>`);
  const element = wrapper.querySelector<CnrProjectCard>('cnr-project-card')!;
  await waitUntil(() => part(element, 'title') && part(element, 'source')?.querySelector('cite')?.textContent === 'Bilan trimestriel', 'the card did not load', {
    timeout: 5000,
  });
  return element;
}

describe('« déduit » on the project card', () => {
  it('marks a deduced project, says which fields, and explains why on demand (keyboard)', async () => {
    const element = await card('p-deduit');
    const mark = part(element, 'deduced')!;
    expect(squash(part(element, 'derivation')!.textContent).startsWith('déduit (territoires)')).to.equal(true);
    const used = await useMark(element, mark);
    expect(used).to.deep.equal({
      name: 'déduit (territoires)',
      focused: true,
      opened: true,
      explanation: 'déduit : territoires La commune citée est contradictoire ; seule la région est certaine.',
    });
    await expect(element).to.be.accessible();
  });

  it('says it in English', async () => {
    const element = await card('p-deduit', 'en');
    expect(squash(part(element, 'deduced')!.querySelector('summary')!.textContent)).to.equal('deduced (territories)');
  });

  it('marks a document’s deduced date in the source, with the quarter in words', async () => {
    const element = await card('p-demande');
    const sourceDetails = part(element, 'source') as HTMLDetailsElement;
    sourceDetails.open = true;
    const documentLine = squash(sourceDetails.querySelector('.document')!.textContent);
    expect(documentLine.startsWith('Bilan trimestriel, ARS Exemple, 1er trimestre 2024 déduit (date)')).to.equal(true);
    const used = await useMark(element, part(element, 'document-deduced')!);
    expect(used.explanation).to.equal('déduit : date Le trimestre est celui du bilan cité.');
    await expect(element).to.be.accessible();
  });

  it('has no mark on a project the documents state', async () => {
    const element = await card('p-demande');
    expect(part(element, 'derivation') === null).to.equal(true);
  });
});

describe('card amounts by funding kind', () => {
  it('shows engaged and delegated amounts as funding', async () => {
    const element = await card('p-deduit');
    expect(squash(part(element, 'funding')!.textContent)).to.equal('Financement 50 000 €');
    expect(part(element, 'requested') === null).to.equal(true);
  });

  it('shows a requested amount as requested, never as funding', async () => {
    const element = await card('p-demande');
    expect(part(element, 'funding') === null).to.equal(true);
    expect(squash(part(element, 'requested')!.textContent)).to.equal(
      'Montant demandé 250 000 € (une demande, pas un financement obtenu)',
    );
  });

  it('shows no amount for a support (not « 0 € »)', async () => {
    const element = await card('p-soutien');
    expect(part(element, 'funding') === null).to.equal(true);
    expect(part(element, 'requested') === null).to.equal(true);
  });
});

describe('quarter dates', () => {
  it('reads 2024-Q1 … Q4 in French and English', () => {
    expect(['2024-Q1', '2024-Q2', '2023-Q4'].map((date) => formatPartialDate(date, 'fr'))).to.deep.equal([
      '1er trimestre 2024',
      '2e trimestre 2024',
      '4e trimestre 2023',
    ]);
    expect(formatPartialDate('2024-Q1', 'en')).to.equal('Q1 2024');
    expect(formatPartialDate('2023-12', 'fr')).to.equal('décembre 2023');
  });
});

async function keyFigures(template: ReturnType<typeof html>): Promise<CnrKeyFigures> {
  const element = await fixture<CnrKeyFigures>(template);
  await waitUntil(() => element.shadowRoot?.querySelector('[part="territory"]'), 'the key figures did not render', { timeout: 5000 });
  return element;
}

describe('« déduit » in the key figures', () => {
  it('marks PACA’s 77 propositions, placed in the région by the layout', async () => {
    const element = await keyFigures(html`<cnr-key-figures territory="region:93" phase="acte-1"></cnr-key-figures>`);
    const propositions = element.shadowRoot!.querySelector<HTMLElement>('[part="figure"][data-metric="propositions"]')!;
    expect(squash(propositions.querySelector('[part="number"]')!.textContent)).to.equal('77');
    const marks = parts(element, 'deduced');
    expect(marks.map((mark) => mark.closest('[part="figure"]')?.getAttribute('data-metric'))).to.deep.equal(['propositions']);
    const used = await useMark(element, marks[0]!);
    expect(used.name).to.equal('déduit (propositions)');
    expect(used.focused && used.opened).to.equal(true);
    expect(used.explanation.length > 'déduit : propositions'.length).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('has no mark on figures the documents state (Grand Est, first act)', async () => {
    const element = await keyFigures(html`<cnr-key-figures territory="region:44" phase="acte-1"></cnr-key-figures>`);
    expect(parts(element, 'deduced').length).to.equal(0);
  });
});

describe('« Chiffres non attribués » in the key figures', () => {
  it('is offered on France, lists the map blocks with their place and passage, and is never summed', async () => {
    const plain = await keyFigures(html`<cnr-key-figures phase="acte-1"></cnr-key-figures>`);
    const numbers = (element: Element) =>
      [...element.shadowRoot!.querySelectorAll('[part="figure"]')].map((figure) => squash(figure.querySelector('[part="number"]')!.textContent));
    const withBlock = await keyFigures(html`<cnr-key-figures phase="acte-1" show-unattributed></cnr-key-figures>`);
    await waitUntil(() => part(withBlock, 'unattributed-button'), 'no unattributed disclosure', { timeout: 5000 });
    // The same totals with and without the list: the blocks are never in them.
    expect(numbers(withBlock)).to.deep.equal(numbers(plain));
    const button = part(withBlock, 'unattributed-button') as HTMLButtonElement;
    expect(squash(button.textContent).startsWith('Chiffres non attribués (')).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await press('Enter');
    await waitUntil(() => button.getAttribute('aria-expanded') === 'true', 'the disclosure did not open', { timeout: 2000 });
    const body = withBlock.shadowRoot!.getElementById('unattributed')!;
    expect(body.hidden).to.equal(false);
    const items = [...part(withBlock, 'unattributed-list')!.querySelectorAll('li')];
    expect(items.length > 0).to.equal(true);
    const first = squash(items[0]!.textContent);
    expect(first).to.contain('12 réunions départementales, 1 000 participants, 8 projets');
    expect(first).to.contain('Place dans le document : Carte « EN CARTE — Les chiffres clés de la phase 1 »');
    expect(first).to.contain('« 12 RÉUNIONS DÉPARTEMENTALES 1 000 PARTICIPANTS 8 PROJETS CNR »');
    expect(squash(body.querySelector('.unattributed-intro')!.textContent)).to.contain('ne sont comptés dans aucun total');
    await expect(withBlock).to.be.accessible();
  });

  it('says it in English', async () => {
    const element = await keyFigures(
      html`<cnr-key-figures lang="en" src="/packages/elements/test/fixtures/unattributed-candidate.json" show-unattributed></cnr-key-figures>`,
    );
    await waitUntil(() => part(element, 'unattributed-button'), 'no unattributed disclosure', { timeout: 5000 });
    expect(squash(part(element, 'unattributed-button')!.textContent)).to.equal('Figures not attributed (1)');
    expect(squash(part(element, 'unattributed-list')!.querySelector('.unattributed-candidate')!.textContent)).to.equal(
      'Region suggested by the layout, not confirmed: Île-de-France',
    );
  });

  it('is absent on a territory (the figures belong to none)', async () => {
    const element = await keyFigures(html`<cnr-key-figures territory="region:11" show-unattributed></cnr-key-figures>`);
    expect(part(element, 'unattributed') === null).to.equal(true);
  });

  it('is absent without show-unattributed', async () => {
    const element = await keyFigures(html`<cnr-key-figures></cnr-key-figures>`);
    expect(part(element, 'unattributed') === null).to.equal(true);
  });

  it('shows a candidate territory only as a suggestion of the layout, and sums none of it', async () => {
    const element = await keyFigures(
      html`<cnr-key-figures src="/packages/elements/test/fixtures/unattributed-candidate.json" show-unattributed sources-open></cnr-key-figures>`,
    );
    await waitUntil(() => part(element, 'unattributed-button'), 'no unattributed disclosure', { timeout: 5000 });
    // Only France's own 10 propositions: the block's 160 are in no total.
    expect(squash(element.shadowRoot!.querySelector('[data-metric="propositions"] [part="number"]')!.textContent)).to.equal('10');
    part(element, 'unattributed-button')!.click();
    await element.updateComplete;
    const item = squash(part(element, 'unattributed-list')!.querySelector('li')!.textContent);
    expect(item).to.equal(
      '160 propositions Place dans le document : 1er bloc de la carte Région suggérée par la mise en page, non confirmée : Île-de-France Source : Carte des régions « 160 PROPOSITIONS »',
    );
    await expect(element).to.be.accessible();
  });
});

describe('« déduit » in the funding counter and the map', () => {
  it('marks the Hauts-de-France total, whose funder rests on a deduction', async () => {
    const element = await fixture<CnrFundingCounter>(html`<cnr-funding-counter territory="region:32" open></cnr-funding-counter>`);
    await waitUntil(() => part(element, 'deduced-note'), 'no deduced note', { timeout: 5000 });
    expect(squash(part(element, 'deduced-note')!.textContent).startsWith('Une partie de ce total repose sur une déduction')).to.equal(true);
    const used = await useMark(element, part(element, 'deduced')!);
    expect(used.name).to.equal('déduit (financeurs ou liens entre montants)');
    expect(used.explanation).to.contain('ARS Hauts-de-France');
    await expect(element).to.be.accessible();
  });

  it('marks PACA’s propositions in the map’s table', async () => {
    const element = await fixture<HTMLElement>(html`<cnr-territory-map metric="propositions" level="region" table-open></cnr-territory-map>`);
    await waitUntil(() => element.shadowRoot?.querySelector('tr[data-code="93"]'), 'no table row', { timeout: 8000 });
    const row = element.shadowRoot!.querySelector('tr[data-code="93"]')!;
    const mark = row.querySelector<HTMLElement>('[part~="deduced"]');
    expect(mark === null).to.equal(false);
    expect(squash(mark!.querySelector('summary')!.textContent)).to.equal("déduit (Provence-Alpes-Côte d'Azur, propositions)");
    const other = element.shadowRoot!.querySelector('tr[data-code="44"] [part~="deduced"]');
    expect(other === null).to.equal(true);
    const used = await useMark(element, mark!);
    expect(used.focused && used.opened).to.equal(true);
    expect(used.explanation.startsWith("déduit : Provence-Alpes-Côte d'Azur, propositions")).to.equal(true);
    await expect(element).to.be.accessible();
  });
});
