import type { CnrClient, ProjectFilters } from '@cnr-widgets/sdk';
import { nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CnrElement } from './cnr-element.js';
import type { DataTask } from './data-task.js';
import { readIsland } from './prerender.js';
import { SourceController } from './source.js';
import { renderError, renderStale } from './states.js';

/**
 * Base class of the elements that read data: where it comes from
 * (`provider`, `src`, `api`, `client`) and the linked state, in one place.
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

  /**
   * @internal The error with « Réessayer », or — over good data that may be
   * out of date — the stale notice with its button: the same in every widget.
   */
  protected renderStatus(task: DataTask<readonly unknown[], { stale: boolean } | undefined>): TemplateResult | typeof nothing {
    // « Réessayer » runs the task again; « Actualiser » revalidates the source first.
    return task.failed
      ? renderError(this.locale, task.error, () => void task.run())
      : task.lastValue?.stale
        ? renderStale(this.locale, () => this.refreshTask(task))
        : nothing;
  }
}
