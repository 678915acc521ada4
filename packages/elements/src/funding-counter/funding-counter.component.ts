import type { FigureQualifier, ProjectFilters, SourceDocument, ValidationProblem } from '@cnr-widgets/sdk';
import { html, isServer, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnrDataWidget } from '../base/data-widget.js';
import { DataTask } from '../base/data-task.js';
import { deducedStyles, renderDeducedMark } from '../base/deduced.js';
import { filtersFromAttributes, filtersKey } from '../base/filters.js';
import { combineQualifiers, formatEuros, formatEurosAccessible, qualifierText } from '../i18n/format.js';
import { disclosureStyles } from '../base/disclosure.styles.js';
import { linkOrText } from '../base/links.js';
import { messages } from '../i18n/funding-counter.js';
import { colon } from '../i18n/typography.js';
import { renderLoading, stateStyles } from '../base/states.js';
import { tokens } from '../base/tokens.styles.js';
import { fundingCounterStyles } from './funding-counter.styles.js';

/** What the counter shows, once loaded. */
export interface FundingCounterData {
  /** Euros. */
  total: number;
  /** No funding record matches (as opposed to records whose amounts add up to zero). */
  none: boolean;
  /** How exact the total is, from the funding records (embedded and static sources only). */
  qualifier: FigureQualifier | undefined;
  byFunder: { funder: string; total: number }[];
  /** The deduced records behind the total (`FundingTotal.deduced`): their label and the reasoning. */
  deduced: { label: string; reasoning: string }[];
  documents: Pick<SourceDocument, 'id' | 'title' | 'url'>[];
  stale: boolean;
  problems: ValidationProblem[];
}

const ANIMATION_MS = 700;

function motionAllowed(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: no-preference)').matches;
}

/**
 * The total funding, in euros, of the current selection — the provider's
 * filters, or the element's own `territory`, `year` and `funder` — written the
 * French way (`2,9 M€`) with the full amount for assistive technologies, and
 * the funders and source documents behind it on demand.
 *
 * @summary Total funding of the selection, with its funders and sources.
 * @since 0.1.0
 *
 * @slot label - Replaces the label « Financements identifiés ».
 *
 * @fires cnr-error - When the data cannot be loaded; `detail.error` is the SDK error.
 * @fires cnr-problems - When its data comes with problems (records of the source left out or incomplete); `detail.problems` is the report. The console gets it once per source.
 *
 * @csspart base - The element's box.
 * @csspart label - The label above the amount.
 * @csspart amount - The visible amount (hidden from assistive technologies, which read the full amount).
 * @csspart qualifier - « plus de » before an amount that is a minimum.
 * @csspart empty - The message shown when no funding matches.
 * @csspart details-button - The « Détail » button.
 * @csspart details - The panel with the funders and the sources.
 * @csspart table - The table of the funders.
 * @csspart note - The note saying the total is a minimum or approximate.
 * @csspart sources - The list of source documents.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry-button - The « Réessayer » button.
 * @csspart stale-notice - The notice shown over out-of-date data.
 * @csspart deduced-note - In the detail, the note that the total rests on a deduction, with its « déduit » mark.
 * @csspart deduced - The « déduit » mark (a disclosure whose content is each deduced record and its reasoning).
 * @csspart problems - The records of the source left out or incomplete (only with `show-problems`).
 *
 * @cssprop --cnr-funding-counter-padding - Inner spacing.
 * @cssprop --cnr-funding-counter-background - Background.
 * @cssprop --cnr-funding-counter-color - Colour of the amount.
 * @cssprop --cnr-funding-counter-font-size - Size of the amount.
 */
export class CnrFundingCounter extends CnrDataWidget {
  static override styles = [tokens, stateStyles, disclosureStyles, deducedStyles, fundingCounterStyles];





  /** Only this territory, whatever the provider's: a territory id with its kind (`departement:57`, `region:44`; a bare code is read too). */
  @property() territory: string | undefined;

  /** Only this year of funding. */
  @property({ type: Number }) year: number | undefined;

  /** Only this funder (« ARS Grand Est »; case and accents ignored). */
  @property() funder: string | undefined;


  /** Whether the funders and sources are shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** @internal */
  protected override readonly loadSubject = 'funding';

  /** The number shown while the amount animates; `undefined` otherwise. */
  @state() private shown: number | undefined;
  private target: number | undefined;
  private frame = 0;


  private readonly task = new DataTask(this, {
    args: () => [this.source.client, filtersKey(this.source.filters)] as const,
    task: async ([client], { signal }): Promise<FundingCounterData> => {
      const [result, documents, loaded] = await Promise.all([
        client.fundingTotal(this.source.filters, { signal }),
        client.documents({ signal }),
        // A REST API gives no funding records: no qualifier then.
        client.kind === 'rest' ? undefined : client.load({ signal }),
      ]);
      const fundings = new Map(loaded?.dataset.fundings.map((funding) => [funding.id, funding]));
      const documentsById = new Map(documents.data.map((document) => [document.id, document]));
      const total = result.data;
      return {
        total: total.total,
        none: total.fundings.length === 0,
        qualifier: combineQualifiers(total.fundings.map((id) => fundings.get(id)?.qualifier)),
        byFunder: total.byFunder,
        deduced: (total.deduced ?? []).map(({ funding, reasoning }) => {
          const record = fundings.get(funding);
          return { label: record ? `${record.funder} — ${record.label}` : funding, reasoning };
        }),
        documents: total.documents.map((id) => documentsById.get(id) ?? { id, title: id }),
        stale: result.stale || documents.stale,
        problems: [...result.problems, ...(loaded?.problems ?? [])],
      };
    },
  });

  /** @internal */
  override async prerender(): Promise<FundingCounterData | undefined> {
    // Server rendering only (renderWidgetHTML, in Node): a browser bundle, where Lit's `isServer` is false, drops the rest.
    if (!isServer) return undefined;
    const data = await this.resolveNow(this.task);
    // Only what the counter shows of each document.
    return { ...data, documents: data.documents.map(({ id, title, url }) => (url === undefined ? { id, title } : { id, title, url })) };
  }

  /** @internal */
  protected override restorePrerendered(data: unknown): void {
    this.task.seed(data as FundingCounterData);
  }

  /** @internal */
  protected override ownFilters(): ProjectFilters {
    const filters = filtersFromAttributes({ territory: this.territory, thematique: this.thematique });
    if (this.year !== undefined && Number.isInteger(this.year)) {
      filters.yearFrom = this.year;
      filters.yearTo = this.year;
    }
    const funder = this.funder?.trim();
    if (funder) filters.funder = funder;
    return filters;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    this.shown = undefined;
  }

  protected override willUpdate(): void {
    const data = this.task.lastValue;
    const next = data === undefined || data.none ? undefined : data.total;
    if (next === this.target) return;
    const from = this.shown ?? this.target;
    this.target = next;
    // (No animation frames in a server render.)
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.frame);
    this.shown = undefined;
    // Only from a previous amount to a new one, and only when the user has not asked for less motion.
    if (from !== undefined && next !== undefined && motionAllowed()) this.countUp(from, next);
  }

  private countUp(from: number, to: number): void {
    const start = performance.now();
    const step = (now: number) => {
      const progress = Math.min(1, (now - start) / ANIMATION_MS);
      const eased = 1 - (1 - progress) ** 3;
      this.shown = progress >= 1 ? undefined : from + (to - from) * eased;
      if (progress < 1) this.frame = requestAnimationFrame(step);
    };
    this.shown = from;
    this.frame = requestAnimationFrame(step);
  }

  private toggle(): void {
    this.open = !this.open;
  }

  private renderData(data: FundingCounterData) {
    const locale = this.locale;
    const t = messages[locale];
    const qualifier = qualifierText(data.qualifier, locale);
    const roundDown = data.qualifier === 'plus-de';
    const visible = formatEuros(this.shown ?? data.total, locale, { compact: true, roundDown });
    return html`
      ${data.none
        ? nothing
        : html`<p class="amount" part="amount" aria-hidden="true">
            ${qualifier ? html`<span class="qualifier" part="qualifier">${qualifier}</span> ` : nothing}<span class="number"
              >${visible}</span
            >
          </p>`}
      <div class="live">
        ${data.none
          ? html`<p class="empty" part="empty">${t.none}</p>`
          : html`<span class="visually-hidden">${qualifier ? `${qualifier} ` : ''}${formatEurosAccessible(data.total, locale)}</span>`}
      </div>
      ${data.none
        ? nothing
        : html`<button
              type="button"
              class="toggle"
              part="details-button"
              aria-expanded=${this.open ? 'true' : 'false'}
              aria-controls="details"
              @click=${this.toggle}
            >
              ${t.details}
            </button>
            <div class="details" part="details" id="details" ?hidden=${!this.open}>
              ${data.byFunder.length === 0
                ? nothing
                : html`<table part="table">
                    <caption>
                      ${t.funders}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">${t.funder}</th>
                        <th scope="col">${t.amount}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${data.byFunder.map(
                        (row) =>
                          html`<tr>
                            <th scope="row" dir="auto">${row.funder}</th>
                            <td>${formatEuros(row.total, locale)}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>`}
              ${data.qualifier
                ? html`<p class="note" part="note">${data.qualifier === 'plus-de' ? t.lowerBound : t.approximate}</p>`
                : nothing}
              ${data.deduced.length > 0
                ? html`<div class="note" part="deduced-note">
                    ${t.deduced}
                    ${renderDeducedMark(
                      // The record's label is data: isolated (FSI … PDI) so that its direction cannot turn our colon round.
                      data.deduced.map(({ label, reasoning }) => `\u2068${label}\u2069${colon(locale)}${reasoning}`),
                      locale,
                      { subject: t.deducedSubject },
                    )}
                  </div>`
                : nothing}
              ${data.documents.length === 0
                ? nothing
                : html`<p class="sources-title" id="sources-title">${t.sources}</p>
                    <ul class="sources" part="sources" aria-labelledby="sources-title">
                      ${data.documents.map(
                        (document) =>
                          html`<li dir="auto">
                            ${linkOrText(document.url, document.title)}
                          </li>`,
                      )}
                    </ul>`}
            </div>`}
      ${this.problemsReport.render(locale, data.problems)}
    `;
  }

  override render() {
    const locale = this.locale;
    const data = this.task.lastValue;
    const failed = this.task.failed;
    // The amount is announced once the change has settled, by the provider or the counter (base/announcer.ts).
    const qualifier = data ? qualifierText(data.qualifier, locale) : '';
    const spoken = data === undefined ? undefined : data.none ? messages[locale].none : `${qualifier ? `${qualifier} ` : ''}${formatEurosAccessible(data.total, locale)}`;
    this.summarize('funding', spoken, this.task);
    return html`<div class="root" part="base" lang=${locale}>
      ${this.renderStatus(this.task)}
      <p class="label" part="label"><slot name="label">${messages[locale].label}</slot></p>
      <div class="body">${data === undefined ? (failed ? nothing : renderLoading(locale, 'var(--_body)')) : this.renderData(data)}</div>
    </div>`;
  }
}
