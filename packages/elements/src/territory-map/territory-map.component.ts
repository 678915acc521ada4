import type { ProjectFilters, Territory, TerritoryBreakdownRow, ValidationProblem } from '@cnr-widgets/sdk';
import { adoptStyles, html, isServer, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnrDataWidget } from '../base/data-widget.js';
import { DataTask, LifecycleTask } from '../base/data-task.js';
import { deducedStyles } from '../base/deduced.js';
import { filtersKey } from '../base/filters.js';
import { renderLoading, stateStyles } from '../base/states.js';
import { tokens } from '../base/tokens.styles.js';
import { CnrFilterChangeEvent } from '../events/events.js';
import { MapKeyboard } from './map-keyboard.js';
import {
  METRICS,
  REGION_CODES,
  isPressed,
  legendClasses,
  mapItems,
  findTerritory,
  memoize,
  selectionFor,
  splitDepartments,
  type GeometryModule,
  type MapData,
  type TerritoryMapItem,
  type TerritoryMapLevel,
  type TerritoryMapMetric,
} from './map-model.js';
import { messages } from '../i18n/territory-map.js';
import { ShapeLayers, nextSort, renderMapLegend, renderMapSvg, renderMapTable, type MapSort, type MapSortKey, type MapView } from './map-view.js';
import { territoryMapStyles } from './territory-map.styles.js';

const NO_ITEMS: readonly TerritoryMapItem[] = [];

export { quantileBreaks, type TerritoryMapItem, type TerritoryMapLevel, type TerritoryMapMetric } from './map-model.js';

/** The map's geometry, once loaded (one module for every map of the page). */
let geometryModule: GeometryModule | undefined;

/** The map's data as JSON (server rendering): the rows, and the part of the referential it reads. */
interface PrerenderedMap {
  rows: TerritoryBreakdownRow[];
  stale: boolean;
  problems: ValidationProblem[];
  territories: Territory[];
}

/**
 * A choropleth map of France — régions, or départements (all of them or one
 * région's, zoomed), the five overseas départements as insets — coloured by
 * the number of projects, the funding, the participants or the propositions
 * of the current selection, linked to the other widgets through the shared
 * territory filter.
 *
 * The geometry (≈ 18 kB gzipped) is a separate chunk, imported when the map
 * is first rendered; the frame keeps the map's aspect ratio meanwhile, so
 * nothing moves when it arrives. The frame takes the shape of what it shows
 * (France with the overseas insets, or the zoomed région's own proportions)
 * and fits a column: the width of its container, never taller than
 * `--cnr-territory-map-max-height` (32rem by default), centred.
 *
 * Accessibility. The SVG is a `role="group"` named by a visually hidden
 * paragraph before it (`#map-title`) and described by its `<desc>`; each territory is a `role="button"` with
 * `aria-pressed` and an accessible name giving its value (« Vosges : 6
 * projets »). Buttons in a group, rather than options in a listbox, because
 * screen readers (NVDA, JAWS, VoiceOver, TalkBack) announce and operate
 * `button`/`aria-pressed` on SVG shapes reliably in both browse and focus
 * modes, and a selection that writes a filter is an action, not a form value;
 * `listbox` inside SVG gets inconsistent support and forces focus mode. The
 * map is one tab stop (roving `tabindex`): arrow keys move to the nearest
 * territory in that direction, Home/End to the first/last (INSEE code
 * order), Enter or Space select (again: unselect). Escape closes what is
 * open — the tooltip, or the table when the focus is in it — and does
 * nothing else: it never clears the territory (a page's default, such as an
 * ARS's région, included); « Toute la France » does. The tooltip repeats the
 * focused or hovered territory's name for sighted users and is hidden from
 * assistive technologies, which read the same in the accessible name; it
 * meets WCAG 1.4.13 (RGAA 10.13): Escape dismisses it wherever the focus is,
 * the pointer can move onto it, and it stays until dismissed, until the
 * pointer leaves the map or until the focus moves. « Afficher le tableau »
 * shows a table with the same figures.
 *
 * The selected territory is outlined (a thick line over a halo); a région
 * selected on the départements' map, by its outline (none when the map shows
 * that région alone); the départements a territoire de démocratie sanitaire
 * covers, by a dashed line: never by colour alone. « Pas de donnée » is
 * hatched; zero has its own light colour and a grey border.
 *
 * Colours (WCAG 1.4.11, RGAA 3.3), in the light and dark themes and in forced
 * colours: every class at least 3:1 against the page, the zero fill and the
 * borders between territories (the page's colour); zero and « pas de donnée »
 * outlined 3:1 against the page and the zero fill; every other class (the
 * 2nd and 4th drawn) dotted, so that neighbouring classes differ by a
 * texture as well as a shade. The legend reads in words: « pas de donnée »
 * and « aucun projet » when drawn, then ranges that follow each other
 * (« 1 projet », « de 2 à 4 projets », « de 500 000 euros à 2,9 millions
 * d'euros »).
 *
 * @summary Choropleth map of the régions or départements of France, linked to the filters.
 * @since 0.1.0
 *
 * @fires cnr-filter-change - When the user selects or clears a territory; `detail` is the full filter state.
 * @fires cnr-error - When the geometry or the data cannot be loaded; `detail.error` is the error.
 * @fires cnr-problems - When its data comes with problems (records of the source left out or incomplete); `detail.problems` is the report. The console gets it once per source.
 *
 * @csspart base - The element's box.
 * @csspart toolbar - The line with the selection and the buttons.
 * @csspart selection - The name of the selected territory (a polite live region).
 * @csspart clear-button - The « Toute la France » button: clears the territory (Escape never does).
 * @csspart table-button - The « Afficher le tableau » button.
 * @csspart map - The frame of the map (its aspect ratio is reserved before the map loads).
 * @csspart svg - The map's SVG.
 * @csspart territory - Each territory's shape.
 * @csspart tooltip - The name and value of the hovered or focused territory.
 * @csspart tooltip-deduced - « (déduit) » in the tooltip when the value rests on a deduction (the table's mark explains it).
 * @csspart deduced - In the table, the « déduit » mark of a value that rests on a deduction (a disclosure whose content is the reasoning).
 * @csspart legend - The legend.
 * @csspart swatch - A colour of the legend.
 * @csspart note - The note under the legend (a territoire de démocratie sanitaire split).
 * @csspart table-wrapper - The box of the table.
 * @csspart table - The table of the figures.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry-button - The « Réessayer » button.
 * @csspart stale-notice - The notice shown over out-of-date data.
 * @csspart problems - The records of the source left out or incomplete (only with `show-problems`).
 *
 * @cssprop --cnr-territory-map-color-1 - Lightest class (light theme; darkest in the dark theme). Defaults follow DSFR blue-france, each class at least 3:1 against the page and the zero fill.
 * @cssprop --cnr-territory-map-color-2 - Second class.
 * @cssprop --cnr-territory-map-color-3 - Third class.
 * @cssprop --cnr-territory-map-color-4 - Fourth class.
 * @cssprop --cnr-territory-map-color-5 - Darkest class (light theme).
 * @cssprop --cnr-territory-map-color-zero - Fill of a territory whose value is zero.
 * @cssprop --cnr-territory-map-color-no-data - Colour of the hatching of a territory without data.
 * @cssprop --cnr-territory-map-border-color - Border of the territories whose value is zero or unknown (coloured territories are separated by the page's colour).
 * @cssprop [--cnr-territory-map-max-height=32rem] - Largest height of the map's frame; the map keeps its proportions and is centred in its column.
 */
export class CnrTerritoryMap extends CnrDataWidget {
  static override styles = [tokens, stateStyles, deducedStyles, territoryMapStyles];

  /** `region` (default): the 18 régions; `department`: the 101 départements. */
  @property({ reflect: true }) level: TerritoryMapLevel = 'region';

  /** INSEE code of a région: only its départements, zoomed (implies `level="department"`). */
  @property() region: string | undefined;

  /** The figure the colours show: `projects` (default), `funding`, `participants` or `propositions`. */
  @property({ reflect: true }) metric: TerritoryMapMetric = 'projects';

  /** Whether the table is shown. */
  @property({ type: Boolean, attribute: 'table-open', reflect: true }) tableOpen = false;

  @state() private sort: MapSort = { key: 'code', descending: false };

  /** @internal */
  protected override readonly loadSubject = 'map';

  private readonly keyboard = new MapKeyboard(this, {
    mapItems: () => this.mapItems(),
    toggle: (item) => this.toggle(item),
  });

  private readonly geometry = new DataTask(this, {
    args: () => [] as const,
    task: async (): Promise<GeometryModule> => (geometryModule ??= await import('./geometry/index.js')),
  });

  private readonly data = new DataTask(this, {
    args: () => [this.source.client, filtersKey(this.baseFilters()), this.effectiveLevel, this.zoomRegion] as const,
    task: async ([client, , level, region], { signal }): Promise<MapData> => {
      const filters = this.baseFilters();
      if (region !== undefined) filters.territory = `region:${region}`;
      const [result, loaded] = await Promise.all([
        client.breakdown(filters, level === 'region' ? 'region' : 'departement', { signal }),
        // A document's records left out (a REST API reports its own with each answer).
        client.kind === 'rest' ? undefined : client.load({ signal }),
      ]);
      return {
        rows: new Map(result.data.map((row) => [row.code, row])),
        stale: result.stale,
        problems: [...result.problems, ...(loaded?.problems ?? [])],
      };
    },
  });

  /** The referential, to name and place a filter territory (a TDS, a commune); the map works without it. */
  private readonly territories = new LifecycleTask(this, {
    args: () => [this.source.client] as const,
    task: async ([client], { signal }) => (await client.territories({ signal }).catch(() => undefined))?.data ?? [],
  });

  /** The territories drawn: computed again only when the geometry, the data, the level, the zoom or the metric change. */
  private readonly itemsOf = memoize(mapItems);
  private readonly selectionOf = memoize(selectionFor);
  private readonly splitsOf = memoize(splitDepartments);
  private readonly legendOf = memoize(legendClasses);
  /** The shapes, made once per view; only their fill, state and label written afterwards. */
  private readonly layers = new ShapeLayers();

  /** @internal */
  override async prerender(): Promise<PrerenderedMap | undefined> {
    // Server rendering only (renderWidgetHTML, in Node): a browser bundle, where Lit's `isServer` is false, drops the rest.
    if (!isServer) return undefined;
    const [data] = await Promise.all([this.resolveNow(this.data), this.resolveNow(this.geometry), this.territories.run()]);
    // Of the referential, what the map reads: the partial TDS (the table's notes) and the selected territory with what it covers and lies in.
    const list = this.territories.value ?? [];
    const byId = new Map(list.map((territory) => [territory.id, territory]));
    const keep = new Set(list.filter((territory) => territory.kind === 'tds' && territory.partial).map((territory) => territory.id));
    const value = this.source.filters.territory?.trim();
    const selected = value ? findTerritory(list, value) : undefined;
    for (let territory = selected; territory && !keep.has(territory.id); territory = territory.parent ? byId.get(territory.parent) : undefined) {
      keep.add(territory.id);
      for (const id of territory.covers ?? []) keep.add(id);
    }
    return {
      rows: [...data.rows.values()],
      stale: data.stale,
      problems: data.problems,
      territories: list.filter((territory) => keep.has(territory.id)),
    };
  }

  /** @internal */
  protected override restorePrerendered(state: unknown): void {
    const { rows, stale, problems, territories } = state as PrerenderedMap;
    this.data.seed({ rows: new Map(rows.map((row) => [row.code, row])), stale, problems });
    this.territories.seed(territories);
    if (geometryModule) {
      this.geometry.seed(geometryModule);
      return;
    }
    // The geometry is code of its own chunk: the map waits for it (Lit's `defer-hydration`) and keeps the shapes already drawn.
    const deferrable = (this.constructor as typeof CnrTerritoryMap).observedAttributes.includes('defer-hydration');
    if (deferrable) this.setAttribute('defer-hydration', '');
    void import('./geometry/index.js').then(
      (module) => {
        geometryModule = module;
        this.geometry.seed(module);
        this.removeAttribute('defer-hydration');
      },
      () => this.removeAttribute('defer-hydration'),
    );
  }

  /**
   * @internal A map rendered ahead of time is rendered again, not hydrated: in
   * the browser its shapes are plain DOM ({@link ShapeLayers}) where the
   * server wrote them from a template, which hydration cannot match. When the
   * geometry is there (`defer-hydration` until then, the server's map shown
   * meanwhile), the declarative shadow root is emptied, its styles adopted,
   * and the first update renders into it at once — in the same task, so no
   * frame shows it empty or resized — from the island's data (no request).
   * Lit's hydration support marks an element to hydrate in its
   * `createRenderRoot()` (`_$needsHydration`), which this one does not call
   * for such a root.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (isServer || root === null) return super.createRenderRoot();
    root.replaceChildren();
    adoptStyles(root, (this.constructor as typeof CnrTerritoryMap).elementStyles);
    return root;
  }

  /** `department` when `level` says so or a région is zoomed on. */
  get effectiveLevel(): TerritoryMapLevel {
    return this.zoomRegion !== undefined || String(this.level).startsWith('dep') ? 'department' : 'region';
  }

  private get zoomRegion(): string | undefined {
    const code = this.region?.trim();
    return code && REGION_CODES.includes(code) ? code : undefined;
  }

  private get activeMetric(): TerritoryMapMetric {
    return METRICS.includes(this.metric) ? this.metric : 'projects';
  }

  /** The shared filters without the territory: the map shows every territory, whichever is selected. */
  private baseFilters(): ProjectFilters {
    const { territory: _territory, ...rest } = this.source.filters;
    return rest;
  }

  /** « Réessayer » after the geometry failed: the geometry and the data again. */
  private readonly retryAll = () => {
    void this.geometry.run();
    void this.data.run();
  };

  /** The territories drawn, in INSEE code order. */
  private mapItems(): TerritoryMapItem[] {
    return this.itemsOf(this.geometry.current, this.data.lastValue, this.effectiveLevel, this.zoomRegion, this.activeMetric);
  }

  private get selection() {
    return this.selectionOf(this.source.filters.territory?.trim(), this.territories.current, this.geometry.current, this.locale);
  }

  // ——— User actions ———

  private select(item: TerritoryMapItem | undefined): void {
    const current = this.source.filters;
    const next: ProjectFilters = { ...current };
    if (item === undefined) delete next.territory;
    else next.territory = item.territoryId;
    if (next.territory === current.territory) return;
    this.source.setFilters(next);
    this.emit(new CnrFilterChangeEvent(this.source.filters));
  }

  private toggle(item: TerritoryMapItem): void {
    this.select(isPressed(item, this.selection, this.effectiveLevel) ? undefined : item);
  }

  private readonly toggleTable = () => {
    this.tableOpen = !this.tableOpen;
  };

  /** Escape in the open table closes it, the focus back on its button. */
  private readonly onTableKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.tableOpen) return;
    event.preventDefault();
    this.tableOpen = false;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="table-button"]')?.focus();
  };

  private readonly sortBy = (key: MapSortKey) => {
    this.sort = nextSort(this.sort, key);
  };

  // ——— Rendering ———

  override render() {
    const locale = this.locale;
    const t = messages[locale];
    const geo = this.geometry.current;
    const data = this.data.lastValue;
    const failed = this.geometry.failed || this.data.failed;
    const selection = this.selection;
    const view: MapView = { locale, level: this.effectiveLevel, metric: this.activeMetric, zoom: this.zoomRegion, items: this.mapItems(), selection };
    const ready = geo !== undefined && data !== undefined;
    const drawn = ready ? view.items : NO_ITEMS;
    const partOf = selection?.partOf ? ` (${t.partOf} ${selection.partOf})` : '';
    // The selection is announced once the change has settled, by the provider or the map (base/announcer.ts): not a live region.
    this.summarize('territory', selection ? selection.name : t.all, this.data, this.territories);
    // The frame's ratio comes from the stylesheet (data-zoom): no style attribute, which a strict CSP blocks in a server render.
    return html`<div class="root" part="base" lang=${locale} data-zoom=${view.zoom ?? nothing}>
      <div class="toolbar-box">
      <div class="toolbar" part="toolbar">
        <p class="selection" part="selection" dir="auto">
          ${t.selection} ${selection ? html`<bdi>${selection.name}</bdi>${partOf}` : t.all}
        </p>
        <div class="actions">
          <button
            type="button"
            class="button secondary"
            part="clear-button"
            aria-disabled=${selection ? 'false' : 'true'}
            @click=${() => this.select(undefined)}
          >
            ${t.clear}
          </button>
          <button
            type="button"
            class="button secondary"
            part="table-button"
            aria-expanded=${this.tableOpen ? 'true' : 'false'}
            aria-controls="table"
            @click=${this.toggleTable}
          >
            ${this.tableOpen ? t.hideTable : t.showTable}
          </button>
        </div>
      </div>
      </div>
      ${this.geometry.failed ? this.renderFailure(this.geometry.error, this.retryAll) : this.renderStatus(this.data)}
      <div class="frame" part="map" @pointerover=${this.keyboard.onPointerOver} @pointerleave=${this.keyboard.onPointerLeave}>
        ${ready ? renderMapSvg(view, geo, this.keyboard, this.layers) : failed ? nothing : renderLoading(locale, '100%')}
      </div>
      ${
        // From the start (title, « pas de donnée », 0), so that only its classes arrive with the data: nothing below moves.
        renderMapLegend(locale, view.metric, drawn, this.legendOf(drawn, view.metric))
      }
      <div class="table-wrapper" part="table-wrapper" id="table" ?hidden=${!this.tableOpen} @keydown=${this.onTableKeyDown}>
        ${this.tableOpen && data ? renderMapTable(view, this.splitsOf(this.territories.current ?? []), this.sort, this.sortBy) : nothing}
      </div>
      ${data ? this.problemsReport.render(locale, data.problems) : nothing}
    </div>`;
  }
}
