import { defineElement } from '../base/define.js';
import { CnrProvider } from '../provider/provider.component.js';

export { CnrProvider };

defineElement('cnr-provider', CnrProvider);

declare global {
  interface HTMLElementTagNameMap {
    'cnr-provider': CnrProvider;
  }
}
