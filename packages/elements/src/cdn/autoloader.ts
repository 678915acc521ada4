import { preloadEnglishFor } from './english-hint.js';
import { DATA_TAGS, TAG_LOADERS } from './tags.js';

/**
 * What the CDN build tells the autoloader about its chunks (scripts/cdn-chunk-graph.ts): for each
 * tag, every file its chunk needs (its static imports, recursively, and the map's geometry); for
 * the embedded dataset, the files that load it. Each name is a file `chunks/<name>.js` beside the
 * entry.
 */
export interface ChunkGraph {
  readonly tags: Readonly<Record<string, readonly string[]>>;
  /** The embedded dataset (the preloader, core, the dataset chunk). */
  readonly data: readonly string[];
  /** A document of the site (`src`): the static source, HTTP, the validation, the referential. */
  readonly src?: readonly string[];
  /** A REST API (`api`): the REST source and HTTP. */
  readonly api?: readonly string[];
}

/**
 * The one-file bundle of the CDN build (vite.cdn.config.ts, `bundleEntry()`):
 * its file, the gzip size of each tag's chunk, and the summed size above which
 * the bundle costs less than the core and widget chunks. Set at build time;
 * undefined elsewhere (the autoloader then always loads chunks).
 */
declare const __CNR_CDN_BUNDLE__: { file: string; threshold: number; weights: Record<string, number> } | undefined;
const BUNDLE = typeof __CNR_CDN_BUNDLE__ === 'undefined' ? undefined : __CNR_CDN_BUNDLE__;
let bundled = false;

/**
 * On a page with widgets rendered ahead of time (their JSON island): the
 * hydration support, loaded before any element's module (and before Lit
 * itself is evaluated). Other pages never download it.
 */
let hydration: Promise<unknown> | undefined;

/** Runs `load` now, or once the hydration support is in place on a page that needs it. */
function afterHydration<T>(load: () => Promise<T>): Promise<T> {
  return hydration ? hydration.then(load) : load();
}

/** The build's chunk graph (none when the sources run unbundled, as in the browser tests). */
let graph: ChunkGraph | undefined;
/** Files whose import was started. */
const started = new Set<string>();

/** Tags whose module was requested (once per copy of the bundle). */
const requested = new Set<string>();
/** Roots already observed. */
let observed = new WeakSet<Document | ShadowRoot>();
let dataPreloaded = false;
/** The data sources whose chunks were started (`src`, `api`). */
const sourcesStarted = new Set<'src' | 'api'>();
let observer: MutationObserver | undefined;
/** Every known tag is requested: the autoloader has stopped observing. */
let done = false;

/** Reports a module that failed to load without throwing into the page. */
function reportFailure(tag: string, error: unknown): void {
  console.warn(`[cnr-widgets] the module of <${tag}> could not be loaded:`, error);
}

/** Where the element's data comes from: its own `api`/`src`, else its provider's, else the embedded dataset. */
function dataSource(element: Element): 'api' | 'src' | 'embedded' {
  for (const holder of [element, element.closest('cnr-provider')]) {
    if (holder?.hasAttribute('api')) return 'api';
    if (holder?.hasAttribute('src')) return 'src';
  }
  return 'embedded';
}

/**
 * Starts the import of every file in `files` at once, so that none waits for another to be
 * fetched and parsed before being requested (issue 14, no waterfall). Each import is started once;
 * a failure is left to the import that needs the file (the tag's own, the SDK's), which reports it.
 */
function startAll(files: readonly string[] | undefined): void {
  for (const file of files ?? []) {
    if (started.has(file)) continue;
    started.add(file);
    afterHydration(() => import(/* @vite-ignore */ `./chunks/${file}.js`)).catch(() => started.delete(file));
  }
}

function preloadData(): void {
  if (dataPreloaded) return;
  dataPreloaded = true;
  startAll(graph?.data);
  afterHydration(() => import('./preload-data.js')).then(
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
 * Decided once, on the document as first seen; never both on one page. The
 * files the bundle imports on demand and that are the same in both layouts
 * (the dataset, the map's geometry) start at once too.
 */
function chooseBundle(root: Document): void {
  if (!BUNDLE) return;
  let weight = 0;
  const tags: string[] = [];
  for (const [tag, size] of Object.entries(BUNDLE.weights)) {
    if (!customElements.get(tag) && root.querySelector(tag)) {
      weight += size;
      tags.push(tag);
    }
  }
  if (weight < BUNDLE.threshold) return;
  bundled = true;
  const url = new URL(BUNDLE.file, import.meta.url).href;
  afterHydration(() => import(/* @vite-ignore */ url)).catch((error: unknown) => reportFailure('bundle', error));
  const shared = /^(dataset|geometry)-/;
  // Widgets rendered ahead of time (a declarative shadow root before their definition) have their data.
  const embedded = [...root.querySelectorAll(tags.filter((tag) => DATA_TAGS.has(tag)).join(',') || 'cnr-none')].some(
    (element) => element.shadowRoot === null && dataSource(element) === 'embedded',
  );
  startAll([...(embedded ? (graph?.data ?? []) : []), ...tags.flatMap((tag) => graph?.tags[tag] ?? [])].filter((file) => shared.test(file)));
}

/** Handles one element: loads its tag's module, preloads the data, watches its shadow root. */
function found(element: Element): void {
  const tag = element.localName;
  if (!Object.hasOwn(TAG_LOADERS, tag)) return;
  const load = TAG_LOADERS[tag]!;
  preloadEnglishFor(element);
  if (bundled) {
    watchShadowRoot(element);
    return;
  }
  // Rendered ahead of time (a declarative shadow root before its definition): it has its data.
  const prerendered = element.shadowRoot !== null && !customElements.get(tag);
  if (DATA_TAGS.has(tag) && !prerendered) {
    const from = dataSource(element);
    if (from === 'embedded') preloadData();
    else if (!sourcesStarted.has(from)) {
      // The source's chunks arrive while the document downloads, not after it.
      sourcesStarted.add(from);
      startAll(graph?.[from]);
    }
  }
  if (!requested.has(tag) && !customElements.get(tag)) {
    requested.add(tag);
    startAll(graph?.tags[tag]);
    afterHydration(load).catch((error: unknown) => {
      requested.delete(tag);
      reportFailure(tag, error);
      // The next element of this tag tries again: look at the page again if the observer had stopped.
      if (done) {
        done = false;
        observed = new WeakSet();
        observe(document);
      }
    });
  }
  watchShadowRoot(element);
}

/** The known tags as one selector: the browser matches it natively, far faster than a walk over every element in script. */
const SELECTOR = Object.keys(TAG_LOADERS).join(',');

/** Looks at `root` itself (an element) and every known `cnr-*` element under it. */
function discover(root: Element | Document | ShadowRoot | DocumentFragment): void {
  if (root instanceof Element && Object.hasOwn(TAG_LOADERS, root.localName)) found(root);
  // A leaf (most of what our own renders add: text, paths, cards' parts) has nothing under it.
  if (root.firstElementChild === null) return;
  for (const element of root.querySelectorAll(SELECTOR)) found(element);
}

/** True once every known tag is requested or defined: nothing is left to load, the observer can stop. */
function allRequested(): boolean {
  return Object.keys(TAG_LOADERS).every((tag) => requested.has(tag) || customElements.get(tag) !== undefined);
}

function observe(root: Document | ShadowRoot): void {
  if (observed.has(root) || done) return;
  observed.add(root);
  observer ??= new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) discover(node as Element);
    }
    // Our elements render many nodes into the shadow roots watched here: once every tag's module is
    // on its way, stop looking at them (issue 14, a cheap first render).
    if (allRequested()) {
      done = true;
      observer?.disconnect();
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  discover(root);
}

/**
 * Starts the autoloader on `document`: loads the modules of the `cnr-*` tags
 * present, then of those added later. Calling it again does nothing. With the
 * build's `chunkGraph`, each tag's files (and the dataset's) are all requested
 * at once.
 */
export function startAutoloader(chunkGraph?: ChunkGraph): void {
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return;
  graph ??= chunkGraph;
  // The island's attribute (PRERENDERED_ATTRIBUTE of base/prerender.ts, not imported: that module is in the core chunk).
  if (hydration === undefined && document.querySelector('script[data-cnr-prerendered]')) {
    hydration = import('../hydrate.js').catch((error: unknown) => reportFailure('hydration', error));
  }
  chooseBundle(document);
  observe(document);
}
