import type { CnrClient, ProjectFilters } from '@cnr-widgets/sdk';
import { property } from 'lit/decorators.js';
import { CnrElement } from './cnr-element.js';
import type { DataTask } from './data-task.js';
import { filtersFromAttributes } from './filters.js';
import { ProblemsController } from './problems.js';
import { SourceController } from './source.js';

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

  /** @internal The filters the element's own attributes set (none by default). */
  protected ownFilters(): ProjectFilters {
    return {};
  }

  /** @internal « Réessayer »: runs the task again. */
  protected retryTask(task: DataTask<readonly unknown[], unknown>): void {
    void task.run();
  }

  /** @internal « Actualiser » over stale data: revalidates the source, then runs the task again. */
  protected refreshTask(task: DataTask<readonly unknown[], unknown>): void {
    task.refreshFrom(this.source.client);
  }
}

/**
 * A data element with a thématique and the report of the records left out
 * (`show-problems`): every widget but the card.
 */
export class CnrDataWidget extends CnrDataElement {
  /**
   * Shows the notice of the records of the source left out or incomplete, with
   * the details — a producer's preview (also set by the provider's
   * `show-problems`). Without it visitors see no such notice.
   */
  @property({ type: Boolean, attribute: 'show-problems' }) showProblems = false;

  /** Thématique: `sante` (default) or `education`. */
  @property() thematique: string | undefined;

  /** @internal The records left out, for the producer. */
  protected readonly problemsReport = new ProblemsController(this, this.source);

  /** @internal */
  protected override ownFilters(): ProjectFilters {
    return filtersFromAttributes({ thematique: this.thematique });
  }
}
