/**
 * The tags the autoloader knows, each with the import of its registration
 * module (src/define/). One entry per tag, so the CDN build makes one chunk
 * (plus shared chunks) per element.
 */
export const TAG_LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {
  'cnr-provider': () => import('../define/provider.js'),
  'cnr-project-list': () => import('../define/project-list.js'),
  'cnr-project-card': () => import('../define/project-card.js'),
  'cnr-territory-map': () => import('../define/territory-map.js'),
  'cnr-axis-filter': () => import('../define/axis-filter.js'),
  'cnr-funding-counter': () => import('../define/funding-counter.js'),
  'cnr-key-figures': () => import('../define/key-figures.js'),
};

/** Widgets that read data (every tag but the card, which is given its project). */
export const DATA_TAGS: ReadonlySet<string> = new Set([
  'cnr-provider',
  'cnr-project-list',
  'cnr-territory-map',
  'cnr-axis-filter',
  'cnr-funding-counter',
  'cnr-key-figures',
]);
