import { css } from 'lit';

/** While loading, the skeleton takes `--_body`: the amount's line and the « Détail » button's row; loaded, `.body` is as tall as what it shows. */
export const fundingCounterStyles = css`
  .root {
    padding: var(--cnr-funding-counter-padding, var(--_spacing-4));
    background: var(--cnr-funding-counter-background, var(--_color-background-alt));
    border-radius: var(--_radius);
  }

  .body {
    --_body: calc(var(--_spacing-1) + 1.2 * var(--cnr-funding-counter-font-size, 2.5rem) + var(--_spacing-2) + 2.5rem);
    display: flow-root;
  }

  .label {
    margin: 0;
    font-weight: 700;
    color: var(--_color-title);
  }

  .amount {
    margin: var(--_spacing-1) 0 var(--_spacing-2);
    font-size: var(--cnr-funding-counter-font-size, 2.5rem);
    line-height: 1.2;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    color: var(--cnr-funding-counter-color, var(--_color-action));
  }

  .qualifier {
    font-size: 1rem;
    font-weight: 400;
    color: var(--_color-text-mention);
  }

  .empty {
    margin: var(--_spacing-2) 0;
    color: var(--_color-text-mention);
  }

  .details {
    margin-top: var(--_spacing-3);
    font-size: 0.875rem;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  caption,
  .sources-title {
    margin: 0 0 var(--_spacing-1);
    font-weight: 700;
    text-align: start;
  }

  th,
  td {
    padding: var(--_spacing-1) var(--_spacing-2);
    border-bottom: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }

  td {
    text-align: end;
    white-space: nowrap;
  }

  thead th:last-child {
    text-align: end;
  }

  .note {
    margin: var(--_spacing-2) 0;
    color: var(--_color-text-mention);
  }

  .sources-title {
    margin-top: var(--_spacing-3);
  }

  .sources {
    margin: 0;
    padding-inline-start: var(--_spacing-6);
  }

  a {
    color: var(--_color-action);
  }

  @media (forced-colors: active) {
    .root {
      border: 1px solid CanvasText;
    }
  }
`;
