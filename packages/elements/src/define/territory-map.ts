import { defineElement } from '../base/define.js';
import { CnrTerritoryMap } from '../territory-map/territory-map.component.js';

export { CnrTerritoryMap };

defineElement('cnr-territory-map', CnrTerritoryMap);

declare global {
  interface HTMLElementTagNameMap {
    'cnr-territory-map': CnrTerritoryMap;
  }
}
