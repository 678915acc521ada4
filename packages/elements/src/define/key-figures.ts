import { defineElement } from '../base/define.js';
import { CnrKeyFigures } from '../key-figures/key-figures.component.js';

export { CnrKeyFigures };

defineElement('cnr-key-figures', CnrKeyFigures);

declare global {
  interface HTMLElementTagNameMap {
    'cnr-key-figures': CnrKeyFigures;
  }
}
