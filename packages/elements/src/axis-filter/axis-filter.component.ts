import type { Axis, ProjectFilters, ValidationProblem } from '@cnr-widgets/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CnrDataWidget } from '../base/data-widget.js';
import { DataTask } from '../base/data-task.js';
import { filtersFromAttributes, filtersKey, normalizeFilters } from '../base/filters.js';
import { formatCount } from '../i18n/format.js';
import { messages } from '../i18n/axis-filter.js';
import type { Locale } from '../i18n/locale.js';
import { plural } from '../i18n/plural.js';
import { renderLoading, stateStyles } from '../base/states.js';
import { tokens } from '../base/tokens.styles.js';
import { CnrFilterChangeEvent } from '../events/events.js';
import { axisFilterStyles } from './axis-filter.styles.js';

interface AxisOption {
  id: string;
  label: string;
  count: number;
}

interface AxisGroup extends AxisOption {
  number: number;
  subgroups: AxisOption[];
}

/** What the filter shows, once loaded. */
export interface AxisFilterData {
  axes: AxisGroup[];
  /** Projects matching every filter but the axis one (the « Tous les axes » choice). */
  total: number;
  /** No project of the whole dataset (this thématique) is tied to an axis. */
  noneTied: boolean;
  stale: boolean;
  problems: ValidationProblem[];
}

function withoutAxes(filters: ProjectFilters): ProjectFilters {
  const { axes: _axes, ...rest } = filters;
  return rest;
}

function countText(count: number, locale: Locale): string {
  const t = messages[locale];
  return `(${formatCount(count, locale)} ${plural(count, locale, t.project, t.projects)})`;
}

/**
 * The axes of the thématique, and their sub-groups, as a group of radio buttons
 * (one axis or « Tous les axes ») or, with `multiple`, of checkboxes. Each
 * choice shows the number of projects it would give with the other filters.
 * Choosing writes the axis filter of the provider (or of the element itself
 * when it has none).
 *
 * @summary A keyboard-operable filter on the CNR axes, with counts.
 * @since 0.1.0
 *
 * @fires cnr-filter-change - When the user changes the choice; `detail` is the full filter state.
 * @fires cnr-error - When the data cannot be loaded; `detail.error` is the SDK error.
 * @fires cnr-problems - When its data comes with problems (records of the source left out or incomplete); `detail.problems` is the report. The console gets it once per source.
 *
 * @csspart base - The element's box.
 * @csspart group - The `<fieldset>` holding the choices.
 * @csspart legend - The group's legend.
 * @csspart description - The line that explains the counts.
 * @csspart options - The list of choices.
 * @csspart option - One choice (its `<label>`).
 * @csspart input - One radio button or checkbox.
 * @csspart count - The number of projects of a choice.
 * @csspart subgroups - The list of an axis's sub-groups.
 * @csspart note - The note shown when no project is tied to an axis.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry-button - The « Réessayer » button.
 * @csspart stale-notice - The notice shown over out-of-date data.
 * @csspart problems - The records of the source left out or incomplete (only with `show-problems`).
 *
 * @cssprop --cnr-axis-filter-accent-color - Colour of the checked inputs.
 * @cssprop --cnr-axis-filter-indent - Indentation of the sub-groups.
 * @cssprop --cnr-axis-filter-min-height - Height reserved while loading (default 42rem: the santé axes in a column about 20rem wide); once loaded, the filter is as tall as its content.
 */
export class CnrAxisFilter extends CnrDataWidget {
  static override styles = [tokens, stateStyles, axisFilterStyles];





  /** Checkboxes (any number of axes) instead of radio buttons (one axis or all). */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** Counts for this territory only, whatever the provider's: a territory id with its kind (`departement:57`, `region:44`; a bare code is read too). */
  @property() territory: string | undefined;


  /** The legend of the group; default « Axes du CNR santé ». */
  @property() label: string | undefined;


  private readonly task = new DataTask(this, {
    args: () => [this.source.client, filtersKey(withoutAxes(this.source.filters))] as const,
    task: async ([client], { signal }): Promise<AxisFilterData> => {
      const filters = withoutAxes(this.source.filters);
      const thematique = filters.thematique ?? 'sante';
      const [axes, facets, page] = await Promise.all([
        client.axes({ signal }),
        client.facets(filters, { signal }),
        client.projects(filters, { limit: 1 }, { signal }),
      ]);
      const counts = new Map(facets.data.axes.map((facet) => [facet.value, facet.count]));
      let noneTied = facets.data.axes.every((facet) => facet.count === 0);
      if (noneTied && Object.keys(filters).some((key) => key !== 'thematique')) {
        // Zero here may be the other filters' doing: ask about the whole dataset.
        const all = await client.facets({ thematique }, { signal });
        noneTied = all.data.axes.every((facet) => facet.count === 0);
      }
      const list = axes.data
        .filter((axis: Axis) => axis.thematique === thematique)
        .sort((a, b) => a.number - b.number)
        .map((axis) => ({
          id: axis.id,
          number: axis.number,
          label: axis.label,
          count: counts.get(axis.id) ?? 0,
          subgroups: (axis.subgroups ?? []).map((sub) => ({ id: sub.id, label: sub.label, count: counts.get(sub.id) ?? 0 })),
        }));
      return {
        axes: list,
        total: page.data.total,
        noneTied,
        stale: axes.stale || facets.stale || page.stale,
        problems: [...axes.problems, ...facets.problems, ...page.problems],
      };
    },
  });

  /** The axis and sub-group ids currently chosen. */
  get value(): string[] {
    return [...(this.source.filters.axes ?? [])];
  }

  /** @internal */
  protected override ownFilters(): ProjectFilters {
    return filtersFromAttributes({ territory: this.territory, thematique: this.thematique });
  }

  private onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.localName !== 'input') return;
    let axes: string[];
    if (this.multiple) {
      const chosen = new Set(this.value);
      if (input.checked) chosen.add(input.value);
      else chosen.delete(input.value);
      // In the order of the list, so that the filter state does not depend on the order of clicks.
      const order = [...this.renderRoot.querySelectorAll('input')].map((element) => element.value);
      axes = [...chosen].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    } else {
      axes = input.value ? [input.value] : [];
    }
    const base = this.source.provider?.filters ?? this.source.filters;
    this.source.setFilters(normalizeFilters({ ...base, axes }));
    this.emit(new CnrFilterChangeEvent(this.source.provider?.filters ?? this.source.filters));
  }

  private renderOption(option: AxisOption, text: string, chosen: ReadonlySet<string>): TemplateResult {
    const checked = option.id === '' ? chosen.size === 0 : chosen.has(option.id);
    return html`<label class="option" part="option">
      <input
        part="input"
        type=${this.multiple ? 'checkbox' : 'radio'}
        name="axis"
        value=${option.id}
        .checked=${live(checked)}
      />
      <span dir="auto">${text} <span class="count" part="count">${countText(option.count, this.locale)}</span></span>
    </label>`;
  }

  private renderGroup(data: AxisFilterData): TemplateResult {
    const locale = this.locale;
    const t = messages[locale];
    const chosen = new Set(this.value);
    const legend = this.label ?? ((this.source.filters.thematique ?? 'sante') === 'education' ? t.legendEducation : t.legendSante);
    return html`<fieldset part="group" aria-describedby="description" @change=${this.onChange}>
        <legend part="legend" dir="auto">${legend}</legend>
        <p class="description" part="description" id="description">${t.description}</p>
        <ul class="options" part="options" role="list">
          ${this.multiple ? nothing : html`<li>${this.renderOption({ id: '', label: t.all, count: data.total }, t.all, chosen)}</li>`}
          ${data.axes.map(
            (axis) =>
              html`<li>
                ${this.renderOption(axis, `${t.axis} ${axis.number} — ${axis.label}`, chosen)}
                ${axis.subgroups.length === 0
                  ? nothing
                  : html`<ul class="subgroups" part="subgroups" role="list" aria-label=${`${t.subgroups} ${axis.number}`}>
                      ${axis.subgroups.map((sub) => html`<li>${this.renderOption(sub, sub.label, chosen)}</li>`)}
                    </ul>`}
              </li>`,
          )}
        </ul>
      </fieldset>
      ${data.noneTied ? html`<p class="note" part="note">${t.noneTied}</p>` : nothing}
      ${this.problemsReport.render(locale, data.problems)}`;
  }

  override render() {
    const locale = this.locale;
    const data = this.task.lastValue;
    const failed = this.task.failed;
    return html`<div class="root" part="base" lang=${locale}>
      ${this.renderStatus(this.task)}
      ${data === undefined ? (failed ? nothing : renderLoading(locale, 'var(--_min)')) : this.renderGroup(data)}
    </div>`;
  }
}
