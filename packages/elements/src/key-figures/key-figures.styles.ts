import { css } from 'lit';

/**
 * The reserve (see states.ts): a cell is a figure with a qualifier (its padding, « plus de », the
 * number, a line of label); the padding of `.reserve` is the territory's line above the figures
 * and the « Sources » button's row below.
 */
export const keyFiguresStyles = css`
  .reserve.figures {
    padding: calc(1.6875rem + var(--_spacing-3)) 0 calc(var(--_spacing-3) + 2.5rem);
  }

  .reserve > * {
    min-height: calc(2 * var(--_spacing-3) + 1.3125rem + 1.2 * var(--cnr-key-figures-font-size, 2rem) + 1.5em);
  }

  .territory {
    margin: 0 0 var(--_spacing-3);
    font-weight: 700;
    font-size: 1.125rem;
    color: var(--_color-title);
  }

  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--cnr-key-figures-min-width, 10rem)), 1fr));
    gap: var(--cnr-key-figures-gap, var(--_spacing-4));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .figure {
    display: flex;
    flex-direction: column;
    padding: var(--_spacing-3) var(--_spacing-4);
    background: var(--cnr-key-figures-background, var(--_color-background-alt));
    border-inline-start: 4px solid var(--cnr-key-figures-accent-color, var(--_color-action-background));
    border-radius: var(--_radius);
  }

  .qualifier {
    font-size: 0.875rem;
    color: var(--_color-text-mention);
  }

  .number {
    font-size: var(--cnr-key-figures-font-size, 2rem);
    line-height: 1.2;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    color: var(--cnr-key-figures-color, var(--_color-action));
  }

  .label {
    font-weight: 500;
  }

  .breakdown {
    margin-top: var(--_spacing-1);
    font-size: 0.875rem;
    color: var(--_color-text-mention);
  }

  .scope {
    margin: var(--_spacing-2) 0 0;
    font-size: 0.875rem;
    color: var(--_color-text-mention);
  }

  .empty {
    margin: 0;
    color: var(--_color-text-mention);
  }

  .toggle {
    margin-top: var(--_spacing-3);
  }

  .sources {
    margin: var(--_spacing-2) 0 0;
    padding-inline-start: var(--_spacing-6);
    font-size: 0.875rem;
  }

  .sources li + li {
    margin-top: var(--_spacing-2);
  }

  blockquote {
    margin: var(--_spacing-1) 0 0;
    color: var(--_color-text-mention);
  }

  a {
    color: var(--_color-action);
  }

  @media (forced-colors: active) {
    .figure {
      border: 1px solid CanvasText;
      border-inline-start-width: 4px;
    }
  }
`;
