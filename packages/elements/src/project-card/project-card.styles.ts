import { css } from 'lit';

/** A card that loads its project (`project-id`) keeps the height its skeleton reserved. */
export const projectCardStyles = css`
  .root {
    display: flex;
    flex-direction: column;
    gap: var(--_spacing-2);
    height: 100%;
    min-width: 0;
    max-width: 100%;
    padding: var(--cnr-project-card-padding, var(--_spacing-4));
    background: var(--cnr-project-card-background, var(--_color-background));
    border: 1px solid var(--cnr-project-card-border-color, var(--_color-border));
    border-bottom: 3px solid var(--cnr-project-card-accent-color, var(--_color-action));
    border-radius: var(--_radius);
  }

  :host([project-id]) .root {
    min-height: var(--cnr-project-card-min-height, 12rem);
  }

  :host([project-id][variant='full']) .root {
    min-height: var(--cnr-project-card-min-height, 28rem);
  }

  .skeleton {
    flex: auto;
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
    max-width: 100%;
    padding: 0 var(--_spacing-2);
    border-radius: var(--_radius);
    font-size: 0.875rem;
    font-weight: 700;
    line-height: 1.5rem;
    color: var(--_color-info);
    background: var(--_color-info-background);
    border: 1px solid transparent;
  }

  .badge[data-status] {
    text-transform: uppercase;
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

  .badge.axis {
    color: var(--_color-text);
    background: var(--_color-background-contrast);
  }

  .summary,
  .facts,
  .facts dd,
  .facts p,
  .facts ul {
    margin: 0;
  }

  .facts {
    display: flex;
    flex-direction: column;
    gap: var(--_spacing-1);
    font-size: 0.875rem;
  }

  .fact dt {
    display: inline;
    font-weight: 700;
  }

  .fact dt::after {
    content: '\\00a0:';
  }

  [data-locale='en'] .fact dt::after {
    content: ':';
  }

  .fact dd {
    display: inline;
  }

  .objectives dt {
    display: block;
  }

  .objectives dd {
    display: block;
  }

  .objectives ul {
    padding-inline-start: var(--_spacing-6);
  }

  .toggle {
    font: inherit;
    margin-top: var(--_spacing-1);
    padding: var(--_spacing-1) 0;
    border: 0;
    background: none;
    color: var(--_color-action);
    text-decoration: underline;
    cursor: pointer;
  }

  .source {
    font-size: 0.875rem;
    color: var(--_color-text-mention);
  }

  .source summary {
    cursor: pointer;
    color: var(--_color-action);
    width: fit-content;
  }

  .source .document {
    margin: var(--_spacing-2) 0;
  }

  .source a,
  .link {
    color: var(--_color-action);
  }

  blockquote {
    margin: 0;
    padding-inline-start: var(--_spacing-3);
    border-inline-start: 3px solid var(--_color-border);
    font-style: italic;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing-3);
    margin-top: auto;
    padding-top: var(--_spacing-2);
  }

  .not-found {
    margin: 0;
  }

  @media (forced-colors: active) {
    .root,
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
