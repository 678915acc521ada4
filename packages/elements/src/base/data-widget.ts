import type { ProjectFilters } from '@cnr-widgets/sdk';
import { property } from 'lit/decorators.js';
import { CnrDataElement } from './data-element.js';
import { filtersFromAttributes } from './filters.js';
import { ProblemsController } from './problems.js';

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
