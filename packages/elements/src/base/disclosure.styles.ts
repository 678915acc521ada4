import { css } from 'lit';

/** The « Détail » / « Sources » disclosure button shared by the counters: a chevron that turns when open. */
export const disclosureStyles = css`
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--_spacing-2);
    min-height: 2.5rem;
    padding: var(--_spacing-1) var(--_spacing-3);
    font: inherit;
    font-weight: 500;
    color: var(--_color-action);
    background: transparent;
    border: 1px solid var(--_color-action-background);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .toggle::after {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(45deg);
  }

  .toggle[aria-expanded='true']::after {
    transform: rotate(-135deg);
  }

  @media (forced-colors: active) {
    .toggle {
      border: 1px solid ButtonText;
    }
  }
`;
