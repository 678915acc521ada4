import type { CnrClient, ProjectFilters } from '@cnr-widgets/sdk';
import { TaskStatus } from '@lit/task';
import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { messages, retryLabel, type LoadSubject } from '../i18n/states.js';
import { SummaryAnnouncer, type Announcers, type SummaryKind, type SummaryPart } from './announcer.js';
import { CnrElement } from './cnr-element.js';
import type { DataTask } from './data-task.js';
import { filtersKey } from './filters.js';
import { readIsland } from './prerender.js';
import { SourceController } from './source.js';
import { failureText, renderError, renderStale } from './states.js';

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
  /** The errors the render shows, and those of the last report: a new error object is a new failure, even if it reads the same. */
  private shownErrors: unknown[] = [];
  private reportedErrors: unknown[] = [];
  /** Where the last reports went (the provider's announcers, or `ownAnnouncers`). */
  private announcers: Announcers | undefined;
  private ownAnnouncers: Announcers | undefined;
  private lastFiltersKey: string | undefined;

  /**
   * @internal Server rendering (`@cnr-widgets/elements/server`): resolves the
   * element's data now — its data task run once, with its attributes and
   * `client` — and returns it as JSON for {@link cnrPrerendered}. `undefined`
   * for an element that is not rendered ahead of time.
   */
  async prerender(): Promise<unknown> {
    return undefined;
  }

  /**
   * @internal Data resolved ahead of time (what {@link prerender} returned):
   * the element renders it from its first update and requests nothing until
   * its arguments change. Set by the server render; on the page, read from the
   * element's JSON island before its first update.
   */
  set cnrPrerendered(data: unknown) {
    if (data !== undefined && !this.hasUpdated) this.restorePrerendered(data);
  }

  /** @internal Seeds the element's tasks with `data` (a {@link prerender} result). */
  protected restorePrerendered(_data: unknown): void {
    // Elements that are rendered ahead of time override it.
  }

  /** @internal Runs `task` once now and returns its value (or throws its error): for {@link prerender}. */
  protected async resolveNow<R>(task: DataTask<readonly unknown[], R>): Promise<R> {
    await task.run();
    if (task.failed || task.lastValue === undefined) throw task.error instanceof Error ? task.error : new Error(String(task.error ?? 'no data'));
    return task.lastValue;
  }

  override connectedCallback(): void {
    // Rendered ahead of time (a declarative shadow root and its JSON island): that data, no request.
    if (!this.hasUpdated && this.shadowRoot !== null) {
      const island = readIsland(this);
      if (island) this.cnrPrerendered = island.data;
    }
    super.connectedCallback();
  }

  /** @internal The filters the element's own attributes set (none by default). */
  protected ownFilters(): ProjectFilters {
    return {};
  }

  /** @internal « Actualiser » over stale data: revalidates the source, then runs the task again. */
  protected refreshTask(task: DataTask<readonly unknown[], unknown>): void {
    task.refreshFrom(this.source.client);
  }

  /** The announcers of the provider the element is linked to, if any. */
  private get linkedAnnouncers(): Announcers | undefined {
    return (this.source.provider as { announcers?: Announcers } | undefined)?.announcers;
  }

  /**
   * @internal The error with « Réessayer », or — over good data that may be
   * out of date — the stale notice with its button: the same in every widget.
   */
  protected renderStatus(task: DataTask<readonly unknown[], { stale: boolean } | undefined>): TemplateResult | typeof nothing {
    // « Réessayer » runs the task again; « Actualiser » revalidates the source first.
    if (task.failed) return this.renderFailure(task.error, () => void task.run());
    if (!task.lastValue?.stale) return nothing;
    this.shownStale.push(messages[this.locale].stale);
    return renderStale(this.locale, () => this.refreshTask(task), { announce: !this.linkedAnnouncers, retryLabel: retryLabel(this.locale, this.loadSubject) });
  }

  /**
   * @internal A failed load: the error box with a « Réessayer » named after
   * what it loads again; a `role="alert"` when the element is alone, plain
   * inside a provider (which announces the failure once for all).
   */
  protected renderFailure(error: unknown, retry: () => void): TemplateResult {
    const locale = this.locale;
    this.shownFailures.push(failureText(locale, error));
    this.shownErrors.push(error);
    return renderError(locale, error, retry, { announce: !this.linkedAnnouncers, retryLabel: retryLabel(locale, this.loadSubject) });
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
    this.leaveAnnouncers();
    this.ownAnnouncers?.summary.stop();
    this.lastFiltersKey = undefined;
  }

  /** Tells the provider's announcers (or the element's own) what the render shows now. */
  private reportAnnouncements(): void {
    const linked = this.linkedAnnouncers;
    if (!linked && this.summaryPart && !this.ownAnnouncers) this.ownAnnouncers = { summary: new SummaryAnnouncer(() => this.locale) };
    const target = linked ?? this.ownAnnouncers;
    if (target !== this.announcers) {
      this.leaveAnnouncers();
      // Linked late (the provider defined after the widget): its filters then are no change.
      this.lastFiltersKey = undefined;
    }
    this.announcers = target;
    if (!target) return;
    if (!linked) target.summary.region.attach(this.renderRoot);
    const key = filtersKey(this.source.filters);
    if (this.lastFiltersKey !== undefined && key !== this.lastFiltersKey) target.summary.filtersChanged();
    this.lastFiltersKey = key;
    target.summary.report(this, this.summaryPart);
    target.failures?.report(this, this.shownFailures, this.shownErrors.some((error) => !this.reportedErrors.includes(error)));
    this.reportedErrors = this.shownErrors;
    target.stale?.report(this, this.shownStale);
  }

  /** Takes the element's part out of the announcers it reported to. */
  private leaveAnnouncers(): void {
    const announcers = this.announcers;
    announcers?.summary.report(this, undefined);
    announcers?.failures?.report(this, []);
    announcers?.stale?.report(this, []);
    this.announcers = undefined;
  }
}
