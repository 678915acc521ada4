import type { CnrClient, ProjectFilters, Territory, TerritoryBreakdownRow, ValidationProblem } from '@cnr-widgets/sdk';
import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CnrElement } from '../base/cnr-element.js';
import { deducedStyles, renderDeducedMark } from '../base/deduced.js';
import { DataTask, LifecycleTask } from '../base/data-task.js';
import { filtersFromAttributes, filtersKey } from '../base/filters.js';
import { formatCount, formatEuros, formatEurosAccessible } from '../base/format.js';
import { LinkedFilters, type LinkedHost } from '../base/linked-filters.js';
import { describeTerritoryId } from '../base/territory-names.js';
import { ProblemsController } from '../base/problems.js';
import type { Locale, Messages } from '../base/locale.js';
import { renderError, renderLoading, renderStale, stateStyles } from '../base/states.js';
import { tokens } from '../base/tokens.styles.js';
import { CnrFilterChangeEvent } from '../events/events.js';
import type * as Geometry from './geometry/index.js';
import { territoryMapStyles } from './territory-map.styles.js';

export type TerritoryMapLevel = 'region' | 'department';
export type TerritoryMapMetric = 'projects' | 'funding' | 'participants' | 'propositions';
type GeometryModule = typeof Geometry;
type Shape = Geometry.TerritoryShape;
type Box = Geometry.Box;

/** `FRANCE_BOX` (1216 × 1010), known before the geometry chunk arrives: every view is fitted to it. */
const WIDTH = 1216;
const HEIGHT = 1010;
/** INSEE codes of the 18 régions, to validate `region` without the geometry. */
const REGION_CODES = '01 02 03 04 06 11 24 27 28 32 44 52 53 75 76 84 93 94'.split(' ');
const METRICS: readonly TerritoryMapMetric[] = ['projects', 'funding', 'participants', 'propositions'];
const PALETTE_SIZE = 5;

type Text =
  | 'regions'
  | 'departments'
  | 'departmentsOf'
  | TerritoryMapMetric
  | 'by'
  | 'desc'
  | 'selection'
  | 'all'
  | 'clear'
  | 'showTable'
  | 'hideTable'
  | 'territory'
  | 'code'
  | 'noData'
  | 'range'
  | 'inSelection'
  | 'selected'
  | 'split'
  | 'partOf'
  | 'legend'
  | 'region'
  | 'department';

const messages: Messages<Text> = {
  fr: {
    regions: 'Carte des régions de France',
    departments: 'Carte des départements de France',
    departmentsOf: 'Carte des départements de la région',
    projects: 'Nombre de projets',
    funding: 'Financements identifiés',
    participants: 'Participants à la concertation',
    propositions: 'Propositions',
    by: 'par',
    desc: 'Chaque territoire est coloré selon sa valeur (voir la légende) ; les hachures signalent l’absence de donnée. Flèches : territoire voisin ; Entrée ou Espace : sélectionner ; Échap : toute la France. Les mêmes chiffres sont disponibles dans le tableau.',
    selection: 'Territoire sélectionné :',
    all: 'toute la France',
    clear: 'Toute la France',
    showTable: 'Afficher le tableau',
    hideTable: 'Masquer le tableau',
    territory: 'Territoire',
    code: 'Code',
    noData: 'pas de donnée',
    range: 'à',
    inSelection: 'dans la sélection',
    selected: 'sélectionné',
    split: 'Partagé entre plusieurs territoires de démocratie sanitaire :',
    partOf: 'partie de',
    legend: 'Légende',
    region: 'région',
    department: 'département',
  },
  en: {
    regions: 'Map of the regions of France',
    departments: 'Map of the départements of France',
    departmentsOf: 'Map of the départements of the region',
    projects: 'Number of projects',
    funding: 'Identified funding',
    participants: 'Participants in the consultation',
    propositions: 'Proposals',
    by: 'by',
    desc: 'Each territory is coloured by its value (see the legend); hatching means no data. Arrow keys: neighbouring territory; Enter or Space: select; Escape: all of France. The same figures are available in the table.',
    selection: 'Selected territory:',
    all: 'all of France',
    clear: 'All of France',
    showTable: 'Show the table',
    hideTable: 'Hide the table',
    territory: 'Territory',
    code: 'Code',
    noData: 'no data',
    range: 'to',
    inSelection: 'in the selection',
    selected: 'selected',
    split: 'Shared between several health democracy territories:',
    partOf: 'part of',
    legend: 'Legend',
    region: 'region',
    department: 'département',
  },
};

/** One territory of the map with its figures. */
export interface TerritoryMapItem {
  code: string;
  name: string;
  /** The territory id written to the filter: `region:44`, `departement:88`. */
  territoryId: string;
  /** The figure of the metric; `undefined`: no data. */
  value: number | undefined;
  projects: number | undefined;
  /** The reasonings when the value rests on a deduction (participants, propositions; see `TerritoryBreakdownRow.deduced`). */
  deduced?: string[];
  /** Colour class: 1–5, `zero` or `none` (no data). */
  tone: string;
  shape?: Shape;
}

/** What the map shows once loaded. */
interface MapData {
  rows: ReadonlyMap<string, TerritoryBreakdownRow>;
  stale: boolean;
  problems: ValidationProblem[];
}

/** The filter territory, placed on the map. */
interface Selection {
  kind: string;
  code: string;
  name: string;
  /** Régions and départements it is or lies in (or covers, for a TDS). */
  regions: Set<string>;
  departments: Set<string>;
  /** Name of the département a partial TDS is part of. */
  partOf?: string;
}

/**
 * Upper bounds of at most `k` quantile classes of the positive values
 * (duplicates merged, so fewer classes when values are few).
 */
export function quantileBreaks(values: readonly number[], k = PALETTE_SIZE): number[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let i = 1; i <= k && sorted.length > 0; i++) {
    const bound = sorted[Math.ceil((i * sorted.length) / k) - 1]!;
    if (breaks[breaks.length - 1] !== bound) breaks.push(bound);
  }
  return breaks;
}

/** Palette step (1–5) of class `i` of `n`, spread over the palette. */
function paletteStep(i: number, n: number): number {
  return n <= 1 ? 3 : 1 + Math.round((i * (PALETTE_SIZE - 1)) / (n - 1));
}

/** Grows a box to the map frame's aspect ratio, centred, so that every view fills the reserved frame. */
function fitBox(b: Box): Box {
  const ratio = WIDTH / HEIGHT;
  if (b.width / b.height < ratio) {
    const width = b.height * ratio;
    return { ...b, x: b.x - (width - b.width) / 2, width };
  }
  const height = b.width / ratio;
  return { ...b, y: b.y - (height - b.height) / 2, height };
}

function valueOf(row: TerritoryBreakdownRow | undefined, metric: TerritoryMapMetric): number | undefined {
  if (row === undefined) return undefined;
  if (metric === 'projects') return row.projects;
  if (metric === 'funding') return row.fundingKnown ? row.funding : undefined;
  return row[metric];
}

/** The figure in words, as the accessible names and the table say it: « 6 projets », « 1 200 000 euros ». */
function valueText(value: number | undefined, metric: TerritoryMapMetric, locale: Locale, table = false): string {
  if (value === undefined) return messages[locale].noData;
  if (metric === 'funding') return table ? formatEuros(value, locale) : formatEurosAccessible(value, locale);
  const n = formatCount(value, locale);
  if (metric === 'projects') {
    const one = locale === 'fr' ? value < 2 : value === 1;
    return `${n} ${locale === 'fr' ? (one ? 'projet' : 'projets') : one ? 'project' : 'projects'}`;
  }
  if (metric === 'propositions') return `${n} ${locale === 'fr' ? 'propositions' : 'proposals'}`;
  return `${n} participants`;
}

/** « : » as each language writes it. */
function sep(locale: Locale): string {
  return locale === 'fr' ? ' : ' : ': ';
}

/** The figure as the tooltip and the legend show it (compact euros). */
function shortValue(value: number, metric: TerritoryMapMetric, locale: Locale): string {
  return metric === 'funding' ? formatEuros(value, locale, { compact: true }) : formatCount(value, locale);
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
 * nothing moves when it arrives.
 *
 * Accessibility. The SVG is a `role="group"` named by its `<title>` and
 * described by its `<desc>`; each territory is a `role="button"` with
 * `aria-pressed` and an accessible name giving its value (« Vosges : 6
 * projets »). Buttons in a group, rather than options in a listbox, because
 * screen readers (NVDA, JAWS, VoiceOver, TalkBack) announce and operate
 * `button`/`aria-pressed` on SVG shapes reliably in both browse and focus
 * modes, and a selection that writes a filter is an action, not a form value;
 * `listbox` inside SVG gets inconsistent support and forces focus mode. The
 * map is one tab stop (roving `tabindex`): arrow keys move to the nearest
 * territory in that direction, Home/End to the first/last (INSEE code
 * order), Enter or Space select (again: unselect), Escape clears the
 * selection. The tooltip repeats the focused or hovered territory's name for
 * sighted users and is hidden from assistive technologies, which read the
 * same in the accessible name. « Afficher le tableau » shows a table with the
 * same figures.
 *
 * The selected territory is outlined (a thick line over a halo), territories
 * inside a selection (a région's départements, the départements a territoire
 * de démocratie sanitaire covers) with a dashed line: never by colour alone.
 * « Pas de donnée » is hatched; zero has its own light colour.
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
 * @csspart clear-button - The « Toute la France » button.
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
 * @cssprop --cnr-territory-map-color-1 - Lightest class (light theme; darkest in the dark theme). Defaults follow DSFR blue-france.
 * @cssprop --cnr-territory-map-color-2 - Second class.
 * @cssprop --cnr-territory-map-color-3 - Third class.
 * @cssprop --cnr-territory-map-color-4 - Fourth class.
 * @cssprop --cnr-territory-map-color-5 - Darkest class (light theme).
 * @cssprop --cnr-territory-map-color-zero - Fill of a territory whose value is zero.
 * @cssprop --cnr-territory-map-color-no-data - Colour of the hatching of a territory without data.
 * @cssprop --cnr-territory-map-border-color - Borders between territories.
 * @cssprop --cnr-territory-map-max-height - Largest height of the map.
 */
export class CnrTerritoryMap extends CnrElement implements LinkedHost {
  static override styles = [tokens, stateStyles, deducedStyles, territoryMapStyles];

  /** Id of a `<cnr-provider>` elsewhere on the page. */
  @property() provider: string | undefined;

  /** URL of a dataset document (without a provider). */
  @property() src: string | undefined;

  /** Base URL of a REST API (without a provider). */
  @property() api: string | undefined;

  /**
   * Shows the notice of the records of the source left out or incomplete, with
   * the details — a producer's preview (also set by the provider's
   * `show-problems`). Without it visitors see no such notice.
   */
  @property({ type: Boolean, attribute: 'show-problems' }) showProblems = false;

  /** Thématique: `sante` (default) or `education`. */
  @property() thematique: string | undefined;

  /** `region` (default): the 18 régions; `department`: the 101 départements. */
  @property({ reflect: true }) level: TerritoryMapLevel = 'region';

  /** INSEE code of a région: only its départements, zoomed (implies `level="department"`). */
  @property() region: string | undefined;

  /** The figure the colours show: `projects` (default), `funding`, `participants` or `propositions`. */
  @property({ reflect: true }) metric: TerritoryMapMetric = 'projects';

  /** An SDK client to read from instead of the provider's or the attributes' source. */
  @property({ attribute: false }) client: CnrClient | undefined;

  /** Whether the table is shown. */
  @property({ type: Boolean, attribute: 'table-open', reflect: true }) tableOpen = false;

  @state() private focusCode: string | undefined;
  @state() private focusRing = false;
  @state() private hoverCode: string | undefined;
  /** Escape hid the tooltip (WCAG 1.4.13); it shows again on the next move. */
  @state() private tooltipHidden = false;
  @state() private sortKey: 'code' | 'name' | 'value' | 'projects' = 'code';
  @state() private sortDescending = false;

  readonly linked = new LinkedFilters(this);
  private readonly problemsReport = new ProblemsController(this, this.linked);

  private readonly geometry = new DataTask(this, {
    args: () => [] as const,
    task: (): Promise<GeometryModule> => import('./geometry/index.js'),
  });

  private readonly data = new DataTask(this, {
    args: () => [this.activeClient, filtersKey(this.baseFilters()), this.effectiveLevel, this.zoomRegion] as const,
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
    args: () => [this.activeClient] as const,
    task: async ([client], { signal }) => (await client.territories({ signal }).catch(() => undefined))?.data ?? [],
  });

  private get activeClient(): CnrClient {
    return this.client ?? this.linked.client;
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

  ownFilters(): ProjectFilters {
    return filtersFromAttributes({ thematique: this.thematique });
  }

  /** The shared filters without the territory: the map shows every territory, whichever is selected. */
  private baseFilters(): ProjectFilters {
    const { territory: _territory, ...rest } = this.linked.filters;
    return rest;
  }

  private readonly retry = () => {
    if (this.geometry.failed) void this.geometry.run();
    void this.data.run();
  };

  private readonly refresh = () => this.data.refreshFrom(this.activeClient);

  // ——— What is drawn ———

  private shapes(geo: GeometryModule | undefined): readonly Shape[] | undefined {
    if (!geo) return undefined;
    return this.effectiveLevel === 'region' ? geo.regions() : geo.departments(this.zoomRegion);
  }

  /** The territories with their values and colour classes, in INSEE code order. */
  private items(geo: GeometryModule | undefined, data: MapData | undefined): TerritoryMapItem[] {
    const metric = this.activeMetric;
    const kind = this.effectiveLevel === 'region' ? 'region' : 'departement';
    const rows = data?.rows ?? new Map<string, TerritoryBreakdownRow>();
    const shapes = this.shapes(geo);
    const base = shapes
      ? shapes.map((shape) => ({ code: shape.code, name: rows.get(shape.code)?.name ?? shape.name, shape }))
      : [...rows.values()].map((row) => ({ code: row.code, name: row.name }));
    const items = base.map((item) => {
      const row = rows.get(item.code);
      const deduced = row?.deduced?.filter((entry) => entry.metric === metric).map((entry) => entry.reasoning) ?? [];
      return {
        ...item,
        territoryId: `${kind}:${item.code}`,
        value: valueOf(row, metric),
        projects: row?.projects,
        ...(deduced.length > 0 ? { deduced } : {}),
        tone: 'none',
      };
    });
    const breaks = quantileBreaks(items.map((item) => item.value ?? 0));
    for (const item of items) {
      if (item.value === undefined) continue;
      if (item.value <= 0) item.tone = 'zero';
      else item.tone = `c${paletteStep(breaks.findIndex((bound) => item.value! <= bound), breaks.length)}`;
    }
    return items;
  }

  /** The legend classes: « 1 », « 2 à 4 »…, from the values actually drawn. */
  private classes(items: readonly TerritoryMapItem[]): { tone: string; label: string }[] {
    const locale = this.locale;
    const metric = this.activeMetric;
    const ranges = new Map<string, [number, number]>();
    for (const item of items) {
      if (item.value === undefined || item.value <= 0) continue;
      const range = ranges.get(item.tone);
      if (range) ranges.set(item.tone, [Math.min(range[0], item.value), Math.max(range[1], item.value)]);
      else ranges.set(item.tone, [item.value, item.value]);
    }
    return [...ranges]
      .sort((a, b) => a[1][0] - b[1][0])
      .map(([tone, [lo, hi]]) => ({
        tone,
        label:
          lo === hi
            ? shortValue(lo, metric, locale)
            : `${shortValue(lo, metric, locale)} ${messages[locale].range} ${shortValue(hi, metric, locale)}`,
      }));
  }

  /** Finds the filter territory in the referential (or, without it, from its id or code and the geometry). */
  private selection(geo: GeometryModule | undefined): Selection | undefined {
    const value = this.linked.filters.territory?.trim();
    if (!value) return undefined;
    const list = this.territories.value ?? [];
    const colon = value.indexOf(':');
    const kind = colon > 0 ? value.slice(0, colon).toLowerCase() : undefined;
    const code = (colon > 0 ? value.slice(colon + 1) : value).toUpperCase();
    const byKind = (k: string) => list.find((t) => t.kind === k && t.code.toUpperCase() === code);
    let territory: Territory | undefined = list.find((t) => t.id === value) ?? (kind ? byKind(kind) : undefined);
    if (!territory && !kind) for (const k of ['region', 'departement', 'tds', 'commune', 'epci']) territory ??= byKind(k);

    const regions = new Set<string>();
    const departments = new Set<string>();
    const addDepartment = (departmentCode: string) => {
      departments.add(departmentCode);
      const regionCode = geo?.department(departmentCode)?.regionCode;
      if (regionCode) regions.add(regionCode);
    };
    if (!territory) {
      // No referential (yet): an id or a bare code of a région or a département.
      const region = kind === 'region' || !kind ? geo?.region(code) : undefined;
      const department = !region && (kind === 'departement' || !kind) ? geo?.department(code) : undefined;
      if (region) regions.add(code);
      if (department) addDepartment(department.code);
      const found = region ? 'region' : department ? 'departement' : (kind ?? '');
      return { kind: found, code, name: (region ?? department)?.name ?? describeTerritoryId(value, this.locale), regions, departments };
    }

    const byId = (id: string) => list.find((t) => t.id === id);
    const selection: Selection = { kind: territory.kind, code: territory.code.toUpperCase(), name: territory.name, regions, departments };
    if (territory.kind === 'region') regions.add(selection.code);
    else if (territory.kind === 'departement') addDepartment(selection.code);
    else if (territory.kind === 'tds') {
      for (const id of territory.covers ?? []) {
        const covered = byId(id);
        if (covered?.kind === 'departement') {
          addDepartment(covered.code.toUpperCase());
          if (territory.partial) selection.partOf = covered.name;
        }
      }
    }
    // Whatever it is, the département and région it lies in (a commune, an EPCI, a TDS's région).
    const seen = new Set<string>();
    for (let parent = territory.parent; parent && !seen.has(parent); parent = byId(parent)?.parent) {
      seen.add(parent);
      const above = byId(parent);
      if (above?.kind === 'departement' && territory.kind !== 'tds') addDepartment(above.code.toUpperCase());
      if (above?.kind === 'region') regions.add(above.code.toUpperCase());
    }
    return selection;
  }

  /** Départements split between several partial TDS: code → the TDS names. */
  private splits(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const t of this.territories.value ?? []) {
      if (t.kind !== 'tds' || !t.partial) continue;
      for (const id of t.covers ?? []) {
        if (!id.startsWith('departement:')) continue;
        const code = id.slice('departement:'.length).toUpperCase();
        out.set(code, [...(out.get(code) ?? []), t.name]);
      }
    }
    return out;
  }

  private isPressed(item: TerritoryMapItem, selection: Selection | undefined): boolean {
    const kind = this.effectiveLevel === 'region' ? 'region' : 'departement';
    return selection !== undefined && selection.kind === kind && selection.code === item.code.toUpperCase();
  }

  private isHighlighted(item: TerritoryMapItem, selection: Selection | undefined): boolean {
    if (!selection || this.isPressed(item, selection)) return false;
    if (this.effectiveLevel === 'region') return selection.regions.has(item.code);
    return selection.departments.has(item.code) || (selection.kind === 'region' && selection.regions.has(item.shape?.regionCode ?? ''));
  }

  private label(item: TerritoryMapItem, selection: Selection | undefined): string {
    const locale = this.locale;
    const t = messages[locale];
    const highlighted = this.isHighlighted(item, selection) ? ` (${t.inSelection})` : '';
    return `${item.name}${sep(locale)}${valueText(item.value, this.activeMetric, locale)}${highlighted}`;
  }

  // ——— User actions ———

  private select(item: TerritoryMapItem | undefined): void {
    const current = this.linked.filters;
    const next: ProjectFilters = { ...current };
    if (item === undefined) delete next.territory;
    else next.territory = item.territoryId;
    if (next.territory === current.territory) return;
    this.linked.setFilters(next);
    this.emit(new CnrFilterChangeEvent(this.linked.filters));
  }

  private toggle(item: TerritoryMapItem): void {
    const pressed = this.isPressed(item, this.selection(this.geometry.value));
    this.select(pressed ? undefined : item);
  }

  private itemFromEvent(event: Event): TerritoryMapItem | undefined {
    const code = (event.target as Element | null)?.getAttribute?.('data-code');
    return code ? this.items(this.geometry.value, this.data.lastValue).find((item) => item.code === code) : undefined;
  }

  private readonly onClick = (event: MouseEvent) => {
    const item = this.itemFromEvent(event);
    if (item) this.toggle(item);
  };

  /** The nearest territory in an arrow's direction (centroids), the off-axis distance counting double. */
  private neighbour(items: readonly TerritoryMapItem[], from: TerritoryMapItem, dx: number, dy: number): TerritoryMapItem | undefined {
    const [x0, y0] = from.shape!.center;
    let best: TerritoryMapItem | undefined;
    let bestScore = Infinity;
    for (const item of items) {
      if (item === from || !item.shape) continue;
      const vx = item.shape.center[0] - x0;
      const vy = item.shape.center[1] - y0;
      const along = vx * dx + vy * dy;
      const off = Math.abs(vx * dy - vy * dx);
      // Within 45° of the arrow's direction only: no jump across the map.
      if (along <= 0 || off > along) continue;
      const score = along + 2 * off;
      if (score < bestScore) {
        bestScore = score;
        best = item;
      }
    }
    return best;
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const item = this.itemFromEvent(event);
    if (!item) return;
    const items = this.items(this.geometry.value, this.data.lastValue);
    const directions: Record<string, [number, number]> = {
      ArrowRight: [1, 0],
      ArrowLeft: [-1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    let next: TerritoryMapItem | undefined;
    const direction = directions[event.key];
    if (direction) next = this.neighbour(items, item, ...direction) ?? item;
    else if (event.key === 'Home') next = items[0];
    else if (event.key === 'End') next = items[items.length - 1];
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.toggle(item);
      return;
    } else if (event.key === 'Escape') {
      this.tooltipHidden = true;
      if (this.linked.filters.territory) {
        event.preventDefault();
        this.select(undefined);
      }
      return;
    } else return;
    event.preventDefault();
    if (next) void this.moveFocus(next.code);
  };

  private async moveFocus(code: string): Promise<void> {
    this.focusCode = code;
    await this.updateComplete;
    this.renderRoot.querySelector<SVGElement>(`[data-code="${code}"]`)?.focus();
  }

  private readonly onFocusIn = (event: FocusEvent) => {
    const target = event.target as Element;
    const code = target.getAttribute('data-code');
    if (!code) return;
    this.focusCode = code;
    this.focusRing = target.matches(':focus-visible');
    this.tooltipHidden = false;
  };

  private readonly onFocusOut = (event: FocusEvent) => {
    if (!(event.relatedTarget as Element | null)?.hasAttribute?.('data-code')) this.focusRing = false;
  };

  private readonly onPointerOver = (event: PointerEvent) => {
    const code = (event.target as Element).getAttribute('data-code') ?? undefined;
    if (code !== this.hoverCode) this.tooltipHidden = false;
    this.hoverCode = code;
  };

  private readonly onPointerLeave = () => {
    this.hoverCode = undefined;
  };

  private readonly toggleTable = () => {
    this.tableOpen = !this.tableOpen;
  };

  private sortBy(key: 'code' | 'name' | 'value' | 'projects'): void {
    if (this.sortKey === key) this.sortDescending = !this.sortDescending;
    else {
      this.sortKey = key;
      this.sortDescending = key === 'value' || key === 'projects';
    }
  }

  // ——— Rendering ———

  private renderMap(geo: GeometryModule, items: TerritoryMapItem[], selection: Selection | undefined) {
    const t = messages[this.locale];
    const metric = this.activeMetric;
    const zoom = this.zoomRegion;
    const box = fitBox(zoom === undefined ? geo.FRANCE_BOX : (geo.regionBox(zoom) ?? geo.FRANCE_BOX));
    const hatch = Math.max(2, box.width / 160);
    const title =
      this.effectiveLevel === 'region'
        ? t.regions
        : zoom === undefined
          ? t.departments
          : `${t.departmentsOf} ${geo.region(zoom)?.name ?? zoom}`;
    const pressed = items.find((item) => this.isPressed(item, selection));
    const tabStop =
      items.find((item) => item.code === this.focusCode) ?? pressed ?? items.find((item) => this.isHighlighted(item, selection)) ?? items[0];
    const outline = (item: TerritoryMapItem, line: string) =>
      svg`<path class="overlay halo" d=${item.shape!.d}></path><path class="overlay ${line}" d=${item.shape!.d}></path>`;
    const focused = this.focusRing ? items.find((item) => item.code === this.focusCode) : undefined;
    return svg`<svg
      part="svg"
      viewBox=${geo.toViewBox(box)}
      role="group"
      tabindex="-1"
      aria-labelledby="map-title"
      aria-describedby="map-desc"
      @click=${this.onClick}
      @keydown=${this.onKeyDown}
      @focusin=${this.onFocusIn}
      @focusout=${this.onFocusOut}
      @pointerover=${this.onPointerOver}
      @pointerleave=${this.onPointerLeave}
    >
      <title id="map-title">${title}${sep(this.locale)}${t[metric].toLowerCase()}</title>
      <desc id="map-desc">${t.desc}</desc>
      <defs>
        <pattern id="no-data" patternUnits="userSpaceOnUse" width=${hatch * 3} height=${hatch * 3} patternTransform="rotate(45)">
          <rect class="hatch-background" width=${hatch * 3} height=${hatch * 3}></rect>
          <line class="hatch-line" x1="0" y1="0" x2="0" y2=${hatch * 3}></line>
        </pattern>
      </defs>
      ${zoom === undefined
        ? geo.insets().map((inset) => svg`<rect class="inset-frame" aria-hidden="true" x=${inset.box.x} y=${inset.box.y} width=${inset.box.width} height=${inset.box.height}></rect>`)
        : nothing}
      ${items.map(
        (item) => svg`<path
          part="territory"
          class="shape ${item.tone}"
          d=${item.shape!.d}
          fill=${item.tone === 'none' ? 'url(#no-data)' : nothing}
          data-code=${item.code}
          role="button"
          tabindex=${item === tabStop ? '0' : '-1'}
          aria-pressed=${this.isPressed(item, selection) ? 'true' : 'false'}
          aria-label=${this.label(item, selection)}
        ></path>`,
      )}
      ${items.filter((item) => this.isHighlighted(item, selection)).map((item) => outline(item, 'highlight-line'))}
      ${pressed ? outline(pressed, 'selected-line') : nothing}
      ${focused ? outline(focused, 'focus-line') : nothing}
    </svg>
    ${this.renderTooltip(items, box, metric)}`;
  }

  private renderTooltip(items: TerritoryMapItem[], box: Box, metric: TerritoryMapMetric) {
    const code = this.hoverCode ?? (this.focusRing ? this.focusCode : undefined);
    const item = code === undefined || this.tooltipHidden ? undefined : items.find((i) => i.code === code);
    if (!item?.shape) return nothing;
    const x = ((item.shape.center[0] - box.x) / box.width) * 100;
    const top = ((item.shape.bbox.y - box.y) / box.height) * 100;
    // Above the territory, or below it when it touches the top of the map.
    const below = top < 20;
    const y = below ? ((item.shape.bbox.y + item.shape.bbox.height - box.y) / box.height) * 100 : top;
    const shift = x < 20 ? '0%' : x > 80 ? '-100%' : '-50%';
    const value = item.value === undefined ? messages[this.locale].noData : shortValue(item.value, metric, this.locale);
    return html`<div
      class="tooltip"
      part="tooltip"
      aria-hidden="true"
      .style=${`left:${x.toFixed(2)}%;top:${Math.min(100, Math.max(0, y)).toFixed(2)}%;--_tx:${shift};--_ty:${below ? '0.5rem' : 'calc(-100% - 0.5rem)'}`}
    >
      <strong dir="auto">${item.name}</strong> ${messages[this.locale][metric]}${sep(this.locale)}${value}${item.deduced
        ? html` <span class="tooltip-deduced" part="tooltip-deduced">(${this.locale === 'fr' ? 'déduit' : 'deduced'})</span>`
        : nothing}
    </div>`;
  }

  private renderLegend(items: TerritoryMapItem[]) {
    const t = messages[this.locale];
    const classes = this.classes(items);
    return html`<div class="legend" part="legend">
      <p class="legend-title" id="legend-title">${t.legend}${sep(this.locale)}${t[this.activeMetric].toLowerCase()}</p>
      <ul aria-labelledby="legend-title">
        <li><span class="swatch none" part="swatch"></span>${t.noData}</li>
        <li><span class="swatch zero" part="swatch"></span>0</li>
        ${classes.map((c) => html`<li><span class="swatch ${c.tone}" part="swatch"></span>${c.label}</li>`)}
      </ul>
    </div>`;
  }

  private renderTable(items: TerritoryMapItem[], selection: Selection | undefined, splits: Map<string, string[]>) {
    const locale = this.locale;
    const t = messages[locale];
    const metric = this.activeMetric;
    const level = t[this.effectiveLevel];
    const key = this.sortKey;
    const sign = this.sortDescending ? -1 : 1;
    const sorted = [...items].sort((a, b) => {
      const get = (item: TerritoryMapItem) => (key === 'value' ? item.value : key === 'projects' ? item.projects : undefined) ?? -1;
      const primary =
        key === 'code' ? a.code.localeCompare(b.code, 'fr', { numeric: true }) : key === 'name' ? a.name.localeCompare(b.name, locale) : get(a) - get(b);
      return primary * sign || a.code.localeCompare(b.code, 'fr', { numeric: true });
    });
    const header = (column: 'code' | 'name' | 'value' | 'projects', text: string) => html`<th
      scope="col"
      aria-sort=${key === column ? (this.sortDescending ? 'descending' : 'ascending') : nothing}
    >
      <button type="button" class="sort" @click=${() => this.sortBy(column)}>${text}</button>
    </th>`;
    return html`<table part="table">
      <caption>
        ${t[metric]} ${t.by} ${level}
      </caption>
      <thead>
        <tr>
          ${header('name', t.territory)} ${header('code', t.code)} ${header('value', t[metric])}
          ${metric === 'projects' ? nothing : header('projects', t.projects)}
        </tr>
      </thead>
      <tbody>
        ${sorted.map((item) => {
          const pressed = this.isPressed(item, selection);
          const inside = this.isHighlighted(item, selection);
          const split = this.effectiveLevel === 'department' ? splits.get(item.code.toUpperCase()) : undefined;
          return html`<tr class=${pressed || inside ? 'selected' : ''} data-code=${item.code}>
            <th scope="row" dir="auto">
              <span class="name">${item.name}</span>${pressed || inside ? html`<span class="visually-hidden"> (${pressed ? t.selected : t.inSelection})</span>` : nothing}
              ${split ? html`<span class="row-note">${t.split} ${split.join(', ')}</span>` : nothing}
            </th>
            <td>${item.code}</td>
            <td class="number">
              ${valueText(item.value, metric, locale, true)}${item.deduced
                ? html` ${renderDeducedMark(item.deduced, locale, { subject: `${item.name}, ${t[metric].toLowerCase()}` })}`
                : nothing}
            </td>
            ${metric === 'projects'
              ? nothing
              : html`<td class="number">${item.projects === undefined ? t.noData : formatCount(item.projects, locale)}</td>`}
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  override render() {
    const locale = this.locale;
    const t = messages[locale];
    const geo = this.geometry.value;
    const data = this.data.lastValue;
    const failed = this.geometry.failed || this.data.failed;
    const items = this.items(geo, data);
    const selection = this.selection(geo);
    const ready = geo !== undefined && data !== undefined;
    const splits = this.splits();
    const partOf = selection?.partOf ? ` (${t.partOf} ${selection.partOf})` : '';
    // Styles go through CSSOM (.style), which a strict CSP allows, not a style attribute.
    return html`<div class="root" part="base" lang=${locale} .style=${`--_ratio:${WIDTH} / ${HEIGHT}`}>
      <div class="toolbar" part="toolbar">
        <p class="selection" part="selection" role="status" dir="auto">
          ${t.selection} ${selection ? `${selection.name}${partOf}` : t.all}
        </p>
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
      ${failed ? renderError(locale, this.geometry.error ?? this.data.error, this.retry) : nothing}
      ${data?.stale && !failed ? renderStale(locale, this.refresh) : nothing}
      <div class="frame" part="map">
        ${ready ? this.renderMap(geo, items, selection) : failed ? nothing : renderLoading(locale, '100%')}
      </div>
      ${
        // From the start (title, « pas de donnée », 0), so that only its classes arrive with the data: nothing below moves.
        this.renderLegend(ready ? items : [])
      }
      <div class="table-wrapper" part="table-wrapper" id="table" ?hidden=${!this.tableOpen}>
        ${this.tableOpen && data ? this.renderTable(items, selection, splits) : nothing}
      </div>
      ${data ? this.problemsReport.render(locale, data.problems) : nothing}
    </div>`;
  }
}
