import {
  FIGURE_METRICS,
  type ConcertationFigures,
  type FigureMetric,
  type FigureQualifier,
  type ProjectFilters,
  type SourceDocument,
  type Territory,
  type ValidationProblem,
} from '@cnr-widgets/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isolatedList, quoteData } from './bidi-quotes.js';
import { CnrDataWidget } from '../base/data-widget.js';
import { DataTask } from '../base/data-task.js';
import { deducedStyles, renderDeducedMark } from '../base/deduced.js';
import { filtersFromAttributes, splitList } from '../base/filters.js';
import { disclosureStyles } from '../base/disclosure.styles.js';
import { linkOrText } from '../base/links.js';
import { describeTerritoryId } from '../base/territory-names.js';
import { LABELS, MEETINGS, messages } from '../i18n/key-figures.js';
import { combineQualifiers, formatCount, qualifierText } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { plural } from '../i18n/plural.js';
import { renderReserve, stateStyles } from '../base/states.js';
import { tokens } from '../base/tokens.styles.js';
import { keyFiguresStyles } from './key-figures.styles.js';
import type { renderUnattributed } from './unattributed.js';
import { unattributedStyles } from './unattributed.styles.js';

interface Figure {
  metric: FigureMetric;
  value: number;
  qualifier: FigureQualifier | undefined;
  /** The meetings by kind behind `reunions`, when one record states both. */
  meetings?: ConcertationFigures['meetings'];
  /** The reasonings when the total rests on a deduced value (`FiguresTotal.deduced`). */
  deduced?: string[];
}

interface FigureSource {
  id: string;
  title: string;
  url?: string | undefined;
  excerpt: string;
}

/** The figures that count projects: announced by the documents, not the records a list shows. */
const PROJECT_METRICS: ReadonlySet<FigureMetric> = new Set(['projets', 'projetsRealises', 'projetsEnCours']);

/** What the element shows, once loaded. */
export interface KeyFiguresData {
  /** The territory (its name when known); `undefined` for every territory. */
  territory: { id: string; name: string | undefined } | undefined;
  figures: Figure[];
  sources: FigureSource[];
  stale: boolean;
  problems: ValidationProblem[];
  /** With `show-unattributed` and no territory: the figures of no territory (never in the figures above). */
  unattributed: ConcertationFigures[];
  /** Their renderer, loaded on demand (only when there are some). */
  renderUnattributed?: typeof renderUnattributed;
  documents: Map<string, SourceDocument>;
  territories: Map<string, Territory>;
}

/** The unattributed figures' renderer, once loaded. */
let unattributedModule: { renderUnattributed: typeof renderUnattributed } | undefined;

/** The key figures' data as JSON (server rendering): the maps as lists, no renderer. */
type PrerenderedKeyFigures = Omit<KeyFiguresData, 'renderUnattributed' | 'documents' | 'territories'> & {
  documents: SourceDocument[];
  territories: Territory[];
};

/**
 * The figures of the concertation — réunions, participants, contributions,
 * propositions, projets (réalisés, en cours) — of the selected territory, its
 * lower territories included, each with its qualifier (« plus de 1 100
 * participants »), and the source passages on demand.
 *
 * The loading skeleton reserves a box per figure asked for (`metrics`, every
 * metric by default), the territory's line and the « Sources » button's row,
 * and the element keeps that space once loaded. A page that knows its figures
 * (a breakdown of the meetings takes a few more lines) reserves their exact
 * height with `min-block-size` on the element.
 *
 * @summary Key figures of the CNR concertation for a territory.
 * @since 0.1.0
 *
 * @fires cnr-error - When the data cannot be loaded; `detail.error` is the SDK error.
 * @fires cnr-problems - When its data comes with problems (records of the source left out or incomplete); `detail.problems` is the report. The console gets it once per source.
 *
 * @csspart base - The element's box.
 * @csspart territory - The name of the territory.
 * @csspart figures - The list of figures.
 * @csspart figure - One figure.
 * @csspart qualifier - « plus de », « environ »… before a number.
 * @csspart number - The number of a figure.
 * @csspart label - What a figure counts.
 * @csspart breakdown - The meetings by kind, under the number of réunions.
 * @csspart empty - The message shown when the territory has no figures.
 * @csspart scope - Under figures that count projects: what they count (the number the documents announce, not the projects a list shows).
 * @csspart sources-button - The « Sources » button.
 * @csspart sources - The list of source passages.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry-button - The « Réessayer » button.
 * @csspart stale-notice - The notice shown over out-of-date data.
 * @csspart deduced - The « déduit » mark of a figure whose total rests on a deduced value (a disclosure whose content is the reasoning).
 * @csspart unattributed - The « Chiffres non attribués » block (`show-unattributed`, no territory selected).
 * @csspart unattributed-button - Its disclosure button.
 * @csspart unattributed-list - The list of unattributed figures.
 * @csspart problems - The records of the source left out or incomplete (only with `show-problems`).
 *
 * @cssprop --cnr-key-figures-min-width - Least width of a figure's box.
 * @cssprop --cnr-key-figures-gap - Space between figures.
 * @cssprop --cnr-key-figures-background - Background of a figure.
 * @cssprop --cnr-key-figures-accent-color - Colour of a figure's side rule.
 * @cssprop --cnr-key-figures-color - Colour of the numbers.
 * @cssprop --cnr-key-figures-font-size - Size of the numbers.
 */
export class CnrKeyFigures extends CnrDataWidget {
  static override styles = [tokens, stateStyles, disclosureStyles, deducedStyles, keyFiguresStyles, unattributedStyles];





  /** Only this territory, whatever the provider's: a territory id with its kind (`departement:57`, `region:44`; a bare code is read too). */
  @property() territory: string | undefined;


  /** Which figures, comma-separated (`reunions,participants,projets`); every figure published by default. */
  @property() metrics: string | undefined;

  /** One phase of the concertation (`acte-1`…); by default each figure comes from its latest report. */
  @property() phase: string | undefined;

  /**
   * With no territory selected (France): offers a « Chiffres non attribués »
   * disclosure listing the figures whose territory the documents do not state
   * (never counted in any total), each with its place in the document and its
   * source passage. Shown only when there are some; not available from a REST API.
   */
  @property({ type: Boolean, attribute: 'show-unattributed' }) showUnattributed = false;

  /** @internal */
  protected override readonly loadSubject = 'figures';

  @state() private unattributedOpen = false;

  /** Rendered with its data from the first paint (server rendering): no space to reserve for it. */
  private prerendered = false;

  /** Whether the source passages are shown. */
  @property({ type: Boolean, reflect: true, attribute: 'sources-open' }) sourcesOpen = false;


  private readonly task = new DataTask(this, {
    args: () =>
      [
        this.source.client,
        this.source.filters.territory,
        this.source.filters.thematique,
        this.phase?.trim() || undefined,
        this.showUnattributed,
      ] as const,
    task: async ([client, territory, thematique, phase, showUnattributed], { signal }): Promise<KeyFiguresData> => {
      const [result, territories, documents, loaded, unattributed] = await Promise.all([
        client.figures({ territory, thematique, phase }, { signal }),
        client.territories({ signal }),
        client.documents({ signal }),
        // A REST API gives no figure records: no qualifier nor passage then.
        client.kind === 'rest' ? undefined : client.load({ signal }),
        // Unattributed figures belong to no territory: offered only with none selected.
        showUnattributed && territory === undefined && client.kind !== 'rest'
          ? client.unattributedFigures({ thematique, phase }, { signal }).then(
              (answer) => answer.data,
              (error: unknown) => {
                if (signal.aborted) throw error;
                return [];
              },
            )
          : [],
      ]);
      const total = result.data;
      const ids = new Set(total.records);
      const used = loaded?.dataset.figures.filter((record) => ids.has(record.id)) ?? [];
      const approximate = new Set(total.approximate ?? []);
      const figures: Figure[] = [];
      for (const metric of FIGURE_METRICS) {
        const value = total[metric];
        if (value === undefined) continue;
        const stating = used.filter((record) => record[metric] !== undefined);
        const qualifier = approximate.has(metric)
          ? (combineQualifiers(stating.map((record) => record.qualifiers?.[metric])) ?? 'environ')
          : undefined;
        const figure: Figure = { metric, value, qualifier };
        const deduced = (total.deduced ?? []).filter((entry) => entry.metric === metric).map((entry) => entry.reasoning);
        if (deduced.length > 0) figure.deduced = deduced;
        const only = stating.length === 1 ? stating[0]! : undefined;
        if (metric === 'reunions' && only?.reunions === value && only.meetings?.length) figure.meetings = only.meetings;
        figures.push(figure);
      }
      const documentsById = new Map(documents.data.map((document) => [document.id, document]));
      const named = territories.data.find((candidate) => candidate.id === total.territory);
      return {
        territory: total.territory === undefined ? undefined : { id: total.territory, name: named?.name },
        figures,
        sources: used.map((record) => {
          const document = documentsById.get(record.source.document);
          return { id: record.id, title: document?.title ?? record.source.document, url: document?.url, excerpt: record.source.excerpt };
        }),
        stale: result.stale || territories.stale || documents.stale,
        problems: [...result.problems, ...(loaded?.problems ?? [])],
        unattributed,
        // Most pages never show them: the markup and its words are a separate chunk.
        ...(unattributed.length > 0 ? { renderUnattributed: (unattributedModule ??= await import('./unattributed.js')).renderUnattributed } : {}),
        documents: documentsById,
        territories: new Map(territories.data.map((candidate) => [candidate.id, candidate])),
      };
    },
  });

  /** @internal */
  override async prerender(): Promise<PrerenderedKeyFigures> {
    const { renderUnattributed: _renderer, documents, territories, ...data } = await this.resolveNow(this.task);
    // The documents and territories serve the unattributed figures only: those they cite.
    const cited = new Set(
      data.unattributed.flatMap((figure) => {
        const candidate = figure.derivation?.kind === 'unattributed' ? figure.derivation.candidateTerritory : undefined;
        return candidate ? [figure.source.document, candidate] : [figure.source.document];
      }),
    );
    return {
      ...data,
      documents: [...documents.values()].filter((document) => cited.has(document.id)),
      territories: [...territories.values()].filter((territory) => cited.has(territory.id)),
    };
  }

  /** @internal */
  protected override restorePrerendered(state: unknown): void {
    const { documents, territories, ...rest } = state as PrerenderedKeyFigures;
    const data: KeyFiguresData = {
      ...rest,
      documents: new Map(documents.map((document) => [document.id, document])),
      territories: new Map(territories.map((territory) => [territory.id, territory])),
    };
    if (data.unattributed.length > 0 && unattributedModule) data.renderUnattributed = unattributedModule.renderUnattributed;
    this.task.seed(data);
    this.prerendered = true;
    if (data.unattributed.length > 0 && !data.renderUnattributed) {
      // Its renderer is a chunk of its own: until it arrives the block rendered ahead of time stays as it is.
      void import('./unattributed.js').then((module) => {
        unattributedModule = module;
        data.renderUnattributed = module.renderUnattributed;
        this.requestUpdate();
      });
    }
  }

  /** @internal */
  protected override ownFilters(): ProjectFilters {
    return filtersFromAttributes({ territory: this.territory, thematique: this.thematique });
  }

  private toggleSources(): void {
    this.sourcesOpen = !this.sourcesOpen;
  }

  private renderFigure(figure: Figure, locale: Locale) {
    const [one, other] = LABELS[locale][figure.metric];
    const label = plural(figure.value, locale, one, other);
    const qualifier = qualifierText(figure.qualifier, locale);
    // « 12 réunions départementales » — the data's own words for the kind, when it gives them (French).
    const meetings = figure.meetings?.map(
      (meeting) => `${formatCount(meeting.count, locale)} ${(locale === 'fr' ? meeting.label : undefined) ?? MEETINGS[locale][meeting.kind]}`,
    );
    return html`<li class="figure" part="figure" data-metric=${figure.metric}>
      ${qualifier ? html`<span class="qualifier" part="qualifier">${qualifier}</span>` : nothing}
      <span class="number" part="number">${formatCount(figure.value, locale)}</span>
      <span class="label" part="label">${label}</span>
      ${figure.deduced ? renderDeducedMark(figure.deduced, locale, { subject: label }) : nothing}
      ${meetings
        ? html`<span class="breakdown" part="breakdown">${messages[locale].including} ${isolatedList(meetings, locale)}</span>`
        : nothing}
    </li>`;
  }

  private renderData(data: KeyFiguresData) {
    const locale = this.locale;
    const t = messages[locale];
    const chosen = splitList(this.metrics);
    const figures = chosen.length === 0 ? data.figures : data.figures.filter((figure) => chosen.includes(figure.metric));
    const territoryName = data.territory ? (data.territory.name ?? describeTerritoryId(data.territory.id, locale)) : t.everywhere;
    return html`
      <div>
        <p class="territory" part="territory">
          <span class="visually-hidden">${t.title}</span> <span dir="auto">${territoryName}</span>
        </p>
        ${figures.length === 0 ? html`<p class="empty" part="empty">${t.empty}</p>` : nothing}
      </div>
      ${figures.length === 0
        ? nothing
        : html`<ul class="figures" part="figures" role="list">
              ${figures.map((figure) => this.renderFigure(figure, locale))}
            </ul>
            ${figures.some((figure) => PROJECT_METRICS.has(figure.metric))
              ? html`<p class="scope" part="scope">${t.projectsScope}</p>`
              : nothing}`}
      ${figures.length === 0 || data.sources.length === 0
        ? nothing
        : html`<button
              type="button"
              class="toggle"
              part="sources-button"
              aria-expanded=${this.sourcesOpen ? 'true' : 'false'}
              aria-controls="sources"
              @click=${this.toggleSources}
            >
              ${t.sources}<span class="visually-hidden"> ${t.sourcesOf.replace('{territory}', () => territoryName)}</span>
            </button>
            <ul class="sources" part="sources" id="sources" ?hidden=${!this.sourcesOpen}>
              ${data.sources.map(
                (source) =>
                  html`<li>
                    <cite dir="auto"
                      >${linkOrText(source.url, source.title)}</cite
                    >
                    <blockquote lang="fr">${quoteData(source.excerpt, 'fr')}</blockquote>
                  </li>`,
              )}
            </ul>`}
      ${data.territory === undefined && data.renderUnattributed
        ? data.renderUnattributed(data.unattributed, {
            locale,
            open: this.unattributedOpen,
            toggle: () => (this.unattributedOpen = !this.unattributedOpen),
            documents: data.documents,
            territories: data.territories,
            meetingWords: (kind) => MEETINGS[locale][kind],
          })
        : nothing}
      ${this.problemsReport.render(locale, data.problems)}
    `;
  }

  override render() {
    const locale = this.locale;
    const data = this.task.lastValue;
    const failed = this.task.failed;
    // The territory is announced once the change has settled, by the provider or the widget (base/announcer.ts).
    this.summarize(
      'territory',
      data ? (data.territory ? (data.territory.name ?? describeTerritoryId(data.territory.id, locale)) : messages[locale].everywhere) : undefined,
      this.task,
    );
    return html`<div class="root" part="base" lang=${locale}>
      ${this.renderStatus(this.task)}
      ${data === undefined && failed
        ? nothing
        : // The skeleton: a box per figure asked for (every metric by default), kept hidden under the figures.
          html`<div class="stack">${this.prerendered
            ? nothing
            : renderReserve(locale, !data, splitList(this.metrics).length || FIGURE_METRICS.length, 'figures')}${data
            ? html`<div>${this.renderData(data)}</div>`
            : nothing}</div>`}
    </div>`;
  }
}
