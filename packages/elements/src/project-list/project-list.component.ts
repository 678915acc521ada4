import {
  MAX_LIMIT,
  type ClientResult,
  type CnrClient,
  type Page,
  type Project,
  type ProjectFilters,
  type ProjectQueryOptions,
  type ValidationProblem,
} from '@cnr-widgets/sdk';
import { TaskStatus } from '@lit/task';
import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnrDataWidget } from '../base/data-widget.js';
import { DataTask, LifecycleTask } from '../base/data-task.js';
import { filtersFromAttributes, filtersKey } from '../base/filters.js';
import type { Locale } from '../i18n/locale.js';
import { renderReserve, stateStyles } from '../base/states.js';
import { tokens } from '../base/tokens.styles.js';
import { CnrFilterChangeEvent } from '../events/events.js';
import { lookupLabels, type LabelKind, type Labels } from '../project-card/labels.js';
import { renderEmpty, type Relaxable } from './list-empty.js';
import { downloadCsv } from './list-export.js';
import { renderCards } from './list-cards.js';
import { renderPager } from './list-pager.js';
import { countLabel, messages, type ProjectListSort } from '../i18n/project-list.js';
import { projectListStyles } from './project-list.styles.js';

export { countLabel, type ProjectListSort } from '../i18n/project-list.js';

/** The list's data as JSON (server rendering): the page, the names its cards show (as entries), the source's report. */
interface PrerenderedList {
  answer: ClientResult<Page<Project>>;
  labels: Partial<Record<LabelKind, [string, unknown][]>>;
  report: ValidationProblem[];
}

/** The orders the sort menu offers, each a `sort` and `order` of `client.projects`. */
const SORTS = {
  title: { sort: 'title', order: 'asc' },
  date: { sort: 'date', order: 'desc' },
  amount: { sort: 'amount', order: 'desc' },
} as const satisfies Record<ProjectListSort, ProjectQueryOptions>;

/** The names a full card shows; a compact one, the first only. */
const LABEL_KINDS = ['territories', 'axes', 'documents', 'fundings'] as const;

/** Filter key → the attribute of the list that sets it. */
const ATTRIBUTE_OF: Partial<Record<Relaxable, 'territory' | 'axis' | 'status' | 'q'>> = {
  territory: 'territory',
  axes: 'axis',
  statuses: 'status',
  q: 'q',
};

/**
 * The projects matching the shared filters, as a searchable, sortable,
 * paged list of `<cnr-project-card>`.
 *
 * Inside a `<cnr-provider>` (or linked to one with `provider="<id>"`) it
 * reads and writes the provider's filters; alone, its attributes set its
 * filters and `src`/`api` its source (the embedded dataset by default).
 * Its own filter attributes take precedence over the provider's.
 *
 * **Pagination: numbered pages.** Each page is one `client.projects` call
 * with `limit`/`offset`, so the list fetches and renders `page-size` cards
 * whatever the number of matching projects (10 000 or more): the DOM and the
 * work per page stay constant, where « load more » grows both with every
 * click. Numbered pages also let keyboard and screen-reader users reach the
 * end directly, and follow the DSFR pagination pattern. After a page change,
 * focus moves to the list of cards, whose name says the page (« Projets,
 * page 2 sur 834 »).
 *
 * **No layout shift, no blank.** While its first page loads (a remote
 * `src`/`api`, or the embedded dataset still on its way), the list reserves
 * the space of a full page (`page-size` cells of
 * `--cnr-project-list-card-min-height`) and the pager's row: nothing is known
 * yet of how many projects match. Once the data is there, a page is as tall
 * as its cards — a short result leaves no blank space. When the data is
 * already loaded as the list first renders (the embedded dataset, which the
 * CDN autoloader starts loading with the page), its first frame shows the
 * cards: no skeleton, nothing to reserve. A page that wants no shift at all
 * while the script loads reserves the height it expects for the undefined
 * element (`cnr-project-list:not(:defined) { min-block-size: … }`) and gives
 * the same height to `--cnr-project-list-loading-height`, which the skeleton
 * then takes: the examples do.
 *
 * @summary The filtered, searchable, sortable list of CNR projects, with CSV export.
 * @since 0.1.0
 *
 * @fires cnr-filter-change - The user searched or relaxed a filter; `detail` is the full filter state.
 * @fires cnr-project-select - Bubbles from a card's « Voir le projet » (`selectable` lists); `detail.id` is the project's id.
 * @fires cnr-error - The projects could not be loaded.
 * @fires cnr-problems - When its data comes with problems (records of the source left out or incomplete); `detail.problems` is the report. The console gets it once per source.
 *
 * @csspart base - The list's box.
 * @csspart toolbar - The row of search, sort and export.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart sort-select - The sort menu.
 * @csspart export-button - The « Exporter en CSV » button.
 * @csspart count - The result count (a polite live region).
 * @csspart cards - The list of cards.
 * @csspart card - Each `<cnr-project-card>`; its parts are exported as `card-base`, `card-title`, `card-status`, `card-select-button`.
 * @csspart empty - The empty state.
 * @csspart relax-button - Each button that removes a filter in the empty state.
 * @csspart pager - The page navigation.
 * @csspart pager-button - Each button of the page navigation.
 * @csspart skeleton - The loading placeholders.
 * @csspart error - The error message.
 * @csspart retry-button - The retry buttons.
 * @csspart stale-notice - The notice that the data may be out of date.
 * @csspart problems - The records of the source left out or incomplete (only with `show-problems`).
 *
 * @cssprop --cnr-project-list-gap - Space between cards.
 * @cssprop --cnr-project-list-card-min-height - Least height of each card's cell, and the height of each cell of the skeleton while the first page loads (default 12rem, 28rem for full cards; from three columns, 2.5rem more than this).
 * @cssprop --cnr-project-list-loading-height - Height of the whole list while its first page loads, for a page that knows what it will show (the height it reserves for `cnr-project-list:not(:defined)`): the skeleton fits in it, and the list keeps it when its cards arrive. Default: the skeleton of a full page.
 * @cssprop --cnr-project-list-column-width - Width from which the grid adds a column (default 18rem).
 */
export class CnrProjectList extends CnrDataWidget {
  static override styles = [tokens, stateStyles, projectListStyles];





  /** Territory filter: a territory id with its kind (`departement:88`, `region:44`, `commune:88160`); a bare code is read too, but région and département codes overlap. */
  @property() territory: string | undefined;

  /** Axis filter: comma-separated axis or sub-group ids. */
  @property() axis: string | undefined;

  /** Status filter: comma-separated statuses (`en-cours,realise`). */
  @property() status: string | undefined;


  /** Initial free-text filter. */
  @property() q: string | undefined;


  /** Cards per page (1–1000, default 12). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;

  /** Variant of the cards: `compact` (default) or `full`. */
  @property({ attribute: 'card-variant' }) cardVariant: 'compact' | 'full' = 'compact';

  /** Heading level of the cards' titles (1–6, default 3). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** The order: `title` (A → Z, French collation; default), `date` (newest first), `amount` (highest first). */
  @property({ reflect: true }) sort: ProjectListSort = 'title';

  /** Gives each card a « Voir le projet » button firing `cnr-project-select`. */
  @property({ type: Boolean }) selectable = false;

  /** @internal */
  protected override readonly loadSubject = 'projects';

  @state() private page = 1;
  @state() private searchText = '';
  @state() private announcement = '';
  @state() private names: Partial<Pick<Labels, 'territories' | 'axes'>> = {};

  /** Filters the user removed: the list's own attributes no longer set them. */
  private readonly relaxed = new Set<Relaxable>();
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private lastQ: string | undefined;
  private queryKey = '';
  private focusAfterLoad: 'cards' | 'relax' | undefined;
  private exporting = false;
  private namesClient: CnrClient | undefined;
  private readonly task = new DataTask(this, {
    args: () => [this.source.client, filtersKey(this.source.filters), this.sort, this.page, this.size] as const,
    task: async ([client, _key, sort, page, size], { signal }) => {
      const result = await client.projects(
        this.source.filters,
        { ...(SORTS[sort] ?? SORTS.title), limit: size, offset: (page - 1) * size },
        { signal },
      );
      // The names the cards show come with the page (the cards do not reflow when they arrive), looked up
      // once the page is there: the source is loaded then, and a lookup never keeps an aborted download going.
      const kinds = this.cardVariant === 'full' ? LABEL_KINDS : LABEL_KINDS.slice(0, 1);
      const found = await Promise.allSettled(kinds.map((kind) => lookupLabels(client, kind)));
      const labels: Partial<Record<LabelKind, unknown>> = {};
      kinds.forEach((kind, i) => {
        const lookup = found[i];
        if (lookup?.status === 'fulfilled') labels[kind] = lookup.value;
      });
      return { ...result, labels: labels as Partial<Labels> };
    },
  });

  /** The source's validation report (records left out), shown on demand. */
  private readonly report = new LifecycleTask(this, {
    args: () => [this.source.client] as const,
    task: async ([client], { signal }) => (await client.load({ signal })).problems,
  });

  /** @internal */
  override async prerender(): Promise<PrerenderedList | undefined> {
    // Server rendering only (renderWidgetHTML, in Node): a browser bundle, where Lit's `isServer` is false, drops the rest.
    if (!isServer) return undefined;
    const { labels, ...answer } = await this.resolveNow(this.task);
    await this.report.run();
    // Of each kind of names, those the page's projects cite (their ids appear in the projects' records).
    const cited = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') cited.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(answer.data.items);
    const entries: PrerenderedList['labels'] = {};
    for (const [kind, map] of Object.entries(labels) as [LabelKind, Map<string, unknown>][]) {
      entries[kind] = [...map].filter(([id]) => cited.has(id));
    }
    return { answer, labels: entries, report: this.report.value ?? [] };
  }

  /** @internal */
  protected override restorePrerendered(state: unknown): void {
    const { answer, labels, report } = state as PrerenderedList;
    const maps: Partial<Record<LabelKind, Map<string, unknown>>> = {};
    for (const [kind, entries] of Object.entries(labels) as [LabelKind, [string, unknown][]][]) maps[kind] = new Map(entries);
    this.task.seed({ ...answer, labels: maps as Partial<Labels> });
    this.report.seed(report);
  }

  /** @internal */
  protected override ownFilters(): ProjectFilters {
    const own = filtersFromAttributes(this);
    if (this.thematique?.trim() === 'all') delete own.thematique;
    for (const key of this.relaxed) delete own[key];
    return own;
  }

  private get size(): number {
    return Math.min(MAX_LIMIT, Math.max(1, Math.floor(this.pageSize) || 12));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    for (const [key, attribute] of Object.entries(ATTRIBUTE_OF) as [Relaxable, string][]) {
      if (changed.has(attribute as keyof CnrProjectList)) this.relaxed.delete(key);
    }
    const filters = this.source.filters;
    // A new query starts at its first page.
    const key = `${filtersKey(filters)}|${this.sort}|${this.size}`;
    if (key !== this.queryKey) {
      if (this.queryKey !== '') this.page = 1;
      this.queryKey = key;
    }
    // The search field follows the filter when someone else changes it, not while the user types.
    const q = filters.q ?? '';
    if (q !== this.lastQ) {
      this.lastQ = q;
      if (this.searchTimer === undefined) this.searchText = q;
    }
    if (this.current?.data.total === 0) this.lookUpNames();
  }

  protected override updated(): void {
    // The field shows the state's search even after typing the state did not take (what Lit's `live` directive
    // does, without the directive machinery every page would load: issue 14, sizes).
    const field = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (field && field.value !== this.searchText) field.value = this.searchText;
    if (this.focusAfterLoad === undefined || this.task.status !== TaskStatus.COMPLETE) return;
    const target =
      this.focusAfterLoad === 'cards' && this.current?.data.offset === (this.page - 1) * this.size
        ? this.renderRoot.querySelector<HTMLElement>('[part="cards"]')
        : this.renderRoot.querySelector<HTMLElement>('[part="relax-button"], [part="cards"]');
    if (target) {
      this.focusAfterLoad = undefined;
      target.focus();
    }
  }

  /** The last page that loaded (kept beside an error). */
  private get current() {
    return this.task.value ?? this.task.lastValue;
  }

  private lookUpNames(): void {
    const client = this.source.client;
    if (client === this.namesClient) return;
    this.namesClient = client;
    this.names = {};
    for (const kind of ['territories', 'axes'] as const) {
      lookupLabels(client, kind).then(
        (map) => {
          if (this.namesClient === client) this.names = { ...this.names, [kind]: map };
        },
        () => {
          // The empty state then names the filter values as given.
        },
      );
    }
  }

  /** Writes the shared filters (user action) and tells the page. */
  private changeFilters(next: ProjectFilters): void {
    this.source.setFilters(next);
    this.emit(new CnrFilterChangeEvent(this.source.filters));
  }

  private onSearchInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), 200);
  }

  private onSearchSubmit(event: Event): void {
    event.preventDefault();
    this.applySearch();
  }

  private applySearch(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    const q = this.searchText.trim();
    const filters = { ...this.source.filters };
    if ((filters.q ?? '') === q) return;
    this.relaxed.add('q');
    if (q) filters.q = q;
    else delete filters.q;
    this.lastQ = q;
    this.changeFilters(filters);
  }

  private onSortChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value in SORTS) this.sort = value as ProjectListSort;
  }

  private relax(keys: readonly Relaxable[]): void {
    const filters = { ...this.source.filters };
    for (const key of keys) {
      this.relaxed.add(key);
      delete filters[key];
    }
    if (keys.includes('q')) this.searchText = '';
    this.focusAfterLoad = 'relax';
    this.changeFilters(filters);
  }

  private goTo(page: number): void {
    this.page = page;
    this.focusAfterLoad = 'cards';
  }

  /** Downloads every project of the current selection (all pages) as CSV. */
  private async exportCsv(): Promise<void> {
    if (this.exporting) return;
    this.exporting = true;
    const t = messages[this.locale];
    this.announcement = t.exporting;
    try {
      // The SDK's export (and its CSV writer) is loaded only when someone exports.
      const { selectionCsv } = await import('./list-csv.js');
      const { csv, count } = await selectionCsv(this.source.client, this.source.filters, SORTS[this.sort]);
      downloadCsv(this.renderRoot, csv, t.file);
      this.announcement = t.exported.replace('{n}', countLabel(count, this.locale));
    } catch {
      this.announcement = t.exportFailed;
    } finally {
      this.exporting = false;
    }
  }

  override render() {
    const locale = this.locale;
    const t = messages[locale];
    const result = this.current;
    const page = result?.data;
    const problems: ValidationProblem[] = [...(this.report.current ?? []), ...(result?.problems ?? [])];
    // The count is announced once the change has settled, by the provider or the list (base/announcer.ts): not a live region.
    this.summarize('count', page ? countLabel(page.total, locale) : undefined, this.task);
    return html`
      <div class="root ${page || this.task.failed ? '' : 'loading'}" part="base">
        <div class="toolbar" part="toolbar">
          <form class="search" part="search" role="search" @submit=${this.onSearchSubmit}>
            <label for="search">${t.search}</label>
            <input
              id="search"
              part="search-input"
              type="search"
              autocomplete="off"
              .value=${this.searchText}
              @input=${this.onSearchInput}
            />
          </form>
          <div class="sort">
            <label for="sort">${t.sortBy}</label>
            <select id="sort" part="sort-select" @change=${this.onSortChange}>
              ${(Object.keys(SORTS) as ProjectListSort[]).map(
                (value) => html`<option value=${value} ?selected=${value === this.sort}>${t[value]}</option>`,
              )}
            </select>
          </div>
          <button type="button" class="button secondary" part="export-button" @click=${this.exportCsv}>${t.export}</button>
        </div>
        <p class="count" part="count">${page ? countLabel(page.total, locale) : ''}</p>
        <div class="visually-hidden" role="status">${this.announcement}</div>
        ${this.renderStatus(this.task)}
        ${page || !this.task.failed ? this.renderPage(page, locale) : nothing}
        ${this.problemsReport.render(locale, problems)}
      </div>
    `;
  }

  /**
   * While the first page loads, the skeleton: a full page of cells and the
   * pager's row (nothing is known yet of how many projects match). Then the
   * page, as tall as its cards (a short page leaves no blank space); a full
   * page lies over the same cells, kept hidden beneath it, and its rows share
   * their space (a taller card takes from the others): it keeps the
   * skeleton's height. A later page loads over the one shown.
   */
  private renderPage(page: Page<Project> | undefined, locale: Locale): TemplateResult {
    if (!page) return html`<div class="reserved">${renderReserve(locale, true, this.size, 'cards')}</div><div class="pager"></div>`;
    const last = Math.ceil(page.total / this.size);
    const current = Math.floor(page.offset / this.size) + 1;
    const full = page.items.length >= this.size;
    const content =
      page.total === 0
        ? renderEmpty(locale, this.source.filters, this.names, (keys) => this.relax(keys))
        : renderCards(page, current, last, locale, {
            client: this.source.client,
            full: this.cardVariant === 'full',
            headingLevel: Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3)),
            selectable: this.selectable,
            fill: full,
            busy: this.task.status === TaskStatus.PENDING,
            labels: this.current?.labels,
          });
    return html`${full ? html`<div class="stack">${renderReserve(locale, false, this.size, 'cards')}${content}</div>` : content}
      ${last > 1 ? renderPager(current, last, locale, (p) => this.goTo(p)) : nothing}`;
  }




}
