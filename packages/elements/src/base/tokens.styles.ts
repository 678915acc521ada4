import { css } from 'lit';

/** DSFR's dark-theme values, used when DSFR itself is not on the page. */
const darkValues = css`
  --_color-text: var(--cnr-color-text, var(--text-default-grey, #cecece));
  --_color-text-mention: var(--cnr-color-text-mention, var(--text-mention-grey, #929292));
  --_color-title: var(--cnr-color-title, var(--text-title-grey, #eeeeee));
  --_color-action: var(--cnr-color-action, var(--text-action-high-blue-france, #8585f6));
  --_color-action-background: var(--cnr-color-action-background, var(--background-action-high-blue-france, #8585f6));
  --_color-on-action: var(--cnr-color-on-action, var(--text-inverted-blue-france, #000091));
  --_color-background: var(--cnr-color-background, var(--background-default-grey, #161616));
  --_color-background-alt: var(--cnr-color-background-alt, var(--background-alt-grey, #1e1e1e));
  --_color-background-contrast: var(--cnr-color-background-contrast, var(--background-contrast-grey, #242424));
  --_color-border: var(--cnr-color-border, var(--border-default-grey, #353535));
  --_color-success: var(--cnr-color-success, var(--text-default-success, #27a658));
  --_color-success-background: var(--cnr-color-success-background, var(--background-contrast-success, #19271d));
  --_color-info: var(--cnr-color-info, var(--text-default-info, #518fff));
  --_color-info-background: var(--cnr-color-info-background, var(--background-contrast-info, #1c1e2c));
  --_color-warning: var(--cnr-color-warning, var(--text-default-warning, #fc5d00));
  --_color-warning-background: var(--cnr-color-warning-background, var(--background-contrast-warning, #361e19));
  --_color-error: var(--cnr-color-error, var(--text-default-error, #ff5655));
  --_color-error-background: var(--cnr-color-error-background, var(--background-contrast-error, #391c1c));
`;

/**
 * Design tokens shared by every element. Each private `--_token` reads the
 * public `--cnr-*` custom property, then the DSFR variable of the same role
 * (so a page that loads DSFR, light or dark, is followed), then the DSFR
 * light value. Without DSFR, `prefers-color-scheme: dark` and the page's
 * `data-fr-theme="dark"` switch the fallbacks to DSFR's dark values. A
 * widget's text (`.root`) never inherits the host page's odd settings it
 * cannot survive.
 */
export const tokens = css`
  :host {
    display: block;
    --_font-family: var(--cnr-font-family, Marianne, arial, sans-serif);
    --_font-size: var(--cnr-font-size, 1rem);
    --_color-text: var(--cnr-color-text, var(--text-default-grey, #161616));
    --_color-text-mention: var(--cnr-color-text-mention, var(--text-mention-grey, #666666));
    --_color-title: var(--cnr-color-title, var(--text-title-grey, #161616));
    --_color-action: var(--cnr-color-action, var(--text-action-high-blue-france, #000091));
    --_color-action-background: var(--cnr-color-action-background, var(--background-action-high-blue-france, #000091));
    --_color-on-action: var(--cnr-color-on-action, var(--text-inverted-blue-france, #f5f5fe));
    --_color-background: var(--cnr-color-background, var(--background-default-grey, #ffffff));
    --_color-background-alt: var(--cnr-color-background-alt, var(--background-alt-grey, #f6f6f6));
    --_color-background-contrast: var(--cnr-color-background-contrast, var(--background-contrast-grey, #eeeeee));
    --_color-border: var(--cnr-color-border, var(--border-default-grey, #dddddd));
    --_color-focus: var(--cnr-color-focus, #0a76f6);
    --_color-success: var(--cnr-color-success, var(--text-default-success, #18753c));
    --_color-success-background: var(--cnr-color-success-background, var(--background-contrast-success, #b8fec9));
    --_color-info: var(--cnr-color-info, var(--text-default-info, #0063cb));
    --_color-info-background: var(--cnr-color-info-background, var(--background-contrast-info, #e8edff));
    --_color-warning: var(--cnr-color-warning, var(--text-default-warning, #b34000));
    --_color-warning-background: var(--cnr-color-warning-background, var(--background-contrast-warning, #ffe9e6));
    --_color-error: var(--cnr-color-error, var(--text-default-error, #ce0500));
    --_color-error-background: var(--cnr-color-error-background, var(--background-contrast-error, #ffe9e9));
    --_radius: var(--cnr-radius, 0.25rem);
    --_spacing-1: var(--cnr-spacing-1, 0.25rem);
    --_spacing-2: var(--cnr-spacing-2, 0.5rem);
    --_spacing-3: var(--cnr-spacing-3, 0.75rem);
    --_spacing-4: var(--cnr-spacing-4, 1rem);
    --_spacing-6: var(--cnr-spacing-6, 1.5rem);
    color-scheme: light dark;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([data-cnr-theme='light'])) {
      ${darkValues}
    }
  }

  :host([data-cnr-theme='dark']) {
    ${darkValues}
  }

  :host([hidden]) {
    display: none !important;
  }

  .root {
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_color-text);
    box-sizing: border-box;
    overflow-wrap: anywhere;
    text-align: start;
  }

  .root *,
  .root *::before,
  .root *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
