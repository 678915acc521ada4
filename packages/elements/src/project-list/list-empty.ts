import { BARE_CODE_ORDER, type ProjectFilters } from '@cnr-widgets/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../i18n/locale.js';
import { describeTerritoryId } from '../base/territory-names.js';
import type { Labels } from '../project-card/labels.js';
import { messages } from '../i18n/project-list.js';

/** The filters the empty state offers to relax, in the order it names them. */
export const RELAXABLE = ['territory', 'axes', 'statuses', 'solution', 'funder', 'yearFrom', 'yearTo', 'q'] as const;
export type Relaxable = (typeof RELAXABLE)[number];

/** The names the empty state shows instead of ids, when looked up. */
export type EmptyNames = Partial<Pick<Labels, 'territories' | 'axes'>>;

/** « Aucun projet ne correspond. Essayez d’élargir : territoire « Vosges », statut « en cours » ». */
export function renderEmpty(
  locale: Locale,
  filters: ProjectFilters,
  names: EmptyNames,
  relax: (keys: readonly Relaxable[]) => void,
): TemplateResult {
  const t = messages[locale];
  const active = RELAXABLE.filter((key) => {
    const value = filters[key];
    return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
  });
  return html`<div class="empty" part="empty">
    <p>${t.empty}${active.length > 0 ? ` ${t.relax}` : ''}</p>
    ${active.length > 0
      ? html`<ul class="relax">
          ${active.map(
            (key) =>
              html`<li>
                <button type="button" class="button secondary" part="relax-button" @click=${() => relax([key])}>
                  <span class="visually-hidden">${t.remove} </span>${describe(key, filters, names, locale)}
                </button>
              </li>`,
          )}
          ${active.length > 1
            ? html`<li>
                <button type="button" class="button secondary" part="relax-button" @click=${() => relax(active)}>
                  ${t.clearAll}
                </button>
              </li>`
            : nothing}
        </ul>`
      : nothing}
  </div>`;
}

/**
 * The filter and its value as the user knows them (names rather than codes):
 * « territoire « Vosges » ». Each value of the data is isolated from our
 * guillemets; our words and the opening guillemet share one text node (a
 * button laid out as a flex box drops a space between two: « territoire« Vosges »).
 */
function describe(key: Relaxable, filters: ProjectFilters, names: EmptyNames, locale: Locale): TemplateResult {
  const t = messages[locale];
  const open = locale === 'fr' ? '«\u00a0' : '« ';
  const close = locale === 'fr' ? '\u00a0»' : ' »';
  const values = (list: readonly string[]) =>
    list.map((value, i) => html`${i === 0 ? `${t[key]} ${open}` : ` ${t.or} ${open}`}<bdi>${value}</bdi>${close}`);
  switch (key) {
    case 'territory':
      return html`${values([territoryName(filters.territory!, names, locale)])}`;
    case 'axes':
      return html`${values(filters.axes!.map((id) => names.axes?.get(id) ?? id))}`;
    case 'statuses':
      return html`${values(filters.statuses!.map((status) => t[status] ?? status))}`;
    default:
      return html`${values([String(filters[key])])}`;
  }
}

function territoryName(value: string, names: EmptyNames, locale: Locale): string {
  const territories = names.territories;
  if (!territories) return describeTerritoryId(value, locale);
  const direct = territories.get(value);
  if (direct) return direct.name;
  for (const kind of BARE_CODE_ORDER) {
    const found = territories.get(`${kind}:${value}`);
    if (found) return found.name;
  }
  return describeTerritoryId(value, locale);
}
