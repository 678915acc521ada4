// A widget inside a `<cnr-provider>` whose module was never loaded (an application that imported
// one element's module only) waits for it: the console says why it shows nothing, once.
// This file defines the list only: `cnr-provider` stays undefined in its page.
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../define/project-list.js';
import { PROVIDER_WAIT_WARNING_MS } from './data-task.js';

describe('a widget inside an undefined <cnr-provider>', () => {
  it('waits, and the console names the missing module once', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      await fixture(html`<cnr-provider territory="region:44">
        <cnr-project-list></cnr-project-list>
        <cnr-project-list page-size="3"></cnr-project-list>
      </cnr-provider>`);
      expect(customElements.get('cnr-provider')).to.equal(undefined);
      await new Promise((resolve) => setTimeout(resolve, PROVIDER_WAIT_WARNING_MS + 300));
    } finally {
      console.warn = original;
    }
    const about = warnings.filter((text) => text.includes('<cnr-provider>'));
    expect(about).to.have.length(1);
    expect(about[0]).to.contain('<cnr-project-list>').and.contain('@cnr-widgets/elements/provider.js');
  });
});
