import { css } from 'lit';

/**
 * Slotted content inherits from the slot: the slot passes the page's inherited
 * properties through (DSFR sets box-sizing on :root and inherits it).
 *
 * Widgets pasted one after the other in a provider get a gap between them
 * (`--cnr-gap`, 1.5rem by default), as a top margin of each widget that is
 * not the provider's first child: it collapses with the margins of the page's
 * own headings and paragraphs between them, and the page's own styles for
 * those elements win (a shadow root's `::slotted` rules yield to the page's).
 * Only the provider's direct children: widgets inside the page's own
 * sections or grid are spaced by the page. No rule reaches anything else.
 */
export const providerStyles = css`
  :host {
    display: contents;
  }

  slot {
    box-sizing: inherit;
  }

  ::slotted(:is(cnr-key-figures, cnr-territory-map, cnr-axis-filter, cnr-funding-counter, cnr-project-list, cnr-project-card):not(:first-child)) {
    margin-block-start: var(--cnr-gap, 1.5rem);
  }
`;
