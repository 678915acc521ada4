import { defineElement } from '../base/define.js';
import { CnrFundingCounter } from '../funding-counter/funding-counter.component.js';

export { CnrFundingCounter };

defineElement('cnr-funding-counter', CnrFundingCounter);

declare global {
  interface HTMLElementTagNameMap {
    'cnr-funding-counter': CnrFundingCounter;
  }
}
