/**
 * Entry of the CDN bundle `dist/cdn/cnr-widgets.js` (vite.cdn.config.ts): the
 * **autoloader**. It defines nothing heavy itself. It looks for `cnr-*` tags in
 * the document — those present now and those added later (a
 * `MutationObserver`), including inside the open shadow roots of our own
 * elements — and imports only the modules of the tags it finds, one dynamic
 * `import()` per tag. A page with one `<cnr-project-list>` downloads the list
 * (and the cards it renders), never the map, the filter or the counters.
 *
 * As soon as it sees a widget that reads the embedded dataset (no `src`/`api`
 * on it or on an enclosing `<cnr-provider>`), it also starts loading the
 * dataset and the SDK's embedded source, in parallel with the element's code.
 *
 * ```html
 * <script type="module" src="…/cnr-widgets.js" integrity="sha384-…" crossorigin="anonymous"></script>
 * ```
 *
 * Other entries of the same build: `cnr-widgets-all.js` defines every element
 * at once (no autoloading) and `cnr-widgets-classes.js` exports the classes
 * and events without registering anything, for pages that subclass. See
 * docs/cdn.md. Model: Shoelace's autoloader (shoelace-style/shoelace,
 * `src/shoelace-autoloader.ts`); this one is written for our tags, shadow
 * roots and dataset.
 */
import { startAutoloader, type ChunkGraph } from './cdn/autoloader.js';

/**
 * The CDN build defines it as a placeholder string that scripts/cdn-chunk-graph.ts replaces,
 * once the chunks are written, with their graph (what each tag needs). Unbundled: undefined.
 */
declare const __CNR_CHUNK_GRAPH__: ChunkGraph | undefined;

// Last statement of the entry: the graph's JSON, put here after minification, moves no other code.
startAutoloader(typeof __CNR_CHUNK_GRAPH__ === 'undefined' ? undefined : __CNR_CHUNK_GRAPH__);
