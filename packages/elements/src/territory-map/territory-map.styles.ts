import { css, unsafeCSS } from 'lit';
import { HEIGHT, WIDTH } from './map-model.js';

/**
 * The choropleth palette: one hue, DSFR blue-france (tokens 850, main-525 and
 * sun-113 and steps between them), light to dark, about 17 points of CIELAB
 * lightness apart, so that the classes read in order with any colour vision
 * and in greyscale. Dark theme: dark to light, from blue-france main-525 to 925.
 * Zero is a neutral grey, lighter (darker in the dark theme) than the first class.
 */
const darkPalette = css`
  --_map-1: var(--cnr-territory-map-color-1, #4a4aa2);
  --_map-2: var(--cnr-territory-map-color-2, #6666eb);
  --_map-3: var(--cnr-territory-map-color-3, #9090f7);
  --_map-4: var(--cnr-territory-map-color-4, #bbbbfa);
  --_map-5: var(--cnr-territory-map-color-5, #e3e3fd);
  --_map-zero: var(--cnr-territory-map-color-zero, #2a2a2a);
  --_map-hatch: var(--cnr-territory-map-color-no-data, #777777);
  --_map-stroke: var(--cnr-territory-map-border-color, #6a6a6a);
`;

export const territoryMapStyles = css`
  :host {
    display: block;
    --_map-1: var(--cnr-territory-map-color-1, #cacafb);
    --_map-2: var(--cnr-territory-map-color-2, #9898f8);
    --_map-3: var(--cnr-territory-map-color-3, #6a6af4);
    --_map-4: var(--cnr-territory-map-color-4, #3333c8);
    --_map-5: var(--cnr-territory-map-color-5, #000091);
    --_map-zero: var(--cnr-territory-map-color-zero, #eeeeee);
    --_map-hatch: var(--cnr-territory-map-color-no-data, #929292);
    --_map-stroke: var(--cnr-territory-map-border-color, #929292);
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
    margin: 0;
    font-weight: 700;
    color: var(--_color-title);
  }

  .button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.6;
  }

  .frame {
    position: relative;
    width: 100%;
    aspect-ratio: ${unsafeCSS(`${WIDTH} / ${HEIGHT}`)};
    max-height: var(--cnr-territory-map-max-height, none);
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
    stroke-width: 0.6px;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
    cursor: pointer;
    outline: none;
  }

  .c1 { fill: var(--_map-1); }
  .c2 { fill: var(--_map-2); }
  .c3 { fill: var(--_map-3); }
  .c4 { fill: var(--_map-4); }
  .c5 { fill: var(--_map-5); }
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
    pointer-events: none;
    transform: translate(var(--_tx, -50%), var(--_ty, calc(-100% - 0.5rem)));
    white-space: normal;
  }

  .tooltip strong {
    display: block;
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
    .halo {
      stroke: Canvas;
    }
    .selected-line,
    .highlight-line {
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
