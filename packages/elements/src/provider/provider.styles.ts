import { css } from 'lit';

/**
 * Slotted content inherits from the slot: the slot passes the page's inherited
 * properties through (DSFR sets box-sizing on :root and inherits it).
 */
export const providerStyles = css`
  :host {
    display: contents;
  }

  slot {
    box-sizing: inherit;
  }
`;
