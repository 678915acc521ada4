import { css } from 'lit';

/**
 * The skeleton is `--_min` tall; the filter loaded, as tall as its axes (no blank under them).
 * `input[type='radio']:focus` draws the ring: WebKit (Safari, every iPhone
 * browser) focuses the radio button that the arrow keys select without
 * matching :focus-visible, so the ring of the tokens would vanish after the
 * first arrow key. (Comments stay out of the CSS: they would ship.)
 */
export const axisFilterStyles = css`
  .root {
    --_min: var(--cnr-axis-filter-min-height, 42rem);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend,
  .legend {
    padding: 0;
    margin: 0 0 var(--_spacing-1);
    font-weight: 700;
    font-size: 1.125rem;
    color: var(--_color-title);
  }

  .description,
  .note {
    margin: 0 0 var(--_spacing-3);
    font-size: 0.875rem;
    color: var(--_color-text-mention);
  }

  .note,
  .note + .button {
    margin: var(--_spacing-3) 0 0;
  }

  .note {
    padding: var(--_spacing-2) var(--_spacing-3);
    border-inline-start: 4px solid var(--_color-info);
    background: var(--_color-info-background);
    color: var(--_color-text);
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .subgroups {
    padding-inline-start: var(--cnr-axis-filter-indent, 2rem);
  }

  .option {
    display: flex;
    align-items: flex-start;
    gap: var(--_spacing-3);
    min-height: 2.75rem;
    padding: var(--_spacing-2) 0;
    cursor: pointer;
  }

  input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--cnr-axis-filter-accent-color, var(--_color-action-background));
    cursor: pointer;
  }

  input[type='radio']:focus {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .count {
    color: var(--_color-text-mention);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    input {
      accent-color: auto;
    }
    input[type='radio']:focus {
      outline-color: Highlight;
    }
    .note {
      border: 1px solid CanvasText;
    }
  }
`;
