// The problems report on demand (failure-details.test.ts for the failure path): the
// data task of a widget whose data comes with records left out waits for the
// failure path's module, so that the notice (show-problems) comes in the render
// that shows the data, never one round trip after it. A test page of its own:
// the module is not loaded before.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { squash } from '../../test/data-widget-suite.js';
import { recordShadow } from '../../test/helpers.js';
import '../define/funding-counter.js';
import { failureDetails } from './states.js';

const fresh = (url: string) => `${url}?t=${Date.now()}`;

describe('the problems report on demand', () => {
  it('records left out: the notice comes in the render that shows the data (show-problems)', async () => {
    expect(failureDetails(), 'not loaded before').to.equal(undefined);
    const counter = await fixture<HTMLElement>(html`<cnr-funding-counter src=${fresh('/packages/elements/test/fixtures/figures-partial.json')} show-problems></cnr-funding-counter>`);
    const states = recordShadow(counter, (root) => ({ amount: root.querySelector('[part="amount"]') !== null, problems: squash(root.querySelector('[part~="problems"] summary')?.textContent) }));
    await waitUntil(() => counter.shadowRoot?.querySelector('[part~="problems"]'), 'the notice', { timeout: 8000 });
    states.stop();
    const withAmount = states.states.filter((state) => state.amount);
    expect(withAmount.length).to.be.greaterThan(0);
    expect(withAmount.every((state) => state.problems === '2 enregistrements écartés ou incomplets'), JSON.stringify(withAmount)).to.equal(true);
  });
});
