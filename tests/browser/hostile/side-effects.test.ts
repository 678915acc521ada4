// No global side effects: what a host page can observe of itself is the same
// before the library is imported and after every widget has rendered and
// been used.
import { expect, html, waitUntil } from '@open-wc/testing';
import { allRendered, browserName, CDN_ENTRY, listCount, mount, shadow, TAGS } from './helpers.js';

/**
 * Globals the dependencies bundled in the CDN build set themselves, not the
 * library's code: Lit's version arrays (to detect several copies), its
 * decorators' metadata map and dev-mode warning set (this test page loads Lit
 * before the snapshot, through @open-wc/testing, so they do not show here),
 * and zod's global configuration and schema registry (zod/mini, in the SDK).
 */
const DEPENDENCY_GLOBALS = [
  'litHtmlVersions',
  'litElementVersions',
  'reactiveElementVersions',
  'litPropertyMetadata',
  'litIssuedWarnings',
  '__zod_globalConfig',
  '__zod_globalRegistry',
];

interface PageState {
  head: string;
  adoptedStyleSheets: number;
  styleSheets: number;
  keys: string[];
  ownNames: string[];
  localStorage: number;
  sessionStorage: number;
  cookie: string;
  htmlAttributes: string;
  bodyAttributes: string;
  title: string;
  href: string;
  historyLength: number;
  databases: string[];
  caches: string[];
}

async function pageState(): Promise<PageState> {
  const attributes = (element: Element) => element.getAttributeNames().map((name) => `${name}=${element.getAttribute(name)}`).join(' ');
  return {
    head: document.head.innerHTML,
    adoptedStyleSheets: document.adoptedStyleSheets.length,
    styleSheets: document.styleSheets.length,
    keys: Object.keys(window).sort(),
    ownNames: Object.getOwnPropertyNames(window).sort(),
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
    htmlAttributes: attributes(document.documentElement),
    bodyAttributes: attributes(document.body),
    title: document.title,
    href: location.href,
    historyLength: history.length,
    databases: 'databases' in indexedDB ? (await indexedDB.databases()).map((db) => db.name ?? '').sort() : [],
    caches: 'caches' in window ? (await caches.keys()).sort() : [],
  };
}

describe(`no global side effects (${browserName})`, function () {
  this.timeout(30_000);
  let initial: PageState;
  let final: PageState;

  before(async () => {
    expect(customElements.get('cnr-project-list'), 'nothing imported yet').to.equal(undefined);
    initial = await pageState();
    await import(/* @vite-ignore */ CDN_ENTRY);
    const page = mount(html`
      <div>
        <cnr-provider>
          <cnr-axis-filter></cnr-axis-filter>
          <cnr-territory-map></cnr-territory-map>
          <cnr-funding-counter></cnr-funding-counter>
          <cnr-key-figures></cnr-key-figures>
          <cnr-project-list page-size="4" card-variant="full"></cnr-project-list>
        </cnr-provider>
        <cnr-project-card project-id="vosges-mal-etre-des-jeunes"></cnr-project-card>
      </div>
    `);
    await allRendered([...page.querySelectorAll<HTMLElement>(TAGS.filter((t) => t !== 'cnr-provider').join(','))], 15_000);
    // Use them: an axis, a territory, a search, a page.
    const list = page.querySelector('cnr-project-list')!;
    // The reference data ties no project to an axis: the filter offers none; one set by the page, it removes.
    page.querySelector('cnr-provider')!.setAttribute('axis', 'sante-1');
    await waitUntil(() => listCount(list) === 'Aucun projet', 'axis applied');
    const clear = () => shadow(page.querySelector('cnr-axis-filter')!).querySelector<HTMLButtonElement>('[part="clear-button"]');
    await waitUntil(clear, 'the filter offers to remove the axis');
    clear()!.click();
    await waitUntil(() => listCount(list) === '20 projets', 'all axes');
    shadow(list).querySelectorAll<HTMLButtonElement>('[part="pager-button"]')[2]?.click();
    const map = page.querySelector('cnr-territory-map')!;
    shadow(map).querySelector('[part="territory"][data-code="44"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => listCount(list) !== '20 projets', 'territory applied');
    page.parentElement!.remove();
    final = await pageState();
  });

  it('leaves document.head as it was', () => {
    expect(final.head).to.equal(initial.head);
  });

  it('adds no style sheet to the document', () => {
    expect(final.adoptedStyleSheets, 'document.adoptedStyleSheets').to.equal(initial.adoptedStyleSheets);
    expect(final.styleSheets, 'document.styleSheets').to.equal(initial.styleSheets);
  });

  const added = () => final.ownNames.filter((name) => !initial.ownNames.includes(name));

  it('adds no global of its own (its dependencies’ are listed apart)', () => {
    const removed = initial.ownNames.filter((name) => !final.ownNames.includes(name));
    expect(added().filter((name) => !DEPENDENCY_GLOBALS.includes(name)), 'new globals').to.deep.equal([]);
    expect(removed, 'globals removed').to.deep.equal([]);
    if (added().length > 0) console.log(`[side effects ${browserName}] globals set by dependencies: ${added().join(', ')}`);
  });

  // KNOWN (zod's own module globals, not ours): importing the SDK's schemas sets window.__zod_globalConfig and window.__zod_globalRegistry (zod/mini's module-level globals), visible in Object.keys(window).
  // The CDN bundle gives zod a scope of its own (vite.cdn.config.ts; checked by tests/cdn): this is about the npm build, whose zod the application's bundler owns.
  it.skip('adds no global at all, its dependencies’ included', () => {
    expect(added()).to.deep.equal([]);
    expect(final.keys).to.deep.equal(initial.keys);
  });

  it('writes no storage, cookie, database or cache', () => {
    expect(final.localStorage, 'localStorage').to.equal(initial.localStorage);
    expect(final.sessionStorage, 'sessionStorage').to.equal(initial.sessionStorage);
    expect(final.cookie, 'document.cookie').to.equal(initial.cookie);
    expect(final.databases, 'indexedDB').to.deep.equal(initial.databases);
    expect(final.caches, 'Cache Storage').to.deep.equal(initial.caches);
  });

  it('leaves the root, the body, the title, the URL and the history alone', () => {
    expect(final.htmlAttributes).to.equal(initial.htmlAttributes);
    expect(final.bodyAttributes).to.equal(initial.bodyAttributes);
    expect(final.title).to.equal(initial.title);
    expect(final.href).to.equal(initial.href);
    expect(final.historyLength).to.equal(initial.historyLength);
  });
});
