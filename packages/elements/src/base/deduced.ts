import { css, html, nothing, type TemplateResult } from 'lit';
import { messages } from '../i18n/deduced.js';
import type { Locale } from '../i18n/locale.js';

export interface DeducedMarkOptions {
  /** What is deduced, read after « déduit » by assistive technologies and shown in the explanation (« propositions », « territoire, date »). */
  subject?: string;
  /** The CSS part of the mark (default `deduced`). */
  part?: string;
}

/**
 * A « déduit » / "deduced" mark: a small badge that is a `<details>`
 * disclosure (keyboard reachable, announced as a button with its state) whose
 * content is the reasoning the data gives — the documents do not say the
 * value in so many words. The reasonings are French (the data's language).
 */
export function renderDeducedMark(
  reasonings: readonly string[],
  locale: Locale,
  { subject, part = 'deduced' }: DeducedMarkOptions = {},
): TemplateResult | typeof nothing {
  const unique = [...new Set(reasonings.map((reasoning) => reasoning.trim()).filter((reasoning) => reasoning.length > 0))];
  if (unique.length === 0) return nothing;
  const t = messages[locale];
  return html`<details class="deduced" part=${part}>
    <summary class="deduced-badge"
      >${t.deduced}${subject ? html`<span class="visually-hidden"> (${subject})</span>` : nothing}</summary
    >
    <div class="deduced-why">
      ${subject ? html`<p class="deduced-subject">${t.fields}<span dir="auto">${subject}</span></p>` : nothing}
      ${unique.map((reasoning) => html`<p lang="fr" dir="auto">${reasoning}</p>`)}
    </div>
  </details>`;
}

/** Styles of the « déduit » mark (add to the element's `styles`). */
export const deducedStyles = css`
  .deduced {
    display: inline-block;
    max-inline-size: 100%;
    font-size: 0.875rem;
    font-weight: 400;
    vertical-align: baseline;
  }

  .deduced-badge {
    display: inline-block;
    padding: 0 var(--_spacing-2);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_color-info);
    background: var(--_color-info-background);
    cursor: pointer;
    list-style: none;
    text-transform: none;
  }

  .deduced-badge::-webkit-details-marker {
    display: none;
  }

  .deduced-why {
    margin-top: var(--_spacing-1);
    padding: var(--_spacing-2) var(--_spacing-3);
    border-inline-start: 2px solid var(--_color-info);
    color: var(--_color-text);
    background: var(--_color-background-alt);
  }

  .derivation {
    margin: var(--_spacing-1) 0;
  }

  .deduced-why p {
    margin: 0;
  }

  .deduced-why p + p {
    margin-top: var(--_spacing-1);
  }

  @media (forced-colors: active) {
    .deduced-badge {
      border-color: ButtonText;
    }
  }
`;
