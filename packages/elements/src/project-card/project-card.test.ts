import type { Project } from '@cnr-widgets/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import '../define/project-card.js';
import type { CnrProjectCard } from './project-card.component.js';

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

function textOf(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<cnr-project-card>', () => {
  it('shows the title as a heading, the status and the porteurs', async () => {
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card .project=${project}></cnr-project-card>`);
    const heading = card.shadowRoot!.querySelector('[role="heading"]')!;
    expect(heading.textContent).to.equal(project.title);
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(textOf(card)).to.contain('Statut : En cours');
    expect(textOf(card)).to.contain('Porté par Centre hospitalier, Communauté professionnelle territoriale de santé');
    await expect(card).to.be.accessible();
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(html`<div lang="en"><cnr-project-card .project=${project}></cnr-project-card></div>`);
    const card = wrapper.querySelector('cnr-project-card')!;
    await card.updateComplete;
    expect(textOf(card)).to.contain('Status : In progress');
    expect(textOf(card)).to.contain('Led by');
  });

  it('renders hostile text as text', async () => {
    const hostile = { ...project, title: '<img src=x onerror="window.__pwned=1">', porteurs: [] };
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card .project=${hostile}></cnr-project-card>`);
    expect(card.shadowRoot!.querySelector('img')).to.equal(null);
    expect(textOf(card)).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(card).to.be.accessible();
  });

  it('renders nothing without a project', async () => {
    const card = await fixture<CnrProjectCard>(html`<cnr-project-card></cnr-project-card>`);
    expect(textOf(card)).to.equal('');
  });
});
