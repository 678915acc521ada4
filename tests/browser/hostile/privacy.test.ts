// Privacy: the widgets talk to no origin but the page's (their own modules)
// and the configured data source — here another origin, 127.0.0.1 against
// localhost — send no cookie or credential to it, and write no cookie and no
// storage. Every way out is watched: fetch, XMLHttpRequest, sendBeacon,
// WebSocket, EventSource, and every resource the page loads
// (PerformanceObserver).
import { expect, html, waitUntil } from '@open-wc/testing';
import {
  allRendered,
  browserName,
  CDN_ENTRY,
  faultStats,
  faultUrl,
  listCount,
  mount,
  shadow,
  TAGS,
  uid,
} from './helpers.js';

interface Spied {
  requests: { via: string; url: string; credentials?: string }[];
  storageWrites: string[];
  cookieWrites: string[];
  resources: string[];
  restore(): void;
}

function spyOnEverything(): Spied {
  const spied: Spied = { requests: [], storageWrites: [], cookieWrites: [], resources: [], restore: () => undefined };
  const undo: (() => void)[] = [];
  const replace = <T extends object, K extends keyof T>(target: T, key: K, value: T[K]) => {
    const original = target[key];
    target[key] = value;
    undo.push(() => (target[key] = original));
    return original;
  };

  const fetch = window.fetch;
  replace(window, 'fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    spied.requests.push({ via: 'fetch', url: request.url, credentials: request.credentials });
    return fetch(input, init);
  });
  const open = XMLHttpRequest.prototype.open;
  replace(XMLHttpRequest.prototype, 'open', function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    spied.requests.push({ via: 'xhr', url: String(url) });
    return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as XMLHttpRequest['open']);
  const beacon = navigator.sendBeacon.bind(navigator);
  replace(navigator, 'sendBeacon', (url: string | URL, data?: BodyInit | null) => {
    spied.requests.push({ via: 'beacon', url: String(url) });
    return beacon(url, data);
  });
  const OriginalWebSocket = window.WebSocket;
  replace(window, 'WebSocket', class extends OriginalWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      spied.requests.push({ via: 'websocket', url: String(url) });
      super(url, protocols);
    }
  });
  const OriginalEventSource = window.EventSource;
  replace(window, 'EventSource', class extends OriginalEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      spied.requests.push({ via: 'eventsource', url: String(url) });
      super(url, init);
    }
  });

  for (const method of ['setItem', 'removeItem', 'clear'] as const) {
    const original = Storage.prototype[method] as (...args: unknown[]) => unknown;
    replace(Storage.prototype, method, function (this: Storage, ...args: unknown[]) {
      spied.storageWrites.push(`${this === localStorage ? 'localStorage' : 'sessionStorage'}.${method}(${args.join(', ')})`);
      return original.apply(this, args);
    } as never);
  }
  const idbOpen = indexedDB.open.bind(indexedDB);
  replace(indexedDB, 'open', ((name: string, version?: number) => {
    spied.storageWrites.push(`indexedDB.open(${name})`);
    return idbOpen(name, version);
  }) as IDBFactory['open']);
  if ('caches' in window) {
    const cacheOpen = caches.open.bind(caches);
    replace(caches, 'open', (name: string) => {
      spied.storageWrites.push(`caches.open(${name})`);
      return cacheOpen(name);
    });
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => cookie.get!.call(document),
    set: (value: string) => {
      spied.cookieWrites.push(value);
      cookie.set!.call(document, value);
    },
  });
  undo.push(() => delete (document as { cookie?: string }).cookie);

  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) spied.resources.push(entry.name);
  });
  observer.observe({ type: 'resource', buffered: true });
  undo.push(() => observer.disconnect());

  spied.restore = () => {
    for (const step of undo.reverse()) step();
  };
  return spied;
}

describe(`privacy (${browserName})`, function () {
  this.timeout(30_000);
  let spied: Spied;
  const id = uid('privacy');
  // The configured source on another origin: 127.0.0.1 when the page is on localhost, and the other way round.
  const sourceOrigin = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
  const src = `${sourceOrigin}${faultUrl('good', id)}`;
  const allowed = new Set([location.origin, sourceOrigin]);
  // A second source on the page's own origin, to which the host's cookie would go if credentials were sent.
  const sameOriginId = uid('privacy-same-origin');
  const sameOriginSrc = faultUrl('good', sameOriginId);
  let cookieBefore: string;

  before(async () => {
    // The host's own cookie: the widgets must neither send it nor change it.
    document.cookie = 'host-session=secret; path=/; SameSite=Lax';
    cookieBefore = document.cookie;
    spied = spyOnEverything();
    await import(/* @vite-ignore */ CDN_ENTRY);
    const page = mount(html`<div>
      <cnr-provider src=${src}>
        <cnr-axis-filter></cnr-axis-filter>
        <cnr-territory-map></cnr-territory-map>
        <cnr-funding-counter open></cnr-funding-counter>
        <cnr-key-figures sources-open></cnr-key-figures>
        <cnr-project-list page-size="3" card-variant="full" selectable></cnr-project-list>
      </cnr-provider>
      <cnr-project-card project-id="vosges-mal-etre-des-jeunes" src=${src}></cnr-project-card>
      <cnr-funding-counter src=${sameOriginSrc}></cnr-funding-counter>
    </div>`);
    await allRendered([...page.querySelectorAll<HTMLElement>(TAGS.filter((t) => t !== 'cnr-provider').join(','))], 20_000);
    // Use them: an axis, a territory, a page, the source of a card.
    const list = page.querySelector('cnr-project-list')!;
    // The reference data ties no project to an axis: the filter offers none; one set by the page, it removes.
    page.querySelector('cnr-provider')!.setAttribute('axis', 'sante-3');
    await waitUntil(() => listCount(list) === 'Aucun projet', 'axis applied');
    const clear = () => shadow(page.querySelector('cnr-axis-filter')!).querySelector<HTMLButtonElement>('[part="clear-button"]');
    await waitUntil(clear, 'the filter offers to remove the axis');
    clear()!.click();
    await waitUntil(() => listCount(list) === '20 projets', 'all axes');
    const map = page.querySelector('cnr-territory-map')!;
    shadow(map).querySelector('[part="territory"][data-code="44"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => listCount(list) !== '20 projets', 'territory applied');
    shadow(list).querySelectorAll<HTMLButtonElement>('[part="pager-button"]')[2]?.click();
    await new Promise((resolve) => setTimeout(resolve, 500));
    page.remove();
  });

  after(() => {
    spied.restore();
    document.cookie = 'host-session=; path=/; max-age=0';
  });

  it('reads the configured source, from its origin', () => {
    const data = spied.requests.filter((r) => r.url.startsWith(sourceOrigin));
    expect(data.length, JSON.stringify(spied.requests)).to.be.greaterThan(0);
  });

  it('makes no request to any other origin (fetch, XHR, beacon, sockets)', () => {
    const elsewhere = spied.requests.filter((r) => !allowed.has(new URL(r.url, location.href).origin));
    expect(elsewhere).to.deep.equal([]);
    expect(spied.requests.filter((r) => r.via !== 'fetch'), 'only fetch is used').to.deep.equal([]);
  });

  it('loads no resource from any other origin (PerformanceObserver)', () => {
    const elsewhere = spied.resources.filter((url) => !allowed.has(new URL(url).origin));
    expect(elsewhere).to.deep.equal([]);
  });

  it('sends no cookie and no credential to the source', async () => {
    for (const request of spied.requests.filter((r) => r.url.startsWith(sourceOrigin))) {
      expect(request.credentials, request.url).to.equal('omit');
    }
    const stats = await faultStats(id);
    expect(stats.requests, 'the source was asked once for all the widgets').to.equal(1);
    expect(stats.withCookie, 'requests with a Cookie header').to.equal(0);
    expect(stats.withCredentials, 'requests with an Authorization header').to.equal(0);
    const sameOrigin = await faultStats(sameOriginId);
    expect(sameOrigin.requests).to.equal(1);
    expect(sameOrigin.withCookie, 'the host’s cookie sent to a same-origin source').to.equal(0);
  });

  it('writes no cookie and no storage', () => {
    expect(spied.cookieWrites, 'cookie writes').to.deep.equal([]);
    expect(document.cookie).to.equal(cookieBefore);
    expect(spied.storageWrites, 'storage writes').to.deep.equal([]);
  });
});
