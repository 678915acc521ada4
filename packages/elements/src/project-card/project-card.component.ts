import type { Project, ProjectStatus } from '@cnr-widgets/sdk';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { CnrElement } from '../base/cnr-element.js';
import type { Messages } from '../base/locale.js';
import { tokens } from '../base/tokens.styles.js';
import { projectCardStyles } from './project-card.styles.js';

const messages: Messages<'porteurs' | 'status' | ProjectStatus> = {
  fr: {
    porteurs: 'Porté par',
    status: 'Statut',
    'en-reflexion': 'En réflexion',
    'en-projet': 'En projet',
    'en-cours': 'En cours',
    realise: 'Réalisé',
  },
  en: {
    porteurs: 'Led by',
    status: 'Status',
    'en-reflexion': 'Under consideration',
    'en-projet': 'Planned',
    'en-cours': 'In progress',
    realise: 'Completed',
  },
};

/**
 * One CNR project: its title, status and porteurs.
 *
 * @summary A card for one project of the CNR.
 * @since 0.1.0
 *
 * @csspart base - The card's box.
 * @csspart title - The project's title.
 * @csspart badges - The list of badges.
 * @csspart status - The status badge.
 * @csspart porteurs - The line naming who leads the project.
 *
 * @cssprop --cnr-project-card-padding - Inner spacing of the card.
 * @cssprop --cnr-project-card-background - Background of the card.
 * @cssprop --cnr-project-card-border-color - Colour of the card's border.
 * @cssprop --cnr-project-card-accent-color - Colour of the card's bottom rule.
 */
export class CnrProjectCard extends CnrElement {
  static override styles = [tokens, projectCardStyles];

  /** The project to show. */
  @property({ attribute: false }) project: Project | undefined;

  /** Level of the title's heading (1–6), so the card fits the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  override render() {
    const project = this.project;
    if (project === undefined) return nothing;
    const t = messages[this.locale];
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    return html`
      <article class="root" part="base" lang=${this.locale} aria-labelledby="title">
        <div class="title" part="title" id="title" role="heading" aria-level=${level} dir="auto">${project.title}</div>
        ${project.status === undefined
          ? nothing
          : html`<ul class="badges" part="badges">
              <li class="badge" part="status" data-status=${project.status}>
                <span class="visually-hidden">${t.status} : </span>${t[project.status]}
              </li>
            </ul>`}
        ${project.porteurs.length === 0
          ? nothing
          : html`<p class="porteurs" part="porteurs" dir="auto">${t.porteurs} ${project.porteurs.join(', ')}</p>`}
      </article>
    `;
  }
}
