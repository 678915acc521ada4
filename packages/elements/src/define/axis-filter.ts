import { defineElement } from '../base/define.js';
import { CnrAxisFilter } from '../axis-filter/axis-filter.component.js';

export { CnrAxisFilter };

defineElement('cnr-axis-filter', CnrAxisFilter);

declare global {
  interface HTMLElementTagNameMap {
    'cnr-axis-filter': CnrAxisFilter;
  }
}
