import type { ProjectFilters, ValidationProblem } from '@cnr-widgets/sdk';

const init = { bubbles: true, composed: true } as const;

/** Fired when the user changes a filter. `detail` is the full filter state. */
export class CnrFilterChangeEvent extends CustomEvent<ProjectFilters> {
  constructor(detail: ProjectFilters) {
    super('cnr-filter-change', { ...init, detail });
  }
}

/** Fired when the user opens or selects a project. `detail.id` is its id. */
export class CnrProjectSelectEvent extends CustomEvent<{ id: string }> {
  constructor(detail: { id: string }) {
    super('cnr-project-select', { ...init, detail });
  }
}

/** Fired when an element fails to load its data. `detail.error` is the typed SDK error. */
export class CnrErrorEvent extends CustomEvent<{ error: Error }> {
  constructor(detail: { error: Error }) {
    super('cnr-error', { ...init, detail });
  }
}

/** `detail` of {@link CnrProblemsEvent}. */
export interface CnrProblemsDetail {
  /** The problems of the data the element shows: records left out, fields dropped (format each with the SDK's `formatProblem`). */
  problems: readonly ValidationProblem[];
  /** The `src` (or `api`) the data comes from; `undefined` for the embedded reference dataset. */
  source: string | undefined;
}

/**
 * Fired when an element's data comes with problems (records of the source
 * left out or incomplete): for the producer of the data, never shown to
 * visitors unless the element or its provider has `show-problems`. Fired once
 * per new report and element; every widget reading one source fires it, and
 * the console gets the report once per source.
 */
export class CnrProblemsEvent extends CustomEvent<CnrProblemsDetail> {
  constructor(detail: CnrProblemsDetail) {
    super('cnr-problems', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cnr-filter-change': CnrFilterChangeEvent;
    'cnr-project-select': CnrProjectSelectEvent;
    'cnr-error': CnrErrorEvent;
    'cnr-problems': CnrProblemsEvent;
  }
}
