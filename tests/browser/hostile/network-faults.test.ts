// Network faults through the test server's fault middleware (/__faults/…):
// 500, 429 with Retry-After, a server too slow (timeout), malformed JSON, a
// truncated body, and a source that goes down after a first load. The widgets
// show a retry button, keep the last good data (marked stale) after a failed
// refresh, fire `cnr-error`, and neither log an error nor leave a rejection.
import { expect, html, waitUntil } from '@open-wc/testing';
import { createClient } from '../../../packages/sdk/src/index.js';
import { clientFor } from '../../../packages/elements/src/base/clients.js';
import '../../../packages/elements/src/define/index.js';
import type { CnrProjectList } from '../../../packages/elements/src/project-list/project-list.component.js';
import {
  browserName,
  describeWatch,
  faultStats,
  faultUrl,
  listCount,
  listLoaded,
  mount,
  pause,
  sendKeys,
  shadow,
  squash,
  TAGS,
  uid,
  watchPage,
  type PageWatch,
} from './helpers.js';

const retryButton = (element: Element) =>
  [...shadow(element).querySelectorAll<HTMLButtonElement>('[part="retry-button"]')].find((b) => squash(b.textContent) === 'Réessayer');
const errorBox = (element: Element) => shadow(element).querySelector<HTMLElement>('[part="error"]');
const staleNotice = (element: Element) => shadow(element).querySelector<HTMLElement>('[part="stale-notice"]');

/** `element` shows its error with « Réessayer »: its own alert when alone; inside a provider a plain box (the provider announces). */
async function showsRetry(element: Element, timeout = 8000, alone = true): Promise<void> {
  await waitUntil(() => errorBox(element) && retryButton(element), `<${element.localName}> shows « Réessayer »`, { timeout });
  expect(errorBox(element)!.getAttribute('role')).to.equal(alone ? 'alert' : null);
}

describe(`network faults (${browserName})`, function () {
  this.timeout(30_000);
  let watch: PageWatch;
  let errors: CustomEvent<{ error: Error }>[];
  let mounted: Element[];
  const onError = (event: Event) => errors.push(event as CustomEvent<{ error: Error }>);

  const list = (src: string) => {
    const element = mount<CnrProjectList>(html`<cnr-project-list src=${src} page-size="5"></cnr-project-list>`);
    mounted.push(element);
    return element;
  };

  beforeEach(() => {
    watch = watchPage();
    errors = [];
    mounted = [];
    document.addEventListener('cnr-error', onError);
  });

  afterEach(() => {
    for (const element of mounted) element.parentElement?.remove();
    document.removeEventListener('cnr-error', onError);
    watch.stop();
  });

  const quiet = () => expect(watch.errors.length + watch.rejections.length + watch.exceptions.length, describeWatch(watch)).to.equal(0);

  it('500: retries twice, then shows « Réessayer », which asks again', async () => {
    const id = uid('500');
    const element = list(faultUrl('500', id));
    await showsRetry(element);
    expect((await faultStats(id)).requests, 'one request and two retries').to.equal(3);
    expect(errors.length).to.be.greaterThan(0);
    expect(errors[0]!.detail.error.name).to.equal('CnrHttpError');
    expect(squash(errorBox(element)!.textContent)).to.contain('Les données n’ont pas pu être chargées.');
    retryButton(element)!.click();
    // Three more requests, two of them after the backoff (about 300 + 600 ms): more than waitUntil's default second.
    await waitUntil(async () => (await faultStats(id)).requests === 6, 'the retry asked the server again', { timeout: 5000 });
    await showsRetry(element);
    quiet();
  });

  it('500: every widget of a provider shows « Réessayer »', async () => {
    const src = faultUrl('500', uid('500-all'));
    const page = mount(html`<cnr-provider src=${src}>
      <cnr-axis-filter></cnr-axis-filter>
      <cnr-territory-map></cnr-territory-map>
      <cnr-funding-counter></cnr-funding-counter>
      <cnr-key-figures></cnr-key-figures>
      <cnr-project-list></cnr-project-list>
    </cnr-provider>`);
    mounted.push(page);
    const widgets = [...page.querySelectorAll(TAGS.filter((t) => t !== 'cnr-provider').join(','))];
    expect(widgets.length).to.equal(5);
    for (const widget of widgets) await showsRetry(widget, 10_000, false);
    // One alert for the five (issue 15): the provider's, saying the failure once.
    const provider = page.closest('cnr-provider') ?? page.querySelector('cnr-provider')!;
    await waitUntil(() => squash(shadow(provider).querySelector('[role="alert"]')?.textContent) !== '', 'the provider announces the failure', { timeout: 5000 });
    expect(squash(shadow(provider).querySelector('[role="alert"]')!.textContent).split('Les données n’ont pas pu être chargées.').length - 1).to.equal(1);
    quiet();
  });

  it('429 with Retry-After: waits as told, then loads', async () => {
    const id = uid('429');
    const started = performance.now();
    const element = list(faultUrl('429', id, { 'retry-after': 1, times: 1 }));
    await listLoaded(element, '20 projets');
    expect(performance.now() - started, 'waited Retry-After').to.be.at.least(950);
    expect((await faultStats(id)).requests).to.equal(2);
    expect(errors.length).to.equal(0);
    quiet();
  });

  it('429 every time: gives up after its retries and shows « Réessayer »', async () => {
    const id = uid('429-always');
    const element = list(faultUrl('429', id, { 'retry-after': 1 }));
    await showsRetry(element, 10_000);
    expect((await faultStats(id)).requests).to.equal(3);
    quiet();
  });

  it('« Réessayer » recovers once the server is back', async () => {
    const id = uid('recover');
    // Three 500-like refusals use up the first attempt and its two retries; the fourth request succeeds.
    const element = list(faultUrl('429', id, { 'retry-after': 0, times: 3 }));
    await showsRetry(element, 10_000);
    retryButton(element)!.click();
    await listLoaded(element, '20 projets');
    expect(errorBox(element) === null, 'the error is gone').to.equal(true);
    expect((await faultStats(id)).requests).to.equal(4);
    quiet();
  });

  it('slow: the placeholder holds the place, then the data shows', async () => {
    const element = list(faultUrl('slow', uid('slow'), { delay: 1500 }));
    await pause(300);
    const skeleton = shadow(element).querySelector<HTMLElement>('[part="skeleton"][role="status"]');
    expect(skeleton !== null, 'loading placeholder').to.equal(true);
    // Its height comes through the style property (not a style attribute, which a strict CSP blocks).
    expect(skeleton!.style.getPropertyValue('--_skeleton-height')).not.to.equal('');
    expect(skeleton!.hasAttribute('style') && skeleton!.getAttribute('style')!.includes('--_skeleton-height')).to.equal(true);
    await listLoaded(element, '20 projets', 8000);
    quiet();
  });

  it('timeout: a server slower than the client’s timeout gives « Réessayer »', async () => {
    const id = uid('timeout');
    // The SDK's timeout is 10 s by default; a client of its own makes it short.
    const client = createClient({ src: faultUrl('slow', id, { delay: 4000 }), timeout: 400 });
    const element = mount<CnrProjectList>(html`<cnr-project-list .client=${client}></cnr-project-list>`);
    mounted.push(element);
    await showsRetry(element, 8000);
    // The server sees the closed connection a moment after the client gave up: wait for it.
    let stats = await faultStats(id);
    for (let i = 0; i < 40 && stats.aborted === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      stats = await faultStats(id);
    }
    // The SDK does not retry a timeout itself (its error is `retryable`: the button is that retry).
    expect(stats.requests, 'one attempt').to.equal(1);
    expect(stats.aborted, 'given up on: the connection is closed').to.equal(1);
    expect(errors[0]?.detail.error).to.include({ code: 'timeout', retryable: true });
    expect(errors[0]?.detail.error.name).to.equal('CnrHttpError');
    quiet();
  });

  it('malformed JSON: no retry of a body that will not parse, « Réessayer » shown', async () => {
    const id = uid('malformed');
    const element = list(faultUrl('malformed', id));
    await showsRetry(element);
    expect((await faultStats(id)).requests, 'not retried').to.equal(1);
    quiet();
  });

  it('truncated body: « Réessayer »', async () => {
    const id = uid('truncated');
    const element = list(faultUrl('truncated', id));
    await showsRetry(element, 10_000);
    // Broken in the body, after the response came: reported as retryable, left to the button.
    expect((await faultStats(id)).requests).to.equal(1);
    expect(errors[0]?.detail.error).to.include({ name: 'CnrHttpError', retryable: true });
    quiet();
  });

  it('offline after a first load: a failed refresh keeps the last good data, marked stale, with « Réessayer »', async () => {
    const id = uid('flaky');
    const src = faultUrl('flaky', id);
    const element = list(src);
    await listLoaded(element, '20 projets');
    // The page asks the SDK for fresh data; the source is down now.
    const refreshed = await clientFor({ src }).refresh();
    expect(refreshed.stale, 'refresh() answers with the last good data').to.equal(true);
    expect(refreshed.error?.name).to.equal('CnrHttpError');
    // The next query shows it: a search.
    const input = shadow(element).querySelector<HTMLInputElement>('[part="search-input"]')!;
    input.focus();
    await sendKeys({ type: 'dentaire' });
    await waitUntil(() => staleNotice(element), 'stale notice', { timeout: 5000 });
    expect(listCount(element)).not.to.equal('');
    expect(shadow(element).querySelectorAll('cnr-project-card').length, 'last good data shown').to.be.greaterThan(0);
    expect(squash(staleNotice(element)!.textContent)).to.contain('Ces données peuvent ne pas être à jour');
    // Its « Réessayer » asks again; still down: still stale, data still shown.
    const before = (await faultStats(id)).requests;
    retryButton(element)!.click();
    await waitUntil(async () => (await faultStats(id)).requests > before, 'asked again');
    await pause(1500);
    expect(staleNotice(element) !== null, 'still stale').to.equal(true);
    expect(shadow(element).querySelectorAll('cnr-project-card').length).to.be.greaterThan(0);
    expect(errorBox(element) === null, 'no error box over good data').to.equal(true);
    quiet();
  });
});
