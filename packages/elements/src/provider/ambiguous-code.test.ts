// A bare territory code that is both a région and a département code (issue 12):
// read as the région, as documented, with one console warning for the page that
// names both readings and the ids to write — however many widgets read it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/index.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('an ambiguous bare territory code', () => {
  it('« 28 » is read as the région Normandie, and the page gets one warning naming both readings', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (text.includes('« 28 »')) warnings.push(text);
      else original.apply(console, args);
    };
    try {
      const page = await fixture(html`<div>
        <cnr-provider territory="28">
          <cnr-project-list></cnr-project-list>
          <cnr-funding-counter></cnr-funding-counter>
          <cnr-key-figures></cnr-key-figures>
        </cnr-provider>
        <cnr-project-list territory="28"></cnr-project-list>
      </div>`);
      const lists = [...page.querySelectorAll('cnr-project-list')];
      await waitUntil(
        () => lists.every((list) => /projets?$/.test(squash(list.shadowRoot?.querySelector('[part="count"]')?.textContent))),
        'both lists counted',
        { timeout: 8000 },
      );
      const keyFigures = page.querySelector('cnr-key-figures')!;
      await waitUntil(() => squash(keyFigures.shadowRoot?.textContent).includes('Normandie'), 'the key figures name the région', { timeout: 8000 });
      expect(warnings.length, warnings.join('\n')).to.equal(1);
      expect(warnings[0]).to.contain('région Normandie (region:28)');
      expect(warnings[0]).to.contain('département Eure-et-Loir (departement:28)');
      expect(warnings[0]).to.contain('écrivez « region:28 » ou « departement:28 »');
    } finally {
      console.warn = original;
    }
  });
});
