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
    import(/* @vite-ignore */ `./chunks/${file}.js`).catch(() => started.delete(file));
  }
}

function preloadData(): void {
  if (dataPreloaded) return;
  dataPreloaded = true;
  startAll(graph?.data);
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

/** Handles one element: loads its tag's module, preloads the data, watches its shadow root. */
function found(element: Element): void {
  const tag = element.localName;
  if (!Object.hasOwn(TAG_LOADERS, tag)) return;
  const load = TAG_LOADERS[tag]!;
  if (DATA_TAGS.has(tag)) {
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
    load().catch((error: unknown) => {
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
  observe(document);
}
