// The failure path on demand (issue 14, sizes): what a failed load's fault is and
// the problems report come in a module of their own (failure-details.ts), which a
// page whose data loads well never fetches. The data tasks wait for it before
// they settle: the first alert of a failure is whole (with the fault), and the
// records left out show in the same render as the data. Each render of the
// widget's shadow root is recorded through a MutationObserver, so that no
// intermediate state can slip between two polls. (One test page: the module is
// loaded once, by the first failure here.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { squash } from '../../test/data-widget-suite.js';
import { recordShadow, stubFetch } from '../../test/helpers.js';
import '../define/project-list.js';
import { failureDetails } from './states.js';

let unique = 0;

describe('the failure path on demand', () => {
  it('a page whose data loads well does not load it', async () => {
    const list = await fixture<HTMLElement>(html`<cnr-project-list territory="departement:57"></cnr-project-list>`);
    await waitUntil(() => squash(list.shadowRoot?.querySelector('[part~="count"]')?.textContent) !== '', 'the count', { timeout: 8000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(failureDetails(), 'the failure module').to.equal(undefined);
  });

  it('a first failure: the first alert says the fault at once (loaded before the task settles)', async () => {
    const restore = stubFetch((url) => (url.includes('/__failure-path/') ? Promise.resolve(new Response('introuvable', { status: 404 })) : undefined));
    try {
      expect(failureDetails(), 'not loaded before the failure').to.equal(undefined);
      const list = await fixture<HTMLElement>(html`<cnr-project-list src=${`/__failure-path/absent-${++unique}.json`}></cnr-project-list>`);
      const alerts = recordShadow(list, (root) => squash(root.querySelector('[role="alert"]')?.textContent));
      await waitUntil(() => list.shadowRoot?.querySelector('[part~="error"]'), 'the error', { timeout: 8000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      alerts.stop();
      const said = [...new Set(alerts.states.filter((text) => text !== ''))];
      // One text, from its first render: the failure and its fault, then nothing else.
      expect(said.length, said.join(' | ')).to.equal(1);
      expect(said[0]).to.contain('Les données n’ont pas pu être chargées.');
      expect(said[0]).to.contain('Rien à cette adresse (erreur 404)');
      expect(said[0]).to.contain('absent-');
      expect(failureDetails(), 'loaded by the failure').to.not.equal(undefined);
    } finally {
      restore();
    }
  });
  it('in English: the failure, its fault and the button\'s name', async () => {
    const restore = stubFetch((url) => (url.includes('/__failure-path/') ? Promise.resolve(new Response('missing', { status: 404 })) : undefined));
    try {
      const list = await fixture<HTMLElement>(html`<cnr-project-list lang="en" src=${`/__failure-path/absent-${++unique}.json`}></cnr-project-list>`);
      await waitUntil(() => list.shadowRoot?.querySelector('[part~="error"]'), 'the error', { timeout: 8000 });
      const alert = squash(list.shadowRoot!.querySelector('[role="alert"]')?.textContent);
      expect(alert).to.contain('The data could not be loaded.');
      expect(alert).to.contain('Nothing at this address (error 404)');
      expect(list.shadowRoot!.querySelector('[part~="retry-button"]')!.getAttribute('aria-label')).to.equal('Try again to load the projects');
    } finally {
      restore();
    }
  });
});
