import type { CnrClient, Page, Project } from '@cnr-widgets/sdk';
import { html, type TemplateResult } from 'lit';
import type { Locale } from '../i18n/locale.js';
import type { Labels } from '../project-card/labels.js';
import { messages } from '../i18n/project-list.js';

/** How the list shows its cards. */
export interface CardsOptions {
  client: CnrClient;
  full: boolean;
  headingLevel: number;
  selectable: boolean;
  /** A full page: the cards fill the space of the skeleton's cells, kept beneath them. */
  fill: boolean;
  /** A page is loading. */
  busy: boolean;
  /** The names looked up with the page, for the cards. */
  labels: Partial<Labels> | undefined;
}

/** The page's cards, a list named « Projets, page 2 sur 5 ». */
export function renderCards(page: Page<Project>, current: number, last: number, locale: Locale, options: CardsOptions): TemplateResult {
  const t = messages[locale];
  return html`
    <ul
      class="cards ${options.fill ? 'fill' : ''}"
      part="cards"
      role="list"
      tabindex="-1"
      aria-label=${last > 1 ? `${t.projects}, ${t.page.toLowerCase()} ${current} ${t.of} ${last}` : t.projects}
      aria-busy=${options.busy ? 'true' : 'false'}
    >
      ${page.items.map(
        (project) =>
          html`<li><cnr-project-card
            part="card"
            exportparts="base: card-base, title: card-title, status: card-status, select-button: card-select-button"
            .project=${project}
            .client=${options.client}
            .knownLabels=${options.labels}
            variant=${options.full ? 'full' : 'compact'}
            heading-level=${options.headingLevel}
            ?selectable=${options.selectable}
          ></cnr-project-card></li>`,
      )}
    </ul>
  `;
}
