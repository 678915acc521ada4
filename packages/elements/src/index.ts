/**
 * The element classes, without registering any tag (for scoped registries
 * and for subclassing). Import `@cnr-widgets/elements/<element>.js` or the
 * CDN bundle to define the tags.
 */
export { CnrElement } from './base/cnr-element.js';
export { defineElement } from './base/define.js';
export { CnrErrorEvent, CnrFilterChangeEvent, CnrProblemsEvent, CnrProjectSelectEvent, type CnrProblemsDetail } from './events/events.js';
export { CnrProjectCard } from './project-card/project-card.component.js';
export { CnrProvider } from './provider/provider.component.js';
export { CnrAxisFilter } from './axis-filter/axis-filter.component.js';
export { CnrFundingCounter } from './funding-counter/funding-counter.component.js';
export { CnrKeyFigures } from './key-figures/key-figures.component.js';
export { CnrProjectList, type ProjectListSort } from './project-list/project-list.component.js';
export {
  CnrTerritoryMap,
  type TerritoryMapItem,
  type TerritoryMapLevel,
  type TerritoryMapMetric,
} from './territory-map/territory-map.component.js';
