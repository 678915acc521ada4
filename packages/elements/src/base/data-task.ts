import { Task, type TaskConfig } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { CnrErrorEvent } from '../events/events.js';

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * A `Task` that loads a widget's data and keeps the last good value: when a
 * later run fails, `lastValue` still holds what to show beside the error.
 * It aborts its run when the element leaves the page, and fires `cnr-error`
 * (never for an abort).
 */
export class DataTask<const A extends readonly unknown[], R> extends Task<A, R> {
  /** The value of the last run that completed, kept through later errors. */
  lastValue: R | undefined;

  constructor(
    private readonly element: ReactiveControllerHost & HTMLElement,
    config: Pick<TaskConfig<A, R>, 'task' | 'args'>,
  ) {
    super(element, {
      ...config,
      onComplete: (value) => {
        this.lastValue = value;
      },
      onError: (error) => {
        if (isAbort(error)) return;
        this.element.dispatchEvent(new CnrErrorEvent({ error: error instanceof Error ? error : new Error(String(error)) }));
      },
    });
  }

  /** True when the last run failed for a reason other than an abort. */
  get failed(): boolean {
    return this.error !== undefined && !isAbort(this.error);
  }

  hostConnected(): void {
    // Moved in the page: the run aborted on disconnection is started again.
    if (isAbort(this.error)) void this.run();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
