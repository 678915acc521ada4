import { createClient, type CnrClient, type Project } from '@cnr-widgets/sdk';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define/project-card.js';
import '../define/provider.js';
import type { CnrProjectCard } from './project-card.component.js';
import { press } from '../../test/helpers.js';
import { accessibilityTree, CONTROL_ROLES, runTogether } from '../../test/accessibility-tree.js';

const FIXTURE = '/packages/elements/test/fixtures/list-full.json';

const project: Project = {
  id: 'test-teleconsultation',
  thematique: 'sante',
  title: 'Téléconsultation assistée par une infirmière',
  porteurs: ['Centre hospitalier', 'Communauté professionnelle territoriale de santé'],
  axes: ['sante-1'],
  territories: ['departement:88'],
  status: 'en-cours',
  source: { document: 'doc', excerpt: 'extrait' },
};

/** The full project of the fixture document, as a page would pass it. */
async function fixtureProject(id: string): Promise<Project> {
  const document = (await (await fetch(FIXTURE)).json()) as { projects: Project[] };
  return document.projects.find((p) => p.id === id)!;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function textOf(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function $(card: Element, selector: string): HTMLElement | null {
  return card.shadowRoot!.querySelector<HTMLElement>(selector);
}

/** A client that records which methods are called, optionally failing some. */
function spyClient(base: CnrClient, fail: readonly string[] = []): CnrClient & { calls: string[] } {
  const calls: string[] = [];
  const spy = { calls, kind: base.kind } as CnrClient & { calls: string[] };
  for (const name of ['load', 'projects', 'project', 'facets', 'fundingTotal', 'figures', 'territories', 'axes', 'documents', 'refresh'] as const) {
    (spy as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push(name);
      if (fail.includes(name)) return Promise.reject(new Error(`${name} failed`));
      return (base[name] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return spy;
}

describe('<cnr-project-card>', () => {
  it('shows the title as a heading, the status and the porteurs', async () => {
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card .project=${project}></cnr-project-card>`);
    const heading = $(card, '[role="heading"]')!;
    expect(heading.textContent).to.equal(project.title);
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(textOf(card)).to.contain('Statut : En cours');
    expect(textOf(card)).to.contain('Porté par Centre hospitalier, Communauté professionnelle territoriale de santé');
    await expect(card).to.be.accessible();
  });

  it('shows every field of a full project, with names looked up in its source', async () => {
    const full = await fixtureProject('p-full');
    const client = spyClient(createClient({ src: FIXTURE }));
    const card = await fixture<CnrProjectCard>(
      html`<cnr-project-card .project=${full} .client=${client} heading-level="2"></cnr-project-card>`,
    );
    await waitUntil(() => textOf(card).includes('Vosges, Épinal') && textOf(card).includes('ARS Grand Est'), 'names resolved');
    await waitUntil(() => $(card, '[part="funding"]') !== null, 'funding shown');
    const text = textOf(card);
    expect($(card, '[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
    expect($(card, '[role="heading"]')!.textContent).to.equal('Téléconsultation assistée dans les Vosges');
    expect(text).to.contain('Statut : En cours');
    // Axis and sub-group labels, not ids.
    const axes = [...card.shadowRoot!.querySelectorAll('[part="axis"]')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(axes).to.deep.equal(['Axe : Accès à un médecin traitant', 'Axe : Former']);
    expect(text).to.contain('Une infirmière accompagne la téléconsultation.');
    expect(text).to.contain('Porté par Centre hospitalier d’Épinal');
    expect(text).to.contain('Acteurs Professionnels de santé du territoire');
    expect(text).to.contain('Partenaires CPTS des Vosges, Mairie d’Épinal');
    expect(text).to.contain('Territoire Vosges, Épinal');
    expect(text).to.contain('Lieu Maison de santé de Golbey');
    expect(text).to.contain('Avancement en cours de déploiement');
    expect(text).to.contain('Publics Patients sans médecin traitant, Personnes âgées');
    // Both allocations naming it (12 000 + 3 000), not the envelope; one is shared with another project.
    const euros = new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(15000).replace(/\s+/g, ' ');
    expect($(card, '[part="funding"]')!.textContent!.replace(/\s+/g, ' ')).to.contain(`${euros} (montant partagé avec d’autres projets)`);
    expect(text).to.contain('Objectifs');
    // The source: document title, publisher, date, page, and the passage as a quotation inside « Source ».
    const source = $(card, 'details[part="source"]') as HTMLDetailsElement;
    expect(squash(source.querySelector('summary')!.textContent)).to.equal('Source du projet « Téléconsultation assistée dans les Vosges »');
    expect(source.querySelector('cite')!.textContent).to.equal('Un an de CNR en Grand Est (dossier de test)');
    expect(source.textContent).to.contain('ARS Grand Est, décembre 2023, p. 12');
    expect(source.textContent).to.contain('Présenté en atelier');
    expect(source.querySelector('blockquote')!.textContent).to.equal('TÉLÉCONSULTATION ASSISTÉE Porteur Centre hospitalier d’Épinal');
    expect(source.querySelector('a')!.getAttribute('rel')).to.equal('noopener noreferrer');
    const website = $(card, 'a[part="link"]')!;
    expect(website.getAttribute('href')).to.equal('https://example.org/teleconsultation');
    expect(website.getAttribute('rel')).to.equal('noopener noreferrer');
    // Given its project, the card fetched nothing but names (and the funding records of the same document).
    expect(client.calls).to.not.include('project');
    expect(client.calls).to.not.include('projects');
    await expect(card).to.be.accessible();
    source.open = true;
    await expect(card).to.be.accessible();
  });

  it('compact variant: title, status, territory and porteurs only', async () => {
    const full = await fixtureProject('p-full');
    const card = await fixture<CnrProjectCard>(
      html`<cnr-project-card .project=${full} src=${FIXTURE} variant="compact"></cnr-project-card>`,
    );
    await waitUntil(() => textOf(card).includes('Territoire Vosges, Épinal'), 'territory names');
    const text = textOf(card);
    expect(text).to.contain('Téléconsultation assistée dans les Vosges');
    expect(text).to.contain('Statut : En cours');
    expect(text).to.contain('Porté par Centre hospitalier d’Épinal');
    for (const absent of ['Partenaires', 'Objectifs', 'Publics', 'Source', 'Accès à un médecin traitant', 'Lieu']) {
      expect(text).to.not.contain(absent);
    }
    await expect(card).to.be.accessible();
  });

  it('collapses long objectives behind « Lire plus », operable with the keyboard', async () => {
    const full = await fixtureProject('p-full');
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card .project=${full}></cnr-project-card>`);
    const toggle = $(card, 'button[part="toggle"]')!;
    const region = $(card, `#${toggle.getAttribute('aria-controls')}`)!;
    expect(region !== null, 'aria-controls names the objectives').to.equal(true);
    expect(toggle.textContent!.trim()).to.match(/^Lire plus/);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(region.textContent).to.not.contain('Former les infirmières');
    await expect(card).to.be.accessible();

    toggle.focus();
    await press('Enter');
    await card.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.match(/^Lire moins/);
    expect(region.textContent).to.contain('lorsque les cabinets sont fermés.');
    expect(region.textContent).to.contain('Former les infirmières');
    expect(card.shadowRoot!.activeElement === toggle, 'focus on the toggle').to.equal(true);
    await expect(card).to.be.accessible();

    await press(' ');
    await card.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(region.textContent).to.not.contain('Former les infirmières');
  });

  describe('names each control after its project (accessibility tree, as a screen reader gets it)', () => {
    async function twoCards(lang: string) {
      const full = await fixtureProject('p-full');
      const other: Project = { ...full, id: 'p-autre', title: 'Bus dentaire' };
      await fixture(html`<div lang=${lang}>
        <cnr-project-card .project=${full}></cnr-project-card><cnr-project-card .project=${other}></cnr-project-card>
      </div>`);
    }

    it('« Lire plus » and « Source » say which project, with the spaces a reader needs (Chromium)', async function () {
      await twoCards('fr');
      const tree = await accessibilityTree();
      if (!tree) this.skip();
      const controls = tree!.filter((node) => CONTROL_ROLES.includes(node.role));
      const names = controls.map((node) => node.name);
      expect(names).to.include.members([
        'Lire plus (objectifs de «\u00a0Téléconsultation assistée dans les Vosges\u00a0»)',
        'Lire plus (objectifs de «\u00a0Bus dentaire\u00a0»)',
        'Source du projet «\u00a0Téléconsultation assistée dans les Vosges\u00a0»',
        'Source du projet «\u00a0Bus dentaire\u00a0»',
      ]);
      // No two controls of the page share a name; none runs words together.
      expect(names.filter((name, i) => name !== '' && names.indexOf(name) !== i)).to.deep.equal([]);
      expect(runTogether(controls)).to.deep.equal([]);
    });

    it('in English too (Chromium)', async function () {
      await twoCards('en');
      const tree = await accessibilityTree();
      if (!tree) this.skip();
      const names = tree!.filter((node) => CONTROL_ROLES.includes(node.role)).map((node) => node.name);
      expect(names).to.include.members([
        'Read more (objectives of « Bus dentaire »)',
        'Source of the project « Bus dentaire »',
      ]);
      expect(names.filter((name, i) => name !== '' && names.indexOf(name) !== i)).to.deep.equal([]);
    });
  });

  it('keeps hostile text inert and within its container', async () => {
    const word = 'W'.repeat(5000);
    const hostile: Project = {
      ...project,
      title: `<img src=x onerror="window.__pwned=1"> ${word}`,
      porteurs: ['\u202Eévil porteur', '<script>window.__pwned=2</script>'],
      partenaires: [word],
      objectifs: [`<b>gras</b> ${word}`],
      place: '\u202Eplace',
      source: { document: 'doc', excerpt: `<iframe src="javascript:alert(1)"></iframe>${word}` },
      url: 'javascript:alert(1)',
    };
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><cnr-project-card .project=${hostile}></cnr-project-card></div>`,
    );
    const card = wrapper.querySelector('cnr-project-card')!;
    await card.updateComplete;
    const root = card.shadowRoot!;
    expect(root.querySelector('img, script, iframe, b') === null).to.equal(true);
    expect(root.querySelector('a[href^="javascript"]') === null, 'no javascript: link').to.equal(true);
    expect(textOf(card)).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    // The RTL override stays inside its own isolated span.
    const porteurs = [...root.querySelectorAll('[part="porteurs"] dd span')];
    expect(porteurs).to.have.length(2);
    expect(porteurs.every((span) => span.getAttribute('dir') === 'auto')).to.equal(true);
    // Layout holds: nothing wider than the 320 px container.
    expect(card.getBoundingClientRect().width).to.be.at.most(320);
    const base = root.querySelector<HTMLElement>('[part="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(card).to.be.accessible();
  });

  it('renders a project with only its required fields cleanly', async () => {
    const bare: Project = {
      id: 'bare',
      thematique: 'sante',
      title: 'Projet minimal',
      porteurs: [],
      axes: [],
      territories: ['commune:00000'],
      source: { document: 'doc-inconnu', excerpt: 'Passage.' },
    };
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card .project=${bare}></cnr-project-card>`);
    await aTimeout(50);
    const text = textOf(card);
    expect(text).to.not.match(/undefined|null|NaN/);
    expect($(card, '[part="badges"]') === null, 'no empty badge list').to.equal(true);
    expect(card.shadowRoot!.querySelectorAll('dt')).to.have.length(1);
    expect(text).to.contain('Territoire commune 00000');
    expect($(card, 'cite')!.textContent).to.equal('doc-inconnu');
    await expect(card).to.be.accessible();
  });

  it('still shows the project when the name lookups fail', async () => {
    const full = await fixtureProject('p-full');
    const client = spyClient(createClient({ src: FIXTURE }), ['territories', 'axes', 'documents', 'load']);
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card .project=${full} .client=${client}></cnr-project-card>`);
    await waitUntil(() => client.calls.includes('territories') && client.calls.includes('documents'), 'lookups tried');
    await aTimeout(20);
    expect(textOf(card)).to.contain('Territoire département 88, commune 88160');
    expect($(card, '[role="heading"]')!.textContent).to.equal('Téléconsultation assistée dans les Vosges');
    expect($(card, '[part="error"]') === null).to.equal(true);
    await expect(card).to.be.accessible();
  });

  it('resolves project-id through a provider, with a loading state', async () => {
    const provider = await fixture(html`
      <cnr-provider src=${FIXTURE}><cnr-project-card project-id="p-full"></cnr-project-card></cnr-provider>
    `);
    const card = provider.querySelector('cnr-project-card')!;
    if ($(card, '[part="skeleton"]')) await expect(card).to.be.accessible();
    await waitUntil(() => $(card, '[role="heading"]') !== null, 'project loaded');
    expect($(card, '[role="heading"]')!.textContent).to.equal('Téléconsultation assistée dans les Vosges');
    await waitUntil(() => textOf(card).includes('Vosges, Épinal'), 'names');
    await expect(card).to.be.accessible();
  });

  it('shows a loading skeleton while the project loads', async () => {
    const hanging: CnrClient = { ...createClient({ src: FIXTURE }), project: () => new Promise(() => undefined) };
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card project-id="p-full" .client=${hanging}></cnr-project-card>`);
    const skeleton = $(card, '[part="skeleton"]')!;
    expect(skeleton.getAttribute('role')).to.equal('status');
    expect(squash(skeleton.textContent)).to.equal('Chargement des données…');
    expect(skeleton.getBoundingClientRect().height).to.be.above(100);
    await expect(card).to.be.accessible();
  });

  it('loaded by project-id, keeps the height its skeleton reserved (no layout shift)', async () => {
    // The default reserve for a compact card; for this long full card, the page's (--cnr-project-card-min-height).
    for (const [variant, reserve] of [
      ['compact', ''],
      ['full', '--cnr-project-card-min-height: 50rem'],
    ]) {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const base = createClient({ src: `${FIXTURE}?${variant}` });
      const held: CnrClient = { ...base, project: async (...args) => (await gate, base.project(...args)) };
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style=${`width: 400px; ${reserve}`}>
          <cnr-project-card project-id="p-full" variant=${variant} .client=${held}></cnr-project-card>
          <p>Après</p>
        </div>`,
      );
      const card = wrapper.querySelector('cnr-project-card')!;
      await card.updateComplete;
      const after = wrapper.querySelector('p')!;
      const before = [card.getBoundingClientRect().height, after.getBoundingClientRect().top];
      expect(before[0], variant).to.equal(variant === 'full' ? 800 : 192);
      release();
      await waitUntil(() => $(card, '[role="heading"]') !== null, 'project loaded');
      // The names (territories, documents) arrive after the project: the card does not grow then either.
      await waitUntil(() => textOf(card).includes('Vosges'), 'names');
      expect([card.getBoundingClientRect().height, after.getBoundingClientRect().top], variant).to.deep.equal(before);
    }
  });

  it('says when no project has the id', async () => {
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card project-id="nope" src=${FIXTURE}></cnr-project-card>`);
    await waitUntil(() => textOf(card).includes('introuvable'), 'not found');
    expect(textOf(card)).to.equal('Ce projet est introuvable dans la source de données.');
    await expect(card).to.be.accessible();
  });

  it('shows an error with a retry button when the source fails', async () => {
    const errored = new Promise<Event>((resolve) => document.addEventListener('cnr-error', resolve, { once: true }));
    const card = await fixture<CnrProjectCard>(
      html`<cnr-project-card project-id="p-full" src="/packages/elements/test/fixtures/list-absent-404.json"></cnr-project-card>`,
    );
    await errored;
    await waitUntil(() => $(card, '[part="error"]') !== null, 'error shown');
    expect($(card, '[part="retry-button"]')!.textContent).to.equal('Réessayer');
    await expect(card).to.be.accessible();
  });

  it('fires cnr-project-select from « Voir le projet », with the keyboard', async () => {
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card .project=${project} selectable></cnr-project-card>`);
    const button = $(card, '[part="select-button"]')!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Voir le projet « ${project.title} »`);
    button.focus();
    const selected = oneEvent(document, 'cnr-project-select');
    await press('Enter');
    const event = await selected;
    expect(event.detail).to.deep.equal({ id: project.id });
    expect(event.composed).to.equal(true);
    await expect(card).to.be.accessible();
  });

  it('has no « Voir le projet » unless selectable', async () => {
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card .project=${project}></cnr-project-card>`);
    expect($(card, '[part="select-button"]') === null).to.equal(true);
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(html`<div lang="en"><cnr-project-card .project=${project} selectable></cnr-project-card></div>`);
    const card = wrapper.querySelector('cnr-project-card')!;
    await card.updateComplete;
    expect(textOf(card)).to.contain('Status: In progress');
    expect(textOf(card)).to.contain('Led by');
    expect(textOf(card)).to.contain('View the project');
  });

  it('renders nothing without a project', async () => {
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card></cnr-project-card>`);
    expect(textOf(card)).to.equal('');
  });
});
