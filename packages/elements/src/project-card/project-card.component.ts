import type { CnrClient, Project, ProjectFilters, SourceDocument } from '@cnr-widgets/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnrDataElement } from '../base/data-element.js';
import { DataTask } from '../base/data-task.js';
import { deducedStyles, renderDeducedMark } from '../base/deduced.js';
import { deducedFieldsText } from '../i18n/deduced-fields.js';
import { formatPartialDate } from '../i18n/partial-date.js';
import { isHttpUrl, linkOrText } from '../base/links.js';
import { territoryLabel } from '../base/territory-names.js';
import { formatCount, formatWholeEuros } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { messages, type Key } from '../i18n/project-card.js';
import { colon, quote } from '../i18n/typography.js';
import { renderLoading, renderStale, stateStyles } from '../base/states.js';
import { tokens } from '../base/tokens.styles.js';
import { CnrProjectSelectEvent } from '../events/events.js';
import { knownLabels, lookedUp, lookupLabels, type LabelKind, type Labels } from './labels.js';
import { projectCardStyles } from './project-card.styles.js';

/** Objectives longer than this (characters, all together) collapse behind « Lire plus ». */
const COLLAPSE_AFTER = 280;

/** `text` cut near `max` characters, at a space when there is one close enough, never inside a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.lastIndexOf(' ', max);
  if (cut < max * 0.6) cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** A date as precise as the data states it (`2023`, `2023-12`, `2023-12-05`, `2024-Q1`). */
export { formatPartialDate };

/** Only http(s) URLs become links (the SDK already refuses others). */
/** Items of data, each isolated (`dir="auto"`) so that one's bidi marks cannot reorder the others. */
function items(values: readonly string[]): TemplateResult[] {
  return values.map((value, i) => html`${i > 0 ? ', ' : ''}<span dir="auto">${value}</span>`);
}

/**
 * The hidden end of a control's name that says which project it is about
 * (« Lire plus (objectifs de « Bus mobile dentaire ») »): one text node that
 * starts with a word or a bracket, never with punctuation that a browser's
 * name computation would cut off with a space (« Lire plus , objectifs »).
 */
function named(template: string, title: string, locale: Locale): string {
  return template.replace('{title}', () => quote(title, locale));
}

/**
 * One CNR project, from its `project` property or resolved by `project-id`
 * through the linked `<cnr-provider>` (or the card's own `src`/`api`, or the
 * embedded dataset).
 *
 * The full variant shows the title, status and axis badges, porteurs,
 * acteurs, partenaires, territories, place, stage, publics, funding (the
 * allocations that name the project, when the source holds them), the
 * objectives (long ones collapse behind « Lire plus ») and the source
 * document with its passage. The compact variant shows the title, status,
 * territories and porteurs.
 *
 * Names (axes, territories, documents) and funding are looked up lazily,
 * when the card first comes near the viewport, once per data source for all
 * the cards of the page (a `<cnr-project-list>` looks them up with its page);
 * names already looked up show from the card's first paint; until then, or
 * when the lookup fails, ids are shown. A card given its `project` fetches
 * nothing else.
 *
 * @summary A card for one project of the CNR.
 * @since 0.1.0
 *
 * @fires cnr-project-select - The user chose « Voir le projet » (`selectable` cards); `detail.id` is the project's id.
 * @fires cnr-error - The project given by `project-id` could not be loaded.
 *
 * @csspart base - The card's box (also the box of its loading and error states).
 * @csspart title - The project's title.
 * @csspart badges - The list of badges.
 * @csspart status - The status badge.
 * @csspart axis - Each axis badge.
 * @csspart fact - Each other line of facts (acteurs, partenaires, place, stage, publics).
 * @csspart summary - The project's summary, when the data has one.
 * @csspart facts - The list of the project's facts (porteurs, territories…).
 * @csspart porteurs - The porteurs line.
 * @csspart territories - The territories line.
 * @csspart funding - The funding line (amounts summed by the SDK's rule: envelope, delegated, engaged, allocation).
 * @csspart requested - The « Montant demandé » line (a `requested` amount: a demand, never shown as funding).
 * @csspart derivation - The line of the project's « déduit » mark, when the documents do not say some of its fields in so many words.
 * @csspart deduced - A « déduit » mark (a disclosure whose content is the reasoning).
 * @csspart document-deduced - The « déduit » mark of a document's publisher or date the document does not print.
 * @csspart objectives - The objectives.
 * @csspart toggle - The « Lire plus » / « Lire moins » button.
 * @csspart source - The « Source » disclosure.
 * @csspart excerpt - The quoted passage of the source document.
 * @csspart actions - The row of actions.
 * @csspart select-button - The « Voir le projet » button.
 * @csspart link - The link to the project's website.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry-button - The retry button.
 * @csspart stale-notice - The notice that the data may be out of date.
 *
 * @cssprop --cnr-project-card-padding - Inner spacing of the card.
 * @cssprop --cnr-project-card-background - Background of the card.
 * @cssprop --cnr-project-card-border-color - Colour of the card's border.
 * @cssprop --cnr-project-card-accent-color - Colour of the card's bottom rule.
 * @cssprop --cnr-project-card-min-height - A card loaded by `project-id`: height reserved while loading, and its least height (default 12rem, 28rem for full cards).
 */
export class CnrProjectCard extends CnrDataElement {
  static override styles = [tokens, stateStyles, deducedStyles, projectCardStyles];

  /** The project to show. When set, `project-id` is ignored and nothing but names is fetched. */
  @property({ attribute: false }) project: Project | undefined;

  /** Id of a project to load from the data source (when no `project` is given). */
  @property({ attribute: 'project-id' }) projectId: string | undefined;





  /** `full` (default) or `compact` (title, status, territories, porteurs). */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';

  /** Level of the title's heading (1–6), so the card fits the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Shows a « Voir le projet » button that fires `cnr-project-select`. */
  @property({ type: Boolean, reflect: true }) selectable = false;

  /** @internal */
  protected override readonly loadSubject = 'project';

  /**
   * @internal The names its list looked up with the page (also kept by a page
   * rendered ahead of time): the card shows them at once and looks up no
   * other of these kinds.
   */
  knownLabels: Partial<Labels> | undefined;

  @state() private expanded = false;
  @state() private labels: Partial<Labels> = {};

  private labelsClient: CnrClient | undefined;
  private readonly requested = new Set<LabelKind>();
  private nearViewport = false;
  private observer: IntersectionObserver | undefined;

  private readonly task = new DataTask(this, {
    args: (): [string | undefined, CnrClient | undefined] =>
      this.project || !this.projectId ? [undefined, undefined] : [this.projectId, this.source.client],
    task: async ([id, client], { signal }) => (id && client ? client.project(id, { signal }) : undefined),
  });

  /** @internal */
  protected override ownFilters(): ProjectFilters {
    return {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof IntersectionObserver === 'undefined') {
      this.nearViewport = true;
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.nearViewport = true;
        this.observer?.disconnect();
        this.requestUpdate();
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('project') || changed.has('projectId')) this.expanded = false;
    const project = this.shownProject;
    if (project) this.requestLabels(project);
  }

  /** The project on screen: the property, else the loaded one (kept through a failed reload). */
  private get shownProject(): Project | undefined {
    if (this.project) return this.project;
    if (!this.projectId) return undefined;
    return (this.task.value ?? this.task.lastValue)?.data;
  }

  private requestLabels(project: Project): void {
    const client = this.source.client;
    if (client !== this.labelsClient) {
      this.labelsClient = client;
      this.requested.clear();
      this.labels = {};
    }
    const kinds: LabelKind[] = ['territories'];
    if (this.variant !== 'compact') kinds.push('documents', 'fundings');
    if (this.variant !== 'compact' && project.axes.length > 0) kinds.push('axes');
    for (const kind of kinds) {
      const known = this.knownLabels?.[kind];
      if (known !== undefined) {
        if (this.labels[kind] !== known) this.labels = { ...this.labels, [kind]: known };
        continue;
      }
      // Names a list looked up with its page are there before the card's first paint: no reflow after.
      if (this.requested.has(kind) || !(this.nearViewport || lookedUp(client, kind))) continue;
      this.requested.add(kind);
      // Already found (the list's page, an earlier card): in this very render, not in one more after it.
      const cached = knownLabels(client, kind);
      if (cached !== undefined) {
        this.labels = { ...this.labels, [kind]: cached };
        continue;
      }
      lookupLabels(client, kind).then(
        (map) => {
          if (this.labelsClient === client) this.labels = { ...this.labels, [kind]: map };
        },
        () => {
          // Names stay ids; the card still shows the project.
        },
      );
    }
  }

  private select(): void {
    const project = this.shownProject;
    if (project) this.emit(new CnrProjectSelectEvent({ id: project.id }));
  }

  override render() {
    const project = this.shownProject;
    const locale = this.locale;
    if (project) return this.renderProject(project, locale);
    if (this.project || !this.projectId) return nothing;
    return html`<div class="root" part="base">
      ${this.task.failed
        ? this.renderFailure(this.task.error, () => void this.task.run())
        : this.task.value && this.task.value.data === undefined
          ? html`<p class="not-found" role="status">${messages[locale].notFound}</p>`
          : renderLoading(locale)}
    </div>`;
  }

  private renderProject(project: Project, locale: Locale): TemplateResult {
    const t = messages[locale];
    const full = this.variant !== 'compact';
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    const separator = colon(locale);
    const { axes, territories } = this.labels;
    const funding = full ? this.labels.fundings?.get(project.id) : undefined;
    const territoryNames = project.territories.map((id) => territoryLabel(id, territories, locale));
    const euros = (amount: number) => formatWholeEuros(amount, locale);
    const fact = (part: string, label: string, value: unknown) =>
      html`<div class="fact" part=${part}><dt>${label}</dt> <dd>${value}</dd></div>`;
    const list = (label: string, values: readonly string[] | undefined, part = 'fact') =>
      values && values.length > 0 ? fact(part, label, items(values)) : nothing;
    return html`
      <article class="root" part="base" aria-labelledby="title" data-locale=${locale}>
        ${this.project ? nothing : this.renderDegraded(locale)}
        <div class="title" part="title" id="title" role="heading" aria-level=${level} dir="auto">${project.title}</div>
        ${project.status || (full && project.axes.length > 0)
          ? html`<ul class="badges" part="badges">
              ${project.status
                ? html`<li class="badge" part="status" data-status=${project.status}>
                    <span class="visually-hidden">${t.status}${separator}</span>${t[project.status]}
                  </li>`
                : nothing}
              ${full
                ? project.axes.map(
                    (id) =>
                      html`<li class="badge axis" part="axis" dir="auto">
                        <span class="visually-hidden">${t.axis}${separator}</span>${axes?.get(id) ?? id}
                      </li>`,
                  )
                : nothing}
            </ul>`
          : nothing}
        ${project.derivation?.kind === 'deduced'
          ? html`<div class="derivation" part="derivation">
              ${renderDeducedMark([project.derivation.reasoning], locale, {
                subject: project.derivation.fields ? deducedFieldsText(project.derivation.fields, locale) : t.wholeRecord,
              })}
            </div>`
          : nothing}
        ${full && project.summary ? html`<p class="summary" part="summary" dir="auto">${project.summary}</p>` : nothing}
        <dl class="facts" part="facts">
          ${list(t.porteurs, project.porteurs, 'porteurs')} ${full ? list(t.acteurs, project.acteurs) : nothing}
          ${full ? list(t.partenaires, project.partenaires) : nothing} ${list(t.territory, territoryNames, 'territories')}
          ${full && project.place ? fact('fact', t.place, html`<span dir="auto">${project.place}</span>`) : nothing}
          ${full && project.stage ? fact('fact', t.stage, html`<span dir="auto">${project.stage}</span>`) : nothing}
          ${full ? list(t.publics, project.publics) : nothing} ${full ? this.renderObjectives(project, t, locale) : nothing}
          ${funding && funding.total > 0
            ? fact(
                'funding',
                t.funding,
                html`${euros(funding.total)}${funding.shared ? ` (${t.shared})` : ''}${funding.deduced.length > 0
                  ? html` ${renderDeducedMark(funding.deduced, locale, { subject: t.funding.toLowerCase() })}`
                  : nothing}`,
              )
            : nothing}
          ${funding && funding.requested > 0
            ? fact('requested', t.requested, html`${euros(funding.requested)} (${t.requestedNote})`)
            : nothing}
        </dl>
        ${full ? this.renderSource(project, locale) : nothing}
        ${this.selectable || (full && isHttpUrl(project.url))
          ? html`<div class="actions" part="actions">
              ${full && isHttpUrl(project.url)
                ? html`<a class="link" part="link" href=${project.url} rel="noopener noreferrer"
                    >${t.website}<span class="visually-hidden"> ${quote(project.title, locale)}</span></a
                  >`
                : nothing}
              ${this.selectable
                ? html`<button type="button" class="button" part="select-button" @click=${this.select}>
                    ${t.select}<span class="visually-hidden"> ${quote(project.title, locale)}</span>
                  </button>`
                : nothing}
            </div>`
          : nothing}
      </article>
    `;
  }

  /** Above a loaded project: the error of a failed reload, or the stale notice. */
  private renderDegraded(locale: Locale): TemplateResult | typeof nothing {
    if (this.task.failed) return this.renderFailure(this.task.error, () => void this.task.run());
    return this.task.value?.stale ? renderStale(locale) : nothing;
  }

  private renderObjectives(project: Project, t: Record<Key, string>, locale: Locale): TemplateResult | typeof nothing {
    const objectives = project.objectifs ?? [];
    if (objectives.length === 0) return nothing;
    const collapsible = objectives.reduce((sum, text) => sum + text.length, 0) > COLLAPSE_AFTER;
    const body =
      collapsible && !this.expanded
        ? html`<p dir="auto">${truncate(objectives.join(' '), COLLAPSE_AFTER - 80)}</p>`
        : objectives.length === 1
          ? html`<p dir="auto">${objectives[0]}</p>`
          : html`<ul>
              ${objectives.map((text) => html`<li dir="auto">${text}</li>`)}
            </ul>`;
    return html`<div class="fact objectives" part="objectives">
      <dt>${t.objectives}</dt>
      <dd>
        <div id="objectives">${body}</div>
        ${collapsible
          ? html`<button
              type="button"
              class="toggle"
              part="toggle"
              aria-expanded=${this.expanded ? 'true' : 'false'}
              aria-controls="objectives"
              @click=${() => (this.expanded = !this.expanded)}
            >
              ${this.expanded ? t.less : t.more}<span class="visually-hidden"> ${named(t.objectivesOf, project.title, locale)}</span>
            </button>`
          : nothing}
      </dd>
    </div>`;
  }

  /** The « déduit » mark of a document whose shown publisher or date the document does not print. */
  private renderDocumentDeduction(document: SourceDocument, locale: Locale): TemplateResult | typeof nothing {
    const derivation = document.derivation;
    if (derivation?.kind !== 'deduced') return nothing;
    const shown = ['publisher', ...(document.date ? ['date'] : [])];
    const fields = derivation.fields === undefined ? shown : derivation.fields.filter((field) => shown.includes(field));
    if (fields.length === 0) return nothing;
    return html` ${renderDeducedMark([derivation.reasoning], locale, { subject: deducedFieldsText(fields, locale), part: 'document-deduced' })}`;
  }

  private renderSource(project: Project, locale: Locale): TemplateResult {
    const t = messages[locale];
    const { document: id, excerpt, page } = project.source;
    const document = this.labels.documents?.get(id);
    const title = html`<cite dir="auto">${document?.title ?? id}</cite>`;
    const presentation = project.presentation && project.presentation !== 'autre' ? t[project.presentation] : undefined;
    return html`<details class="source" part="source">
      <summary>${t.source}<span class="visually-hidden"> ${named(t.sourceOf, project.title, locale)}</span></summary>
      <div class="document">
        ${linkOrText(document?.url, title)}${document ? html`, <span dir="auto">${document.publisher}</span>` : nothing}${document?.date
          ? `, ${formatPartialDate(document.date, locale)}`
          : nothing}${document ? this.renderDocumentDeduction(document, locale) : nothing}${page
          ? `, ${t.page} ${formatCount(page, locale)}`
          : nothing}${presentation ? html`<br />${presentation}` : nothing}
      </div>
      <blockquote part="excerpt" dir="auto">${excerpt}</blockquote>
    </details>`;
  }
}
