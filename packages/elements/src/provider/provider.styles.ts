import { css } from 'lit';

export const providerStyles = css`
  :host {
    display: contents;
  }

  /* Slotted content inherits from the slot: pass the page's inherited
     properties through (DSFR sets box-sizing on :root and inherits it). */
  slot {
    box-sizing: inherit;
  }
`;
