import { css } from 'lit';

/** Styles of the « Chiffres non attribués » disclosure (its markup is loaded on demand: unattributed.ts). */
export const unattributedStyles = css`
  .unattributed-body {
    margin-top: var(--_spacing-2);
    font-size: 0.875rem;
  }

  .unattributed-body[hidden] {
    display: none;
  }

  .unattributed-intro {
    margin: 0 0 var(--_spacing-2);
  }

  .unattributed-list {
    margin: 0;
    padding-inline-start: var(--_spacing-6);
  }

  .unattributed-list li + li {
    margin-top: var(--_spacing-3);
  }

  .unattributed-list p {
    margin: 0;
  }

  .unattributed-values {
    font-weight: 700;
  }

  .unattributed-term {
    font-weight: 500;
  }

  .unattributed-candidate {
    font-style: italic;
  }
`;
