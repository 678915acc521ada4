import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { renderDeducedMark } from '../base/deduced.js';
import { formatCount } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import type { MapKeyboard } from './map-keyboard.js';
import {
  fitBox,
  frameRatio,
  isHighlighted,
  isPressed,
  memoize,
  type Box,
  type LegendClass,
  type GeometryModule,
  type Selection,
  type TerritoryMapItem,
  type TerritoryMapLevel,
  type TerritoryMapMetric,
} from './map-model.js';
import { messages, rangeText, sep, shortValue, valueText, zeroText } from '../i18n/territory-map.js';

/** What the map's render helpers read. */
export interface MapView {
  locale: Locale;
  level: TerritoryMapLevel;
  metric: TerritoryMapMetric;
  zoom: string | undefined;
  items: readonly TerritoryMapItem[];
  selection: Selection | undefined;
}

function label(view: MapView, item: TerritoryMapItem): string {
  const { locale, metric } = view;
  const highlighted = isHighlighted(item, view.selection, view.level) ? ` (${messages[locale].inSelection})` : '';
  return `${item.name}${sep(locale)}${valueText(item.value, metric, locale)}${highlighted}`;
}

/** The accessible names of a view's territories, made again only when the items, the selection or the language change (not on each hover or focus move). */
const labelsOf = memoize(
  (items: readonly TerritoryMapItem[], selection: Selection | undefined, locale: Locale, metric: TerritoryMapMetric, level: TerritoryMapLevel) => {
    const view = { items, selection, locale, metric, level, zoom: undefined };
    return new Map(items.map((item) => [item.code, label(view, item)]));
  },
);

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The shapes of one view (régions, départements, one région's), made once as
 * plain DOM — their outlines (`d`), codes and roles never change — and then
 * only their fill, state and label written, each when it changed. Filling a
 * Lit template of 101 paths cost ≈ 13 ms on the first render; this is the
 * same DOM without a template instance per shape.
 */
export class ShapeLayers {
  private readonly layers = new Map<string, { node: SVGGElement; paths: Map<string, SVGPathElement>; inputs?: readonly unknown[] }>();

  /**
   * The layer of `items` (one path per item, in their order), its changing
   * attributes brought up to date — not even compared when `inputs` (what
   * they are made of) are the same as last time, as on a hover.
   */
  render(
    key: string,
    items: readonly TerritoryMapItem[],
    inputs: readonly unknown[],
    attributes: (item: TerritoryMapItem) => Record<string, string | undefined>,
  ): SVGGElement {
    let layer = this.layers.get(key);
    if (!layer) {
      const node = document.createElementNS(SVG_NS, 'g');
      const paths = new Map<string, SVGPathElement>();
      for (const item of items) {
        const path = document.createElementNS(SVG_NS, 'path');
        path.setAttribute('part', 'territory');
        path.setAttribute('d', item.shape!.d);
        path.setAttribute('data-code', item.code);
        path.setAttribute('role', 'button');
        paths.set(item.code, path);
        node.append(path);
      }
      layer = { node, paths };
      this.layers.set(key, layer);
    }
    if (layer.inputs?.length === inputs.length && layer.inputs.every((input, i) => Object.is(input, inputs[i]))) return layer.node;
    layer.inputs = inputs;
    for (const item of items) {
      const path = layer.paths.get(item.code);
      if (!path) continue;
      for (const [name, value] of Object.entries(attributes(item))) {
        if (value === undefined) path.removeAttribute(name);
        else if (path.getAttribute(name) !== value) path.setAttribute(name, value);
      }
    }
    return layer.node;
  }
}

/** The SVG map: one `role="button"` per territory in a `role="group"`, its outlines, and the tooltip. */
export function renderMapSvg(view: MapView, geo: GeometryModule, keyboard: MapKeyboard, layers: ShapeLayers): SVGTemplateResult {
  const { locale, metric, zoom, items, selection, level } = view;
  const t = messages[locale];
  const box = fitBox(zoom === undefined ? geo.FRANCE_BOX : (geo.regionBox(zoom) ?? geo.FRANCE_BOX), frameRatio(zoom));
  const hatch = Math.max(2, box.width / 160);
  const title = level === 'region' ? t.regions : zoom === undefined ? t.departments : `${t.departmentsOf} ${geo.region(zoom)?.name ?? zoom}`;
  const pressed = items.find((item) => isPressed(item, selection, level));
  const tabStop =
    items.find((item) => item.code === keyboard.focusCode) ?? pressed ?? items.find((item) => isHighlighted(item, selection, level)) ?? items[0];
  const outline = (d: string, line: string) => svg`<path class="overlay halo" d=${d}></path><path class="overlay ${line}" d=${d}></path>`;
  const focused = keyboard.focusRing ? items.find((item) => item.code === keyboard.focusCode) : undefined;
  // A région selected on the départements' map: its outline, not a line around each of its départements
  // (none when the map shows that région alone: the title says it).
  const regionSelected = level === 'department' && selection?.kind === 'region';
  const regionOutline = regionSelected && zoom !== selection.code ? geo.region(selection.code) : undefined;
  const highlighted = regionSelected ? [] : items.filter((item) => isHighlighted(item, selection, level));
  const labels = labelsOf(items, selection, locale, metric, level);
  const shapes = layers.render(`${level}:${zoom ?? ''}`, items, [items, labels, selection, tabStop], (item) => ({
    class: `shape ${item.tone}${item.dotted ? ' dotted' : ''}`,
    fill: item.tone === 'none' ? 'url(#no-data)' : item.dotted ? `url(#dots-${item.tone})` : undefined,
    tabindex: item === tabStop ? '0' : '-1',
    'aria-pressed': isPressed(item, selection, level) ? 'true' : 'false',
    'aria-label': labels.get(item.code),
  }));
  const dots = hatch * 2;
  return svg`<svg
      part="svg"
      viewBox=${geo.toViewBox(box)}
      role="group"
      tabindex="-1"
      aria-labelledby="map-title"
      aria-describedby="map-desc"
      @click=${keyboard.onClick}
      @keydown=${keyboard.onKeyDown}
      @focusin=${keyboard.onFocusIn}
      @focusout=${keyboard.onFocusOut}
    >
      <title id="map-title">${title}${sep(locale)}${t[metric].toLowerCase()}</title>
      <desc id="map-desc">${t.desc}</desc>
      <defs>
        <pattern id="no-data" patternUnits="userSpaceOnUse" width=${hatch * 3} height=${hatch * 3} patternTransform="rotate(45)">
          <rect class="hatch-background" width=${hatch * 3} height=${hatch * 3}></rect>
          <line class="hatch-line" x1="0" y1="0" x2="0" y2=${hatch * 3}></line>
        </pattern>
        ${[1, 2, 3, 4, 5].map(
          (step) => svg`<pattern id=${`dots-c${step}`} patternUnits="userSpaceOnUse" width=${dots} height=${dots}>
            <rect class=${`c${step}`} width=${dots} height=${dots}></rect>
            <circle class="dot" cx=${dots / 2} cy=${dots / 2} r=${dots * 0.2}></circle>
          </pattern>`,
        )}
      </defs>
      ${zoom === undefined
        ? geo.insets().map((inset) => svg`<rect class="inset-frame" aria-hidden="true" x=${inset.box.x} y=${inset.box.y} width=${inset.box.width} height=${inset.box.height}></rect>`)
        : nothing}
      ${shapes}
      ${highlighted.map((item) => outline(item.shape!.d, 'highlight-line'))}
      ${regionOutline ? outline(regionOutline.d, 'region-line') : nothing}
      ${pressed ? outline(pressed.shape!.d, 'selected-line') : nothing}
      ${focused ? outline(focused.shape!.d, 'focus-line') : nothing}
    </svg>
    ${renderTooltip(view, box, keyboard.tooltipCode)}`;
}

/** The name and value of the hovered or focused territory, for sighted users (hidden from assistive technologies). */
function renderTooltip(view: MapView, box: Box, code: string | undefined) {
  const { locale, metric } = view;
  const item = code === undefined ? undefined : view.items.find((i) => i.code === code);
  if (!item?.shape) return nothing;
  const x = ((item.shape.center[0] - box.x) / box.width) * 100;
  const top = ((item.shape.bbox.y - box.y) / box.height) * 100;
  // Above the territory, or below it when it touches the top of the map.
  const below = top < 20;
  const y = below ? ((item.shape.bbox.y + item.shape.bbox.height - box.y) / box.height) * 100 : top;
  const shift = x < 20 ? '0%' : x > 80 ? '-100%' : '-50%';
  const value = item.value === undefined ? messages[locale].noData : shortValue(item.value, metric, locale);
  return html`<div
    class="tooltip ${below ? 'below' : 'above'}"
    part="tooltip"
    aria-hidden="true"
    data-for=${item.code}
    .style=${`left:${x.toFixed(2)}%;top:${Math.min(100, Math.max(0, y)).toFixed(2)}%;--_tx:${shift};--_ty:${below ? '0.5rem' : 'calc(-100% - 0.5rem)'}`}
  >
    <strong dir="auto">${item.name}</strong> ${messages[locale][metric]}${sep(locale)}${value}${item.deduced
      ? html` <span class="tooltip-deduced" part="tooltip-deduced">(${messages[locale].deduced})</span>`
      : nothing}
  </div>`;
}

/** The legend, in words: « pas de donnée », « aucun projet », then the classes drawn (« 1 projet », « de 2 à 4 projets »…). */
export function renderMapLegend(locale: Locale, metric: TerritoryMapMetric, items: readonly TerritoryMapItem[], classes: readonly LegendClass[]): TemplateResult {
  const t = messages[locale];
  // Before the data: both, so that the legend's first line is there from the start; then only those drawn.
  const loading = items.length === 0;
  const none = loading || items.some((item) => item.value === undefined);
  const zero = loading || items.some((item) => item.value !== undefined && item.value <= 0);
  return html`<div class="legend" part="legend">
    <p class="legend-title" id="legend-title">${t.legend}${sep(locale)}${t[metric].toLowerCase()}</p>
    <ul aria-labelledby="legend-title">
      ${none ? html`<li><span class="swatch none" part="swatch"></span>${t.noData}</li>` : nothing}
      ${zero ? html`<li><span class="swatch zero" part="swatch"></span>${zeroText(metric, locale)}</li>` : nothing}
      ${classes.map(
        (c) => html`<li><span class="swatch ${c.tone}${c.dotted ? ' dotted' : ''}" part="swatch"></span>${rangeText(c.low, c.high, metric, locale)}</li>`,
      )}
    </ul>
  </div>`;
}

export type MapSortKey = 'code' | 'name' | 'value' | 'projects';

/** The table's order: a column and a direction. */
export interface MapSort {
  key: MapSortKey;
  descending: boolean;
}

/** The next order when a column header is activated: the same column reversed, or a new column (figures from the largest). */
export function nextSort(sort: MapSort, key: MapSortKey): MapSort {
  if (sort.key === key) return { key, descending: !sort.descending };
  return { key, descending: key === 'value' || key === 'projects' };
}

/** The table of the same figures, sortable by column. */
export function renderMapTable(view: MapView, splits: ReadonlyMap<string, string[]>, sort: MapSort, onSort: (key: MapSortKey) => void): TemplateResult {
  const { locale, metric, items, selection, level } = view;
  const t = messages[locale];
  const { key } = sort;
  const sign = sort.descending ? -1 : 1;
  const sorted = [...items].sort((a, b) => {
    const get = (item: TerritoryMapItem) => (key === 'value' ? item.value : key === 'projects' ? item.projects : undefined) ?? -1;
    const primary =
      key === 'code' ? a.code.localeCompare(b.code, 'fr', { numeric: true }) : key === 'name' ? a.name.localeCompare(b.name, locale) : get(a) - get(b);
    return primary * sign || a.code.localeCompare(b.code, 'fr', { numeric: true });
  });
  const header = (column: MapSortKey, text: string) => html`<th scope="col" aria-sort=${key === column ? (sort.descending ? 'descending' : 'ascending') : nothing}>
    <button type="button" class="sort" @click=${() => onSort(column)}>${text}</button>
  </th>`;
  return html`<table part="table">
    <caption>
      ${
        // One text node: spaces between bindings are dropped from the accessible name (« Nombre de projetspardépartement »).
        `${t[metric]} ${t.by} ${t[level]}`
      }
    </caption>
    <thead>
      <tr>
        ${header('name', t.territory)} ${header('code', t.code)} ${header('value', t[metric])}
        ${metric === 'projects' ? nothing : header('projects', t.projects)}
      </tr>
    </thead>
    <tbody>
      ${sorted.map((item) => {
        const pressed = isPressed(item, selection, level);
        const inside = isHighlighted(item, selection, level);
        const split = level === 'department' ? splits.get(item.code.toUpperCase()) : undefined;
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
          ${metric === 'projects' ? nothing : html`<td class="number">${item.projects === undefined ? t.noData : formatCount(item.projects, locale)}</td>`}
        </tr>`;
      })}
    </tbody>
  </table>`;
}
