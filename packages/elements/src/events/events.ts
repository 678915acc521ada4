import type { ProjectFilters } from '@cnr-widgets/sdk';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'cnr-filter-change': CnrFilterChangeEvent;
    'cnr-project-select': CnrProjectSelectEvent;
    'cnr-error': CnrErrorEvent;
  }
}
