/**
 * Entry `dist/cdn/cnr-widgets-all.js` of the CDN build: defines every element
 * at once, without the autoloader, and exports the classes and events — what
 * `cnr-widgets.js` was before the autoloader. For pages that create widgets
 * where the autoloader cannot see them (closed shadow roots) or that want
 * everything loaded up front. See docs/cdn.md.
 */
import './define/index.js';

export * from './index.js';
