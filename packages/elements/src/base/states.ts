import { css, html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../i18n/locale.js';
import { messages } from '../i18n/states.js';
import type * as FailureModule from './failure-details.js';

type FailureDetails = typeof FailureModule;

/**
 * The states every data widget shares — loading, error with retry, stale
 * data, records left out — so that they look and sound the same everywhere.
 *
 * `.stack` lays its children in one grid cell: a `.reserve` (the loading
 * skeleton) and the content that replaces it, after which the reserve stays,
 * hidden, and keeps its height. The widget neither grows nor shrinks when its
 * data arrives as long as the content fits the reserve.
 */
export const stateStyles = css`
  .stack {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }

  .stack > * {
    grid-area: 1 / 1;
    align-self: start;
  }

  .reserve:not(:last-child) {
    visibility: hidden;
  }

  .skeleton {
    display: block;
    min-height: var(--_skeleton-height, 6rem);
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_color-background-contrast) 25%, var(--_color-background-alt) 50%, var(--_color-background-contrast) 75%);
    background-size: 200% 100%;
  }

  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: cnr-shimmer 1.5s linear infinite;
    }
  }

  @keyframes cnr-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }

  .error,
  .stale {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing-2);
    margin: 0 0 var(--_spacing-3);
    padding: var(--_spacing-2) var(--_spacing-3);
    border-inline-start: 4px solid var(--_color-error);
    background: var(--_color-error-background);
    color: var(--_color-text);
  }

  .stale {
    border-inline-start-color: var(--_color-warning);
    background: var(--_color-warning-background);
  }

  .error p,
  .stale p {
    margin: 0;
    flex: 1 1 12rem;
  }

  .button {
    font: inherit;
    font-weight: 500;
    min-height: 2.5rem;
    padding: var(--_spacing-2) var(--_spacing-4);
    border: 1px solid var(--_color-action-background);
    border-radius: var(--_radius);
    background: var(--_color-action-background);
    color: var(--_color-on-action);
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    color: var(--_color-action);
  }

  .problems {
    margin: var(--_spacing-3) 0 0;
    font-size: 0.875rem;
    color: var(--_color-text-mention);
  }

  .problems ul {
    margin: var(--_spacing-2) 0 0;
    padding-inline-start: var(--_spacing-6);
    max-height: 12rem;
    overflow: auto;
  }

  @media (forced-colors: active) {
    .button {
      border: 1px solid ButtonText;
    }
    .error,
    .stale {
      border: 1px solid CanvasText;
    }
  }
`;

/** A placeholder that reserves the widget's height while its data loads. */
export function renderLoading(locale: Locale, height = '6rem'): TemplateResult {
  return html`<div class="skeleton" part="skeleton" .style=${`--_skeleton-height:${height}`} role="status">
    <span class="visually-hidden">${messages[locale].loading}</span>
  </div>`;
}

/**
 * The `.reserve` of a `.stack`: `count` cells of the grid `grid` (a class of
 * the element, whose styles size the cells), the skeleton while loading, then
 * empty and hidden.
 */
export function renderReserve(locale: Locale, loading: boolean, count: number, grid: string): TemplateResult {
  const cell = loading ? html`<div class="skeleton" part="skeleton"></div>` : html`<div></div>`;
  return html`<div class="reserve ${grid}">${loading ? renderLoading(locale) : nothing}${Array(count - (loading ? 1 : 0)).fill(cell)}</div>`;
}

let details: FailureDetails | undefined;
let loadingDetails: Promise<void> | undefined;

/**
 * The failure path's code and texts (failure-details.ts: what a failed
 * load's fault is, the problems notice and console report), imported on the
 * first failure or problem instead of with the first render: a page whose
 * data loads well never fetches them (issue 14). The data tasks wait for it
 * before they settle (data-task.ts), so the error box and the problems notice
 * come whole in the render that shows them, and are announced at once. If it
 * cannot be loaded (the network is down), the error box still says that the
 * data could not be loaded, with its « Réessayer »; the next failure tries again.
 */
export function loadFailureDetails(): Promise<void> {
  return (loadingDetails ??= import('./failure-details.js').then(
    (module) => {
      details = module;
    },
    () => {
      loadingDetails = undefined;
    },
  ));
}

/** The failure path's module, once loaded (`loadFailureDetails()`). */
export function failureDetails(): FailureDetails | undefined {
  return details;
}

/** The text of a failed load, as the error box and the provider's announcement say it. */
export function failureText(locale: Locale, error: unknown): string {
  return `${messages[locale].error} ${details?.describeFault(locale, error) ?? ''}`.trim();
}

/** How an error or stale box is announced and what its button is called. */
export interface StatusOptions {
  /**
   * The box announces itself (`role="alert"`, `role="status"` when stale):
   * a widget alone. Inside a provider the provider announces the failure
   * once for all its widgets, and the box is plain (default true).
   */
  announce?: boolean;
  /** The accessible name of the « Réessayer » button, naming what it loads again (`retryLabels`). */
  retryLabel?: string;
}

/** An error message with a retry button; the caller shows the last good data after it. */
export function renderError(locale: Locale, error: unknown, retry: () => void, { announce = true, retryLabel }: StatusOptions = {}): TemplateResult {
  const t = messages[locale];
  return html`<div class="error" part="error" role=${announce ? 'alert' : nothing}>
    <p dir="auto">${failureText(locale, error)}</p>
    <button type="button" class="button" part="retry-button" aria-label=${retryLabel ?? nothing} @click=${retry}>${t.retry}</button>
  </div>`;
}

/** A notice that the data shown is the last good copy, not a fresh one. */
export function renderStale(locale: Locale, retry?: () => void, { announce = true, retryLabel }: StatusOptions = {}): TemplateResult {
  const t = messages[locale];
  return html`<div class="stale" part="stale-notice" role=${announce ? 'status' : nothing}>
    <p>${t.stale}</p>
    ${retry
      ? html`<button type="button" class="button secondary" part="retry-button" aria-label=${retryLabel ?? nothing} @click=${retry}>${t.retry}</button>`
      : nothing}
  </div>`;
}
