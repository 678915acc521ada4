/**
 * Entry `dist/cdn/cnr-widgets-all.js` of the CDN build: defines every element
 * at once, without the autoloader — for pages that create widgets in ways the
 * autoloader cannot see (closed shadow roots) or that want everything loaded
 * up front. See docs/cdn.md.
 */
import './define/index.js';
