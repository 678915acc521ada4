// Two copies of the library on one page, and a tag the host defined first
// with its own class: no exception, one warning per tag a copy could not
// register, and the copy that registered first keeps working.
//
// `?copy=2` is a second, separate copy of every module of the packages (the
// test server's moduleCopiesPlugin): its own classes and its own
// `defineElement`, as a second bundle would have.
import { expect, html, waitUntil } from '@open-wc/testing';
import { browserName, describeWatch, listCount, mount, TAGS, watchPage, type PageWatch } from './helpers.js';

// The eager CDN entry (defines every element, exports the classes): two copies of it are two bundles.
const ENTRY = '/packages/elements/src/cdn-all.ts';
const DEFINE = '/packages/elements/src/define/index.ts';

class HostCard extends HTMLElement {}

function warningsPerTag(watch: PageWatch): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const args of watch.warnings) {
    const tag = /<(cnr-[a-z-]+)>/.exec(String(args[0]))?.[1];
    if (tag) counts[tag] = (counts[tag] ?? 0) + 1;
  }
  return counts;
}

describe(`two copies of the library and a host-defined tag (${browserName})`, function () {
  this.timeout(20_000);
  let watch: PageWatch;

  before(() => {
    watch = watchPage();
    customElements.define('cnr-project-card', HostCard);
  });

  after(() => watch.stop());

  it('imports the first copy without an exception, warning once for the tag the host took', async () => {
    await import(/* @vite-ignore */ ENTRY);
    expect(customElements.get('cnr-project-card')).to.equal(HostCard);
    for (const tag of TAGS.filter((t) => t !== 'cnr-project-card')) expect(customElements.get(tag), tag).to.be.a('function');
    expect(warningsPerTag(watch)).to.deep.equal({ 'cnr-project-card': 1 });
    expect(watch.warnings.length, JSON.stringify(watch.warnings)).to.equal(1);
  });

  it('adds no warning when the same copy is imported again', async () => {
    await import(/* @vite-ignore */ ENTRY);
    await import(/* @vite-ignore */ DEFINE);
    expect(watch.warnings.length).to.equal(1);
  });

  it('imports a second copy without an exception, warning exactly once per tag', async () => {
    const first = Object.fromEntries(TAGS.map((tag) => [tag, customElements.get(tag)]));
    const second = (await import(/* @vite-ignore */ `${ENTRY}?copy=2`)) as Record<string, unknown>;
    // A separate copy indeed: its classes are not the registered ones.
    expect(second['CnrProjectList']).to.be.a('function');
    expect(second['CnrProjectList']).not.to.equal(first['cnr-project-list']);
    // The first registrations stand.
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.equal(first[tag]);
    // The second copy warns once for each of the seven tags; the first copy warned for the host's tag.
    expect(warningsPerTag(watch)).to.deep.equal({ ...Object.fromEntries(TAGS.map((tag) => [tag, 1])), 'cnr-project-card': 2 });
    // Importing it again adds nothing.
    await import(/* @vite-ignore */ `${ENTRY}?copy=2`);
    expect(watch.warnings.length).to.equal(8);
  });

  it('still works: the registered list renders', async () => {
    const list = mount(html`<cnr-project-list page-size="3"></cnr-project-list>`);
    await waitUntil(() => listCount(list) === '20 projets', `list rendered (« ${listCount(list)} »)`, { timeout: 10_000 });
    list.parentElement!.remove();
  });

  it('raises no exception and logs no error', () => {
    expect(watch.errors.length + watch.rejections.length + watch.exceptions.length, describeWatch(watch)).to.equal(0);
  });
});
