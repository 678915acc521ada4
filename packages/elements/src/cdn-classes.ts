/**
 * Entry `dist/cdn/cnr-widgets-classes.js` of the CDN build: the classes and
 * events, registering nothing — for pages that subclass or type-check against
 * the CDN copy. Load `cnr-widgets.js` (or `cnr-widgets-all.js`) as well to
 * define the elements. See docs/cdn.md.
 */
export * from './index.js';
