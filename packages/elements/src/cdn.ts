/**
 * Entry of the CDN bundle `dist/cdn/cnr-widgets.js` (vite.cdn.config.ts):
 * defines every element, with Lit, @lit/task and the SDK bundled in. The
 * embedded dataset, the map geometry and the CSV module stay separate chunks
 * that the elements load on demand.
 *
 * ```html
 * <script type="module" src="…/cnr-widgets.js" integrity="sha384-…" crossorigin="anonymous"></script>
 * ```
 *
 * See docs/cdn.md for the snippet with Subresource Integrity.
 */
import './define/index.js';

// The classes and events, for pages that subclass or type-check against the CDN copy.
export * from './index.js';
