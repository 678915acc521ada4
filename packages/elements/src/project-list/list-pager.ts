import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../i18n/locale.js';
import { formatCount } from '../i18n/format.js';
import { messages } from '../i18n/project-list.js';

/** The page numbers to offer: the first, the last, the current one and its neighbours; 0 marks a gap. */
function pageItems(page: number, last: number): number[] {
  const pages = [...new Set([1, page - 1, page, page + 1, last])].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of pages) {
    if (out.length > 0 && p - out[out.length - 1]! > 1) out.push(0);
    out.push(p);
  }
  return out;
}

/** The pager: previous, the first, the last, the current page and its neighbours, next. */
export function renderPager(current: number, last: number, locale: Locale, goTo: (page: number) => void): TemplateResult {
  const t = messages[locale];
  return html`<nav class="pager" part="pager" aria-label=${t.pagination}>
    <ul>
      <li><button type="button" part="pager-button" ?disabled=${current <= 1} @click=${() => goTo(current - 1)}>${t.previous}</button></li>
      ${pageItems(current, last).map((p) =>
        p === 0
          ? html`<li class="gap" aria-hidden="true">…</li>`
          : html`<li><button type="button" part="pager-button" aria-current=${p === current ? 'page' : nothing} @click=${() => goTo(p)}>
              <span class="visually-hidden">${t.page} </span>${formatCount(p, locale)}
            </button></li>`,
      )}
      <li><button type="button" part="pager-button" ?disabled=${current >= last} @click=${() => goTo(current + 1)}>${t.next}</button></li>
    </ul>
  </nav>`;
}
