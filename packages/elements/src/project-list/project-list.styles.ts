import { css } from 'lit';

/**
 * While the first page loads (`.reserve`: states.ts), `page-size` cells of `--_card-min-height`
 * and the pager's row; once loaded, a page is as tall as its cards:
 * - every card's cell is at least `--_card-min-height` tall; a full page (`.fill`) lies over the
 *   skeleton's cells, kept hidden beneath it (`.stack`), and is stretched to them, its rows sharing
 *   the space (a tall card takes from the others): it keeps the skeleton's height;
 * - three columns or more (56rem): narrower cards, each row as tall as the tallest of more cards,
 *   so 2.5rem more per cell;
 * - the pager's row is reserved while loading: two rows of buttons in a narrow list;
 * - a page that knows what the list will show sets `--cnr-project-list-loading-height`: the list
 *   takes that height while loading, its skeleton cut to fit;
 * - inputs have a fixed height: a select's line is its font's own, and the toolbar would grow
 *   when a web font arrives.
 */
export const projectListStyles = css`
  .root {
    --_gap: var(--cnr-project-list-gap, var(--_spacing-4));
    --_card-min-height: var(--cnr-project-list-card-min-height, 12rem);
    --_column: var(--cnr-project-list-column-width, 18rem);
    container: cnr-project-list / inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_spacing-3);
  }

  /* A page that knows the list's height gives it: the skeleton is cut to fit. */
  .loading {
    height: var(--cnr-project-list-loading-height, auto);
  }

  .loading > .reserved {
    flex: 1 1 auto;
    min-height: 0;
    overflow: hidden;
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
    height: calc(1.5em + 2 * var(--_spacing-2) + 2px);
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

  .cards > * {
    min-width: 0;
    min-height: var(--_card-min-height);
  }

  @container cnr-project-list (min-width: 56rem) {
    .cards > * {
      min-height: calc(var(--_card-min-height) + 2.5rem);
    }
  }

  .stack > .fill {
    align-self: stretch;
  }

  .fill > li {
    min-height: 0;
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

  .pager {
    min-height: 2.5rem;
  }

  @container cnr-project-list (max-width: 30rem) {
    .pager {
      min-height: calc(5rem + var(--_spacing-2));
    }
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
