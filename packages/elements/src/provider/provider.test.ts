import type { ProjectFilters } from '@cnr-widgets/sdk';
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { filtersFromAttributes } from '../base/filters.js';
import { SourceController, type SourceHost } from '../base/source.js';
import '../define/provider.js';
import type { CnrProvider } from './provider.component.js';

/** A minimal widget that shows the filters it is linked to. */
class FilterProbe extends LitElement implements SourceHost {
  static override properties = { provider: {}, territory: {} };
  declare provider: string | undefined;
  declare territory: string | undefined;
  readonly linked = new SourceController(this, () => filtersFromAttributes({ territory: this.territory }));
  override render() {
    return html`<output>${JSON.stringify(this.linked.filters)}</output>`;
  }
}
customElements.define('test-filter-probe', FilterProbe);

function shown(probe: Element): ProjectFilters {
  return JSON.parse(probe.shadowRoot!.querySelector('output')!.textContent!) as ProjectFilters;
}

describe('<cnr-provider>', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
  });

  it('gives its initial filters to the widgets inside it', async () => {
    const provider = await fixture<CnrProvider>(html`
      <cnr-provider territory="44" axis="sante-1, sante-2" status="en-cours,bogus">
        <test-filter-probe></test-filter-probe>
      </cnr-provider>
    `);
    const probe = provider.querySelector('test-filter-probe')!;
    await nextFrame();
    expect(shown(probe)).to.deep.equal({
      thematique: 'sante',
      territory: '44',
      axes: ['sante-1', 'sante-2'],
      statuses: ['en-cours'],
    });
  });

  it('links the widgets inside it when it is defined after them (script order)', async () => {
    const root = await fixture(html`
      <div>
        <test-late-provider territory="region:53"><test-filter-probe></test-filter-probe></test-late-provider>
      </div>
    `);
    const probe = root.querySelector<FilterProbe>('test-filter-probe')!;
    expect(shown(probe).territory).to.equal(undefined);
    const Provider = customElements.get('cnr-provider') as typeof CnrProvider;
    customElements.define('test-late-provider', class extends Provider {});
    await nextFrame();
    await probe.updateComplete;
    expect(shown(probe).territory).to.equal('region:53');
    (root.querySelector('test-late-provider') as CnrProvider).setFilters({ territory: 'departement:29' });
    await probe.updateComplete;
    expect(shown(probe).territory).to.equal('departement:29');
  });

  it('links a widget elsewhere on the page through provider="<id>"', async () => {
    const root = await fixture(html`
      <div>
        <section><cnr-provider id="shared" territory="57"></cnr-provider></section>
        <aside><test-filter-probe provider="shared"></test-filter-probe></aside>
      </div>
    `);
    const probe = root.querySelector('test-filter-probe')!;
    const provider = root.querySelector('cnr-provider')!;
    await nextFrame();
    expect(shown(probe).territory).to.equal('57');
    provider.setFilters({ territory: '88', axes: ['sante-4'] });
    await (probe as FilterProbe).updateComplete;
    expect(shown(probe)).to.deep.equal({ thematique: 'sante', territory: '88', axes: ['sante-4'] });
  });

  it('follows a change of the widget’s provider attribute, set before or after its first render', async () => {
    const root = await fixture(html`
      <div>
        <cnr-provider id="first" territory="57"></cnr-provider>
        <cnr-provider id="second" territory="88"></cnr-provider>
      </div>
    `);
    const probe = document.createElement('test-filter-probe') as FilterProbe;
    root.append(probe);
    probe.provider = 'first';
    await probe.updateComplete;
    await nextFrame();
    expect(shown(probe).territory).to.equal('57');
    probe.provider = 'second';
    await probe.updateComplete;
    await nextFrame();
    expect(shown(probe).territory).to.equal('88');
    probe.removeAttribute('provider');
    probe.provider = undefined;
    await probe.updateComplete;
    expect(shown(probe).territory).to.equal(undefined);
  });

  it('lets a widget attribute take precedence over the shared filter', async () => {
    const provider = await fixture<CnrProvider>(html`
      <cnr-provider territory="44"><test-filter-probe territory="88"></test-filter-probe></cnr-provider>
    `);
    await nextFrame();
    expect(shown(provider.querySelector('test-filter-probe')!).territory).to.equal('88');
  });

  it('with sync-url, writes user changes to the query string and restores them on back', async () => {
    history.replaceState(null, '', `${location.pathname}?page=2`);
    const provider = await fixture<CnrProvider>(html`
      <cnr-provider sync-url territory="44"><test-filter-probe></test-filter-probe></cnr-provider>
    `);
    const probe = provider.querySelector('test-filter-probe') as FilterProbe;
    provider.setFilters({ territory: '88', axes: ['sante-1'] });
    const params = new URL(location.href).searchParams;
    expect(params.get('page')).to.equal('2');
    expect(params.get('cnr-territoire')).to.equal('88');
    expect(params.get('cnr-axe')).to.equal('sante-1');

    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await probe.updateComplete;
    expect(shown(probe).territory).to.equal('44');
  });

  it('reads the filters of a shared link on load', async () => {
    history.replaceState(null, '', `${location.pathname}?cnr-territoire=2A&cnr-statut=realise`);
    const provider = await fixture<CnrProvider>(html`<cnr-provider sync-url territory="44"></cnr-provider>`);
    expect(provider.filters).to.deep.equal({ thematique: 'sante', territory: '2A', statuses: ['realise'] });
  });

  it('keeps its own filters when not linked', async () => {
    const probe = await fixture<FilterProbe>(html`<test-filter-probe territory="57"></test-filter-probe>`);
    expect(shown(probe).territory).to.equal('57');
    probe.linked.setFilters({ territory: '88' });
    await probe.updateComplete;
    expect(shown(probe).territory).to.equal('88');
    // The user may clear a filter the attributes set…
    probe.linked.setFilters({ thematique: 'sante' });
    await probe.updateComplete;
    expect(shown(probe).territory).to.equal(undefined);
    // …until the page sets the attribute again.
    probe.territory = '2A';
    await probe.updateComplete;
    expect(shown(probe).territory).to.equal('2A');
  });

  it('shows nothing of its own and passes axe', async () => {
    const provider = await fixture<CnrProvider>(html`<cnr-provider><p>Contenu</p></cnr-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });

  it('spaces the widgets pasted in it (--cnr-gap, 1.5rem by default), and nothing else of the page', async () => {
    // Undefined tags lay out as the widgets do (the gap is the provider's, not the widgets'); the page's own
    // paragraph keeps its margins, and a widget first in the provider gets no gap above it.
    const sheetsBefore = document.styleSheets.length;
    const wrapper = await fixture<HTMLDivElement>(html`<div style="display: flow-root">
      <cnr-provider>
        <cnr-funding-counter style="display: block; height: 40px"></cnr-funding-counter>
        <cnr-project-list style="display: block; height: 40px"></cnr-project-list>
        <p style="margin: 0; height: 40px">Texte de la page</p>
        <cnr-axis-filter style="display: block; height: 40px"></cnr-axis-filter>
      </cnr-provider>
    </div>`);
    const top = (selector: string) => wrapper.querySelector(selector)!.getBoundingClientRect().top - wrapper.getBoundingClientRect().top;
    expect([top('cnr-funding-counter'), top('cnr-project-list'), top('p'), top('cnr-axis-filter')]).to.deep.equal([0, 64, 104, 168]);
    wrapper.querySelector('cnr-provider')!.setAttribute('style', '--cnr-gap: 0.5rem');
    expect([top('cnr-project-list'), top('p'), top('cnr-axis-filter')]).to.deep.equal([48, 88, 136]);
    // Widgets outside a provider, and the page's own elements, get nothing.
    const alone = await fixture<HTMLDivElement>(
      html`<div style="display: flow-root"><cnr-funding-counter style="display: block; height: 40px"></cnr-funding-counter><cnr-project-list style="display: block; height: 40px"></cnr-project-list></div>`,
    );
    expect(alone.querySelector('cnr-project-list')!.getBoundingClientRect().top - alone.getBoundingClientRect().top).to.equal(40);
    expect(document.styleSheets.length, 'no style sheet added to the page').to.equal(sheetsBefore);
  });
});
