import { css } from 'lit';

export const projectListStyles = css`
  :host {
    display: block;
  }

  .root {
    --_gap: var(--cnr-project-list-gap, var(--_spacing-4));
    --_card-min-height: var(--cnr-project-list-card-min-height, 12rem);
    --_column: var(--cnr-project-list-column-width, 18rem);
    container: cnr-project-list / inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_spacing-3);
  }

  :host([card-variant='full']) .root {
    --_card-min-height: var(--cnr-project-list-card-min-height, 28rem);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_spacing-3);
  }

  .search {
    flex: 1 1 14rem;
  }

  .search,
  .sort {
    display: flex;
    flex-direction: column;
    gap: var(--_spacing-1);
    min-width: 0;
    margin: 0;
  }

  .sort {
    flex: 0 1 auto;
  }

  input,
  select {
    font: inherit;
    min-height: 2.5rem;
    max-width: 100%;
    padding: var(--_spacing-2) var(--_spacing-3);
    color: var(--_color-text);
    background: var(--_color-background-contrast);
    border: 0;
    border-bottom: 2px solid var(--_color-text);
    border-radius: var(--_radius) var(--_radius) 0 0;
  }

  .count {
    margin: 0;
    font-weight: 700;
    min-height: 1.5em;
  }

  .cards {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  @container cnr-project-list (min-width: 38rem) {
    .cards {
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_column)), 1fr));
    }
  }

  .cards > li,
  .cards > .skeleton,
  .cards > [part='skeleton'] {
    min-width: 0;
    min-height: var(--_card-min-height);
  }

  .cards > li > cnr-project-card {
    height: 100%;
  }

  .cards[aria-busy='true'] {
    opacity: 0.6;
  }

  @media (prefers-reduced-motion: no-preference) {
    .cards {
      transition: opacity 0.15s linear;
    }
  }

  .empty {
    padding: var(--_spacing-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-background-alt);
  }

  .empty p {
    margin: 0 0 var(--_spacing-2);
  }

  .relax,
  .pager ul {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .pager ul {
    justify-content: center;
  }

  .pager button {
    font: inherit;
    min-width: 2.5rem;
    min-height: 2.5rem;
    padding: var(--_spacing-1) var(--_spacing-3);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_color-action);
    cursor: pointer;
  }

  .pager button[aria-current='page'] {
    background: var(--_color-action-background);
    color: var(--_color-on-action);
  }

  .pager button:disabled {
    color: var(--_color-text-mention);
    cursor: default;
  }

  .pager-space {
    min-height: 2.5rem;
  }

  .gap {
    padding: 0 var(--_spacing-1);
  }

  @media (forced-colors: active) {
    input,
    select {
      border: 1px solid CanvasText;
    }
    .pager button[aria-current='page'] {
      border-color: Highlight;
      outline: 2px solid Highlight;
    }
  }
`;
