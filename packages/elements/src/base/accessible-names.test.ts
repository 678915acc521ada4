// Accessible names across the widgets, as Chromium computes them for screen
// readers (issue 15: names that ran words together while the text on screen
// was right). Firefox and WebKit expose no accessibility tree to the test
// runner: these tests are skipped there.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/axis-filter.js';
import '../define/key-figures.js';
import '../define/project-list.js';
import '../define/provider.js';
import '../define/territory-map.js';
import { accessibilityTree, CONTROL_ROLES, runTogether } from '../../test/accessibility-tree.js';

async function rendered(host: Element, selector: string): Promise<void> {
  await waitUntil(() => host.shadowRoot?.querySelector(selector), `${host.localName} did not render ${selector}`, { timeout: 8000 });
}

describe('accessible names (Chromium)', () => {
  it('the empty list’s buttons read « Retirer le filtre territoire « Vosges » », words apart', async function () {
    const list = await fixture(html`<cnr-project-list territory="departement:88" q="zzzz"></cnr-project-list>`);
    await rendered(list, '[part="relax-button"]');
    await waitUntil(() => list.shadowRoot!.querySelector('[part="relax-button"]')!.textContent!.includes('Vosges'), 'no territory name');
    const tree = await accessibilityTree();
    if (!tree) this.skip();
    const buttons = tree!.filter((node) => node.role === 'button').map((node) => node.name);
    expect(buttons).to.include.members([
      'Retirer le filtre territoire «\u00a0Vosges\u00a0»',
      'Retirer le filtre recherche «\u00a0zzzz\u00a0»',
      'Retirer tous ces filtres',
    ]);
    expect(runTogether(tree!)).to.deep.equal([]);
  });

  it('a page of key figures, axis filter and full cards: no control name runs words together or repeats', async function () {
    const provider = await fixture(html`<cnr-provider territory="region:44">
      <cnr-key-figures></cnr-key-figures>
      <cnr-key-figures territory="region:93"></cnr-key-figures>
      <cnr-axis-filter></cnr-axis-filter>
      <cnr-project-list card-variant="full"></cnr-project-list>
    </cnr-provider>`);
    const list = provider.querySelector('cnr-project-list')!;
    await rendered(list, 'cnr-project-card');
    for (const figures of provider.querySelectorAll('cnr-key-figures')) await rendered(figures, '[part="sources-button"]');
    await rendered(provider.querySelector('cnr-axis-filter')!, 'fieldset, [part="note"]');
    const cards = [...list.shadowRoot!.querySelectorAll('cnr-project-card')];
    await waitUntil(() => cards.every((card) => card.shadowRoot?.querySelector('[part="source"]')), 'cards not rendered');
    const tree = await accessibilityTree();
    if (!tree) this.skip();
    const controls = tree!.filter((node) => CONTROL_ROLES.includes(node.role) && node.name !== '');
    const names = controls.map((node) => node.name);
    expect(names.filter((name) => name.startsWith('Lire plus')).length).to.be.greaterThan(1);
    expect(names).to.include.members([
      'Sources (chiffres\u202f: Grand Est)',
      "Sources (chiffres\u202f: Provence-Alpes-Côte d'Azur)",
    ]);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).to.deep.equal([]);
    expect(runTogether(tree!)).to.deep.equal([]);
  });

  it('the map’s table and group read their words apart (« Nombre de projets par département »)', async function () {
    const map = await fixture(html`<cnr-territory-map level="department" territory="region:44" table-open></cnr-territory-map>`);
    await rendered(map, 'table caption');
    await rendered(map, '[part="territory"]');
    const tree = await accessibilityTree();
    if (!tree) this.skip();
    const tables = tree!.filter((node) => node.role === 'table').map((node) => node.name.replace(/\s+/g, ' ').trim());
    expect(tables).to.deep.equal(['Nombre de projets par département']);
    expect(runTogether(tree!)).to.deep.equal([]);
  });
});
