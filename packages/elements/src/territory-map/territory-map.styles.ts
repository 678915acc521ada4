import { css } from 'lit';

/**
 * The choropleth palette (WCAG 1.4.11, RGAA 3.3): one hue, DSFR blue-france,
 * light to dark in the light theme (dark to light in the dark theme), every
 * class at least 3:1 against the page's background and against the zero fill,
 * so that a territory with projects stands out from one without and from the
 * page. Neighbouring classes cannot all be 3:1 apart in one hue, so every
 * other class (the 2nd and the 4th drawn) is dotted in the background's
 * colour (3:1 against its fill): two neighbouring classes always differ by
 * that texture. Borders between coloured territories are the background's
 * colour (3:1 against every class); around zero and « pas de donnée », a grey
 * line 3:1 against the background and the zero fill.
 *
 * Layout: the toolbar's buttons stay together, each on one line; in a narrow
 * column (container query) they go under the name, side by side, sharing the
 * width. The frame has the map's own shape (France with its insets, or the
 * zoomed région's) and is never taller than the max height. A dotted class is
 * filled by its pattern (the fill attribute, which a class rule would
 * override). The gap between a territory and its tooltip belongs to the
 * tooltip: the pointer reaches it without leaving it.
 */
const darkPalette = css`
  --_map-1: var(--cnr-territory-map-color-1, #6e6ef2);
  --_map-2: var(--cnr-territory-map-color-2, #9090f7);
  --_map-3: var(--cnr-territory-map-color-3, #b1b1f9);
  --_map-4: var(--cnr-territory-map-color-4, #cacafb);
  --_map-5: var(--cnr-territory-map-color-5, #e3e3fd);
  --_map-zero: var(--cnr-territory-map-color-zero, #2a2a2a);
  --_map-hatch: var(--cnr-territory-map-color-no-data, #929292);
  --_map-stroke: var(--cnr-territory-map-border-color, #929292);
`;

export const territoryMapStyles = css`
  :host {
    display: block;
    --_map-1: var(--cnr-territory-map-color-1, #7a7af5);
    --_map-2: var(--cnr-territory-map-color-2, #5757e6);
    --_map-3: var(--cnr-territory-map-color-3, #3535c8);
    --_map-4: var(--cnr-territory-map-color-4, #1c1ca6);
    --_map-5: var(--cnr-territory-map-color-5, #000091);
    --_map-zero: var(--cnr-territory-map-color-zero, #f6f6f6);
    --_map-hatch: var(--cnr-territory-map-color-no-data, #767676);
    --_map-stroke: var(--cnr-territory-map-border-color, #767676);
    --_map-dot: var(--_color-background);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([data-cnr-theme='light'])) {
      ${darkPalette}
    }
  }

  :host([data-cnr-theme='dark']) {
    ${darkPalette}
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing-2);
    margin-block-end: var(--_spacing-3);
  }

  .selection {
    flex: 1 1 12rem;
    min-width: 0;
    margin: 0;
    font-weight: 700;
    color: var(--_color-title);
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    gap: var(--_spacing-2);
  }

  .actions .button {
    white-space: nowrap;
  }

  .toolbar-box {
    container-type: inline-size;
  }

  @container (max-width: 32rem) {
    .selection,
    .actions {
      flex: 1 1 100%;
    }
    .actions .button {
      flex: 1 1 0;
      min-width: 0;
      padding-inline: var(--_spacing-2);
      white-space: normal;
    }
  }

  .button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.6;
  }

  .frame {
    position: relative;
    width: min(100%, calc(var(--cnr-territory-map-max-height, 32rem) * var(--_ratio)));
    margin-inline: auto;
    aspect-ratio: var(--_ratio);
  }

  .frame > .skeleton {
    position: absolute;
    inset: 0;
    min-height: 0;
  }

  svg {
    display: block;
    width: 100%;
    height: 100%;
    overflow: visible;
  }

  .shape {
    stroke: var(--_map-stroke);
    stroke-width: 1px;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
    cursor: pointer;
    outline: none;
  }

  .shape:not(.zero, .none) {
    stroke: var(--_color-background);
  }

  .dot {
    fill: var(--_map-dot);
  }

  .c1:not(.dotted) { fill: var(--_map-1); }
  .c2:not(.dotted) { fill: var(--_map-2); }
  .c3:not(.dotted) { fill: var(--_map-3); }
  .c4:not(.dotted) { fill: var(--_map-4); }
  .c5:not(.dotted) { fill: var(--_map-5); }
  .zero { fill: var(--_map-zero); }

  .hatch-background {
    fill: var(--_color-background);
  }

  .hatch-line {
    stroke: var(--_map-hatch);
    stroke-width: 1.5px;
    vector-effect: non-scaling-stroke;
  }

  .inset-frame {
    fill: none;
    stroke: var(--_color-border);
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
  }

  .overlay {
    fill: none;
    pointer-events: none;
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
  }

  .halo {
    stroke: var(--_color-background);
    stroke-width: 6px;
  }

  .selected-line {
    stroke: var(--_color-text);
    stroke-width: 3px;
  }

  .highlight-line {
    stroke: var(--_color-text);
    stroke-width: 2px;
    stroke-dasharray: 6 3;
  }

  .region-line {
    stroke: var(--_color-text);
    stroke-width: 2px;
  }

  .focus-line {
    stroke: var(--_color-focus);
    stroke-width: 3px;
  }

  .tooltip {
    position: absolute;
    z-index: 1;
    max-width: min(16rem, 90%);
    padding: var(--_spacing-1) var(--_spacing-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-background);
    color: var(--_color-text);
    box-shadow: 0 2px 6px rgb(0 0 0 / 20%);
    font-size: 0.875rem;
    transform: translate(var(--_tx, -50%), var(--_ty, calc(-100% - 0.5rem)));
    white-space: normal;
  }

  .tooltip strong {
    display: block;
  }

  .tooltip::before {
    content: '';
    position: absolute;
    inset-inline: 0;
    height: 0.6rem;
  }

  .tooltip.above::before {
    top: 100%;
  }

  .tooltip.below::before {
    bottom: 100%;
  }

  .legend {
    margin-block-start: var(--_spacing-3);
  }

  .legend-title {
    margin: 0 0 var(--_spacing-1);
    font-weight: 700;
    font-size: 0.875rem;
  }

  .legend ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_spacing-1) var(--_spacing-4);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }

  .legend li {
    display: flex;
    align-items: center;
    gap: var(--_spacing-2);
  }

  .swatch {
    flex: none;
    width: 1.25rem;
    height: 1rem;
    border: 1px solid var(--_map-stroke);
    background: var(--_swatch);
  }

  .swatch.c1 { --_swatch: var(--_map-1); }
  .swatch.c2 { --_swatch: var(--_map-2); }
  .swatch.c3 { --_swatch: var(--_map-3); }
  .swatch.c4 { --_swatch: var(--_map-4); }
  .swatch.c5 { --_swatch: var(--_map-5); }
  .swatch.zero { --_swatch: var(--_map-zero); }
  .swatch.dotted {
    background: radial-gradient(circle, var(--_map-dot) 0 1.5px, transparent 2px) 0 0 / 5px 5px, var(--_swatch);
  }
  .swatch.none {
    --_swatch: repeating-linear-gradient(
      -45deg,
      var(--_map-hatch) 0 1.5px,
      var(--_color-background) 1.5px 5px
    );
  }

  .note {
    margin: var(--_spacing-2) 0 0;
    font-size: 0.875rem;
    color: var(--_color-text-mention);
  }

  .table-wrapper {
    margin-block-start: var(--_spacing-3);
    overflow-x: auto;
  }

  .table-wrapper[hidden] {
    display: none;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
  }

  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: var(--_spacing-2);
  }

  th,
  td {
    padding: var(--_spacing-1) var(--_spacing-2);
    border-block-end: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }

  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  thead th {
    white-space: nowrap;
  }

  .sort {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    font-weight: 700;
    color: var(--_color-action);
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  tr.selected th,
  tr.selected td {
    background: var(--_color-info-background);
    font-weight: 700;
  }

  .row-note {
    display: block;
    font-weight: 400;
    color: var(--_color-text-mention);
  }

  @media (forced-colors: active) {
    svg,
    .swatch {
      forced-color-adjust: none;
    }
    .shape,
    .inset-frame {
      stroke: CanvasText;
    }
    .shape:not(.zero, .none),
    .halo {
      stroke: Canvas;
    }
    .hatch-background {
      fill: Canvas;
    }
    .hatch-line {
      stroke: CanvasText;
    }
    .dot {
      fill: Canvas;
    }
    .selected-line,
    .highlight-line,
    .region-line {
      stroke: CanvasText;
    }
    .selected-line {
      stroke-width: 4px;
    }
    .focus-line {
      stroke: Highlight;
    }
    .swatch {
      border-color: CanvasText;
    }
    tr.selected th,
    tr.selected td {
      outline: 2px solid CanvasText;
    }
  }

  @media print {
    .tooltip,
    .toolbar .button {
      display: none;
    }
    .frame,
    table {
      break-inside: avoid;
    }
    svg,
    .swatch {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .shape {
      stroke: #000000;
    }
  }
`;
