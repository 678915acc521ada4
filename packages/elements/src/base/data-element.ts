import type { CnrClient, ProjectFilters } from '@cnr-widgets/sdk';
import { TaskStatus } from '@lit/task';
import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { messages, retryLabels, type LoadSubject } from '../i18n/states.js';
import { SummaryAnnouncer, type SummaryKind, type SummaryPart } from './announcer.js';
import { CnrElement } from './cnr-element.js';
import type { DataTask } from './data-task.js';
import { filtersKey } from './filters.js';
import { SourceController } from './source.js';
import { failureText, renderError, renderStale } from './states.js';

/** What a provider offers its widgets for their announcements (see `<cnr-provider>`). */
interface Announcing {
  reportSummary?(source: Element, part: SummaryPart | undefined): void;
  reportFailures?(source: Element, texts: readonly string[], fresh?: boolean): void;
  reportStale?(source: Element, texts: readonly string[]): void;
  announceFiltersChanged?(): void;
}

/** The least a task offers to tell whether it is loading. */
interface TaskLike {
  readonly status: TaskStatus;
}

/**
 * Base class of the elements that read data: where it comes from
 * (`provider`, `src`, `api`, `client`) and the linked state, in one place.
 *
 * Announcements: inside a provider, the provider announces a failure once for
 * all its widgets and one summary per settled change; the widget's error box
 * is then no live region. A widget alone announces its own failure (its box
 * is a `role="alert"`) and its own settled change (a polite region of its own).
 */
export class CnrDataElement extends CnrElement {
  /** Id of a `<cnr-provider>` elsewhere on the page (without one around the element). */
  @property() provider: string | undefined;

  /** URL of a dataset document (without a provider). */
  @property() src: string | undefined;

  /** Base URL of a REST API (without a provider). */
  @property() api: string | undefined;

  /** An SDK client to read from instead of the provider's or the attributes' source. */
  @property({ attribute: false }) client: CnrClient | undefined;

  /** @internal The source and the linked filters. */
  protected readonly source = new SourceController(this, () => this.ownFilters());

  /** @internal What the element loads: names its « Réessayer » buttons (« Réessayer le chargement des projets »). */
  protected readonly loadSubject: LoadSubject = 'data';

  /** The failure and stale texts the render shows, and the summary part it gives (collected during `update`). */
  private shownFailures: string[] = [];
  private shownStale: string[] = [];
  private summaryPart: SummaryPart | undefined;
  /** Where the last reports went: the provider, or the element's own announcer. */
  private reportedTo: Announcing | undefined;
  private ownAnnouncer: SummaryAnnouncer | undefined;
  private ownTarget: Announcing | undefined;
  private lastFiltersKey: string | undefined;
  /** The errors the render shows, and those of the last report: a new error object is a new failure, even if it reads the same. */
  private shownErrors: unknown[] = [];
  private reportedErrors: unknown[] = [];

  /** @internal The filters the element's own attributes set (none by default). */
  protected ownFilters(): ProjectFilters {
    return {};
  }

  /** @internal « Actualiser » over stale data: revalidates the source, then runs the task again. */
  protected refreshTask(task: DataTask<readonly unknown[], unknown>): void {
    task.refreshFrom(this.source.client);
  }

  /** The provider the element is linked to, when it can take its announcements. */
  private get announcingProvider(): Announcing | undefined {
    const provider = this.source.provider as (HTMLElement & Announcing) | undefined;
    return provider && typeof provider.reportSummary === 'function' ? provider : undefined;
  }

  /**
   * @internal The error with « Réessayer », or — over good data that may be
   * out of date — the stale notice with its button: the same in every widget.
   */
  protected renderStatus(task: DataTask<readonly unknown[], { stale: boolean } | undefined>): TemplateResult | typeof nothing {
    // « Réessayer » runs the task again; « Actualiser » revalidates the source first.
    if (task.failed) return this.renderFailure(task.error, () => void task.run());
    if (!task.lastValue?.stale) return nothing;
    const announce = this.announcingProvider === undefined;
    this.shownStale.push(messages[this.locale].stale);
    return renderStale(this.locale, () => this.refreshTask(task), { announce, retryLabel: retryLabels[this.locale][this.loadSubject] });
  }

  /**
   * @internal A failed load: the error box with a « Réessayer » named after
   * what it loads again; a `role="alert"` when the element is alone, plain
   * inside a provider (which announces the failure once for all).
   */
  protected renderFailure(error: unknown, retry: () => void): TemplateResult {
    const locale = this.locale;
    const announce = this.announcingProvider === undefined;
    this.shownFailures.push(failureText(locale, error));
    this.shownErrors.push(error);
    return renderError(locale, error, retry, { announce, retryLabel: retryLabels[locale][this.loadSubject] });
  }

  /**
   * @internal The element's part of the summary announced after a change
   * (« 6 projets », the amount, the territory), called from `render`;
   * `tasks` are those the text waits for.
   */
  protected summarize(kind: SummaryKind, text: string | undefined, ...tasks: TaskLike[]): void {
    const pending = tasks.some((task) => task.status === TaskStatus.PENDING || task.status === TaskStatus.INITIAL);
    this.summaryPart = { kind, text, pending };
  }

  protected override update(changed: PropertyValues): void {
    this.shownFailures = [];
    this.shownStale = [];
    this.shownErrors = [];
    this.summaryPart = undefined;
    super.update(changed);
    this.reportAnnouncements();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reportedTo?.reportSummary?.(this, undefined);
    this.reportedTo?.reportFailures?.(this, []);
    this.reportedTo?.reportStale?.(this, []);
    this.reportedTo = undefined;
    this.ownAnnouncer?.stop();
    this.lastFiltersKey = undefined;
  }

  /** Tells the provider (or the element's own announcer) what the render shows now. */
  private reportAnnouncements(): void {
    const provider = this.announcingProvider;
    let target: Announcing | undefined = provider;
    if (!provider && (this.summaryPart || this.ownTarget)) {
      if (!this.ownAnnouncer || !this.ownTarget) {
        const own = new SummaryAnnouncer(() => this.locale);
        this.ownAnnouncer = own;
        this.ownTarget = { reportSummary: (source, part) => own.report(source, part), announceFiltersChanged: () => own.filtersChanged() };
      }
      this.ownAnnouncer.region.attach(this.renderRoot);
      target = this.ownTarget;
    }
    const previous = this.reportedTo;
    if (previous && previous !== target) {
      previous.reportSummary?.(this, undefined);
      previous.reportFailures?.(this, []);
      previous.reportStale?.(this, []);
    }
    this.reportedTo = target;
    if (!target) return;
    const key = filtersKey(this.source.filters);
    if (this.lastFiltersKey !== undefined && key !== this.lastFiltersKey) target.announceFiltersChanged?.();
    this.lastFiltersKey = key;
    target.reportSummary?.(this, this.summaryPart);
    const fresh = this.shownErrors.some((error) => !this.reportedErrors.includes(error));
    this.reportedErrors = this.shownErrors;
    target.reportFailures?.(this, this.shownFailures, fresh);
    target.reportStale?.(this, this.shownStale);
  }
}
