import { preloadEnglishFor } from './english-hint.js';
import { DATA_TAGS, TAG_LOADERS } from './tags.js';

/**
 * The one-file bundle of the CDN build (vite.cdn.config.ts, `bundleEntry()`):
 * its file, the gzip size of each tag's chunk, and the summed size above which
 * the bundle costs less than the core and widget chunks. Set at build time;
 * undefined elsewhere (the autoloader then always loads chunks).
 */
declare const __CNR_CDN_BUNDLE__: { file: string; threshold: number; weights: Record<string, number> } | undefined;
const BUNDLE = typeof __CNR_CDN_BUNDLE__ === 'undefined' ? undefined : __CNR_CDN_BUNDLE__;
let bundled = false;

/** Tags whose module was requested (once per copy of the bundle). */
const requested = new Set<string>();
/** Roots already observed. */
const observed = new WeakSet<Document | ShadowRoot>();
let dataPreloaded = false;
let observer: MutationObserver | undefined;
/**
 * On a page with widgets rendered ahead of time (their JSON island): the
 * hydration support, loaded before any element's module. Other pages never
 * download it.
 */
let hydration: Promise<unknown> | undefined;

/** Reports a module that failed to load without throwing into the page. */
function reportFailure(tag: string, error: unknown): void {
  console.warn(`[cnr-widgets] the module of <${tag}> could not be loaded:`, error);
}

/** True when the element reads the embedded dataset: no `src`/`api` on it or on an enclosing provider. */
function readsEmbeddedData(element: Element): boolean {
  if (element.hasAttribute('src') || element.hasAttribute('api')) return false;
  const provider = element.closest('cnr-provider');
  return !provider || (!provider.hasAttribute('src') && !provider.hasAttribute('api'));
}

function preloadData(): void {
  if (dataPreloaded) return;
  dataPreloaded = true;
  import('./preload-data.js').then(
    ({ preloadEmbeddedData }) => preloadEmbeddedData(),
    (error: unknown) => reportFailure('dataset', error),
  );
}

/** Observes the open shadow root of one of our elements, once it has one (it does once defined and connected). */
function watchShadowRoot(element: Element): void {
  const tag = element.localName;
  const observeIt = (): void => {
    if (element.shadowRoot) observe(element.shadowRoot);
  };
  if (customElements.get(tag)) observeIt();
  else void customElements.whenDefined(tag).then(observeIt);
}

/**
 * On a page showing many kinds of widget (their chunks summing over the
 * threshold), imports the one-file bundle instead of the core and widget
 * chunks: each file is gzipped on its own, so one file is smaller (docs/size.md).
 * Decided once, on the document as first seen; never both on one page.
 */
function chooseBundle(root: Document): void {
  if (!BUNDLE) return;
  let weight = 0;
  for (const [tag, size] of Object.entries(BUNDLE.weights)) {
    if (!customElements.get(tag) && root.querySelector(tag)) weight += size;
  }
  if (weight < BUNDLE.threshold) return;
  bundled = true;
  const url = new URL(BUNDLE.file, import.meta.url).href;
  const load = (): Promise<unknown> => import(/* @vite-ignore */ url);
  // Lit's hydration support must be installed before any element is defined.
  (hydration ? hydration.then(load) : load()).catch((error: unknown) => {
    reportFailure('bundle', error);
  });
}

/** Handles one element: loads its tag's module, preloads the data, watches its shadow root. */
function found(element: Element): void {
  const tag = element.localName;
  const load = TAG_LOADERS[tag];
  if (!load) return;
  preloadEnglishFor(element);
  if (bundled) {
    watchShadowRoot(element);
    return;
  }
  // Rendered ahead of time (a declarative shadow root before its definition): it has its data.
  const prerendered = element.shadowRoot !== null && !customElements.get(tag);
  if (DATA_TAGS.has(tag) && !dataPreloaded && !prerendered && readsEmbeddedData(element)) preloadData();
  if (!requested.has(tag) && !customElements.get(tag)) {
    requested.add(tag);
    (hydration ? hydration.then(load) : load()).catch((error: unknown) => {
      requested.delete(tag);
      reportFailure(tag, error);
    });
  }
  watchShadowRoot(element);
}

/** Looks at `root` itself (an element) and every `cnr-*` element under it. */
function discover(root: Element | Document | ShadowRoot | DocumentFragment): void {
  if (root instanceof Element && root.localName.startsWith('cnr-')) found(root);
  for (const element of root.querySelectorAll('*')) {
    if (element.localName.startsWith('cnr-')) found(element);
  }
}

function observe(root: Document | ShadowRoot): void {
  if (observed.has(root)) return;
  observed.add(root);
  observer ??= new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  discover(root);
}

/**
 * Starts the autoloader on `document`: loads the modules of the `cnr-*` tags
 * present, then of those added later. Calling it again does nothing.
 */
export function startAutoloader(): void {
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return;
  // The island's attribute (PRERENDERED_ATTRIBUTE of base/prerender.ts, not imported: that module is in the core chunk).
  if (hydration === undefined && document.querySelector('script[data-cnr-prerendered]')) {
    hydration = import('../hydrate.js').catch((error: unknown) => reportFailure('hydration', error));
  }
  chooseBundle(document);
  observe(document);
}
