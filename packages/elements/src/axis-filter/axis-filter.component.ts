import type { Axis, ProjectFilters, ValidationProblem } from '@cnr-widgets/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isolate } from '../base/bidi.js';
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
  /** No project of the selection (every filter but the axis one) is tied to an axis: every choice would give none. */
  noneInSelection: boolean;
  stale: boolean;
  problems: ValidationProblem[];
}

function withoutAxes(filters: ProjectFilters): ProjectFilters {
  const { axes: _axes, ...rest } = filters;
  return rest;
}

/**
 * How long a radio reached with the arrow keys waits before it applies
 * (milliseconds): going from « Tous les axes » to Axe 4 passes Axes 1–3,
 * which must not each reload the page's widgets and be announced.
 */
export const ARROW_SETTLE_MS = 600;

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

function countText(count: number, locale: Locale): string {
  const t = messages[locale];
  return `(${formatCount(count, locale)} ${plural(count, locale, t.project, t.projects)})`;
}

/**
 * The axes of the thématique, and their sub-groups, as a group of radio buttons
 * (one axis or « Tous les axes ») or, with `multiple`, of checkboxes. Each
 * choice shows the number of projects it would give with the other filters.
 * Choosing writes the axis filter of the provider (or of the element itself
 * when it has none): at once for a click, Space or Enter; a radio reached with
 * the arrow keys applies once the selection settles (600 ms without another
 * arrow key, or on leaving the group), so that going from « Tous les axes »
 * to Axe 4 applies Axe 4 alone.
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
 * @csspart note - The note shown instead of the choices when no project of the selection is tied to an axis (then every choice would give none).
 * @csspart clear-button - With that note, the button that removes an axis filter set anyway (by the page or the URL).
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

  /** @internal */
  protected override readonly loadSubject = 'axes';


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
      const noneInSelection = facets.data.axes.every((facet) => facet.count === 0);
      let noneTied = noneInSelection;
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
        noneInSelection,
        stale: axes.stale || facets.stale || page.stale,
        problems: [...axes.problems, ...facets.problems, ...page.problems],
      };
    },
  });

  /** The axes chosen with the arrow keys, not applied yet (the selection has not settled). */
  private pending: string[] | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The change under way comes from an arrow key (set on keydown, the change follows at once). */
  private arrowKey = false;

  /** The axis and sub-group ids currently chosen (applied to the filters). */
  get value(): string[] {
    return [...(this.source.filters.axes ?? [])];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelPending();
  }

  private cancelPending(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.pending = undefined;
  }

  /** Applies the radio the arrow keys reached, if any, now. */
  private settle(): void {
    const axes = this.pending;
    this.cancelPending();
    if (axes !== undefined) this.apply(axes);
  }

  private onKeydown(event: KeyboardEvent): void {
    const input = event.target as HTMLInputElement;
    if (input.localName !== 'input' || input.type !== 'radio') return;
    // The change that follows an arrow key comes at once, before any other key.
    this.arrowKey = ARROWS.has(event.key);
    // Enter or Space on the radio reached: apply at once (a form's radios do nothing on Enter; ours choose).
    if (event.key === 'Enter' || event.key === ' ') this.settle();
  }

  private onFocusout(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    const fieldset = event.currentTarget as HTMLElement;
    // Leaving the group (Tab, a click elsewhere): what was reached is chosen.
    if (!next || !fieldset.contains(next)) this.settle();
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
      if (this.arrowKey) {
        // Moving through the radios with the arrow keys: apply once the selection settles.
        this.arrowKey = false;
        this.pending = axes;
        clearTimeout(this.settleTimer);
        this.settleTimer = setTimeout(() => this.settle(), ARROW_SETTLE_MS);
        return;
      }
    }
    this.cancelPending();
    this.apply(axes);
  }

  private apply(axes: string[]): void {
    const base = this.source.provider?.filters ?? this.source.filters;
    this.source.setFilters(normalizeFilters({ ...base, axes }));
    this.emit(new CnrFilterChangeEvent(this.source.provider?.filters ?? this.source.filters));
  }

  /** The choices the last render showed checked (`updated()` keeps the inputs to them). */
  private shownChosen: ReadonlySet<string> | undefined;

  /**
   * Each choice checked as the state says, even after a click the state did
   * not take (what Lit's `live` directive does, without the directive
   * machinery every page would load: issue 14, sizes).
   */
  protected override updated(): void {
    const chosen = this.shownChosen;
    if (chosen === undefined) return;
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="axis"]')) {
      const checked = input.value === '' ? chosen.size === 0 : chosen.has(input.value);
      if (input.checked !== checked) input.checked = checked;
    }
  }

  /** One choice: `text` (ours, with the data's label isolated) and the count. */
  private renderOption(option: AxisOption, text: unknown, chosen: ReadonlySet<string>): TemplateResult {
    this.shownChosen = chosen;
    const checked = option.id === '' ? chosen.size === 0 : chosen.has(option.id);
    return html`<label class="option" part="option">
      <input
        part="input"
        type=${this.multiple ? 'checkbox' : 'radio'}
        name="axis"
        value=${option.id}
        .checked=${checked}
      />
      <span>${text} <span class="count" part="count">${countText(option.count, this.locale)}</span></span>
    </label>`;
  }

  /**
   * No project of the selection is tied to an axis: every choice would empty
   * the list. Said once, with no choices; an axis chosen anyway (by the page,
   * the URL) can be removed.
   */
  private renderNone(data: AxisFilterData, legend: string): TemplateResult {
    const locale = this.locale;
    const t = messages[locale];
    return html`<p class="legend" part="legend" dir="auto">${legend}</p>
      <p class="note" part="note">${data.noneTied ? t.noneTied : t.noneInSelection}</p>
      ${this.value.length === 0
        ? nothing
        : html`<button type="button" class="button secondary" part="clear-button" @click=${() => this.apply([])}>${t.clear}</button>`}
      ${this.problemsReport.render(locale, data.problems)}`;
  }

  private renderGroup(data: AxisFilterData): TemplateResult {
    const locale = this.locale;
    const t = messages[locale];
    // The radio reached with the arrow keys stays checked while it settles (a re-render must not undo it).
    const chosen = new Set(this.pending ?? this.value);
    const legend = this.label ?? ((this.source.filters.thematique ?? 'sante') === 'education' ? t.legendEducation : t.legendSante);
    if (data.noneInSelection) return this.renderNone(data, legend);
    return html`<fieldset
        part="group"
        aria-describedby="description"
        @change=${this.onChange}
        @keydown=${this.onKeydown}
        @focusout=${this.onFocusout}
      >
        <legend part="legend" dir="auto">${legend}</legend>
        <p class="description" part="description" id="description">${t.description}</p>
        <ul class="options" part="options" role="list">
          ${this.multiple ? nothing : html`<li>${this.renderOption({ id: '', label: t.all, count: data.total }, t.all, chosen)}</li>`}
          ${data.axes.map(
            (axis) =>
              html`<li>
                ${this.renderOption(axis, html`${t.axis} ${axis.number} — ${isolate(axis.label)}`, chosen)}
                ${axis.subgroups.length === 0
                  ? nothing
                  : html`<ul class="subgroups" part="subgroups" role="list" aria-label=${`${t.subgroups} ${axis.number}`}>
                      ${axis.subgroups.map((sub) => html`<li>${this.renderOption(sub, isolate(sub.label), chosen)}</li>`)}
                    </ul>`}
              </li>`,
          )}
        </ul>
      </fieldset>
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
