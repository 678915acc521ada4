import { css } from 'lit';

export const projectCardStyles = css`
  :host {
    display: block;
  }

  .root {
    display: flex;
    flex-direction: column;
    gap: var(--_spacing-2);
    height: 100%;
    padding: var(--cnr-project-card-padding, var(--_spacing-4));
    background: var(--cnr-project-card-background, var(--_color-background));
    border: 1px solid var(--cnr-project-card-border-color, var(--_color-border));
    border-bottom: 3px solid var(--cnr-project-card-accent-color, var(--_color-action));
    border-radius: var(--_radius);
  }

  .title {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.4;
    font-weight: 700;
    color: var(--_color-title);
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_spacing-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .badge {
    display: inline-block;
    padding: 0 var(--_spacing-2);
    border-radius: var(--_radius);
    font-size: 0.875rem;
    font-weight: 700;
    line-height: 1.5rem;
    text-transform: uppercase;
    color: var(--_color-info);
    background: var(--_color-info-background);
    border: 1px solid transparent;
  }

  .badge[data-status='en-cours'] {
    color: var(--_color-info);
    background: var(--_color-info-background);
  }

  .badge[data-status='realise'] {
    color: var(--_color-success);
    background: var(--_color-success-background);
  }

  .badge[data-status='en-reflexion'],
  .badge[data-status='en-projet'] {
    color: var(--_color-warning);
    background: var(--_color-warning-background);
  }

  .porteurs {
    margin: 0;
    color: var(--_color-text-mention);
    font-size: 0.875rem;
  }

  @media (forced-colors: active) {
    .root,
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
