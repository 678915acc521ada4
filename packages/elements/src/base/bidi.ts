import { html, type TemplateResult } from 'lit';

/**
 * Text of the data next to ours, bidi-isolated (`<bdi>`: its own direction,
 * `unicode-bidi: isolate`): a label or passage that starts with a right-to-left
 * override (U+202E) or any other bidi control cannot reorder our words, counts
 * or guillemets beside it (« (tejorp 0) »).
 */
export function isolate(value: string): TemplateResult {
  return html`<bdi>${value}</bdi>`;
}
