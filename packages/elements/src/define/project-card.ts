import { defineElement } from '../base/define.js';
import { CnrProjectCard } from '../project-card/project-card.component.js';

export { CnrProjectCard };

defineElement('cnr-project-card', CnrProjectCard);

declare global {
  interface HTMLElementTagNameMap {
    'cnr-project-card': CnrProjectCard;
  }
}
