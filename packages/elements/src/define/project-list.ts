import { defineElement } from '../base/define.js';
import { CnrProjectList } from '../project-list/project-list.component.js';
// The list renders cards: registering it registers them.
import './project-card.js';

export { CnrProjectList };

defineElement('cnr-project-list', CnrProjectList);

declare global {
  interface HTMLElementTagNameMap {
    'cnr-project-list': CnrProjectList;
  }
}
