import { isAbortError } from '@cnr-widgets/sdk';
import type { CnrClient } from '@cnr-widgets/sdk';
import { shallowArrayEquals, Task, TaskStatus, type TaskConfig } from '@lit/task';
import { isServer, type ReactiveControllerHost } from 'lit';
import { CnrErrorEvent } from '../events/events.js';
import { loadFailureDetails } from './states.js';

/** True when `value` is, or carries (`problems`), a non-empty list of validation problems. */
function hasProblems(value: unknown): boolean {
  const problems = Array.isArray(value) ? value : (value as { problems?: unknown } | null | undefined)?.problems;
  return Array.isArray(problems) && problems.length > 0 && typeof (problems[0] as { severity?: unknown } | null)?.severity === 'string';
}

/**
 * `task`, settling only once the failure path's code is there when its
 * outcome needs it (states.ts `loadFailureDetails()`): after a failure (not
 * an abort), or with a value that carries problems. The render that shows the
 * error box or the problems notice then has them whole, and the failure is
 * announced at once; a run that goes well never waits nor fetches anything.
 */
function withFailureDetails<A extends readonly unknown[], R>(task: TaskConfig<A, R>['task']): TaskConfig<A, R>['task'] {
  return async (args, options) => {
    let value: Awaited<ReturnType<typeof task>>;
    try {
      value = await task(args, options);
    } catch (error) {
      if (!isAbortError(error)) await loadFailureDetails();
      throw error;
    }
    if (hasProblems(value)) await loadFailureDetails();
    return value;
  };
}

/**
 * A `Task` that aborts its run when the element leaves the page (so its
 * request is cancelled) and starts it again when the element comes back —
 * also when it is moved while the run is still pending.
 */
export class LifecycleTask<const A extends readonly unknown[], R> extends Task<A, R> {
  private abortedByDisconnect = false;
  /**
   * A value given ahead of time (see {@link seed}): what the task stands for
   * until its arguments change. `value` stays `undefined` until a run.
   */
  seededValue: R | undefined;
  /** With a seed: the arguments of the first update (recorded, not run), or `'next'` before it. */
  private seededArgs: readonly unknown[] | 'next' | undefined;
  private readonly argsOf: (() => A) | undefined;

  private readonly element: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost, config: TaskConfig<A, R>) {
    super(host, { ...config, task: withFailureDetails(config.task) });
    this.argsOf = config.args;
    this.element = host;
  }

  /**
   * Starts the task with a value resolved ahead of time — by a server render,
   * read back from the page when it hydrates: the element's first update
   * renders it and runs nothing; the task runs as usual once its arguments
   * change (or on `run()`).
   */
  seed(value: R): void {
    this.seededValue = value;
    this.seededArgs = 'next';
    this.autoRun = false;
  }

  /** The last value: of a run, else the seed. */
  get current(): R | undefined {
    return this.value ?? this.seededValue;
  }

  override hostUpdate(): void {
    // No run while the element waits for its provider: inside a `<cnr-provider>` (or linked to one by
    // id) that is not defined yet — its module arrives after the widget's (the CDN autoloader loads
    // each tag's chunk as it comes) — the task would read the embedded dataset first, a download the
    // page does not need. The provider's answer updates the element, which runs it then.
    if (awaitsProvider(this.element)) {
      warnIfProviderStaysUndefined(this.element as unknown as HTMLElement);
      return;
    }
    if (this.seededArgs !== undefined && this.argsOf !== undefined) {
      const args = this.argsOf();
      if (this.seededArgs === 'next') {
        this.seededArgs = args;
        return;
      }
      if (shallowArrayEquals(this.seededArgs, args)) return;
      // The arguments changed (a filter, a page): from now on an ordinary task.
      this.seededArgs = undefined;
      this.autoRun = true;
    }
    super.hostUpdate();
  }

  hostConnected(): void {
    if (this.abortedByDisconnect || isAbortError(this.error)) {
      this.abortedByDisconnect = false;
      void this.run();
    }
  }

  hostDisconnected(): void {
    if (this.status === TaskStatus.PENDING) {
      this.abortedByDisconnect = true;
      this.abort();
    }
  }
}

/**
 * A {@link LifecycleTask} that loads a widget's data and keeps the last good
 * value: when a later run fails, `lastValue` still holds what to show beside
 * the error. It fires `cnr-error` (never for an abort).
 */
export class DataTask<const A extends readonly unknown[], R> extends LifecycleTask<A, R> {
  /** The value of the last run that completed, kept through later errors. */
  lastValue: R | undefined;
  constructor(element: ReactiveControllerHost & HTMLElement, config: Pick<TaskConfig<A, R>, 'task' | 'args'>) {
    super(element, {
      ...config,
      onComplete: (value) => {
        this.lastValue = value;
      },
      onError: (error) => {
        if (isAbortError(error)) return;
        element.dispatchEvent(new CnrErrorEvent({ error: error instanceof Error ? error : new Error(String(error)) }));
      },
    });
  }

  /** True when the last run failed for a reason other than an abort. */
  override seed(value: R): void {
    super.seed(value);
    this.lastValue = value;
  }

  get failed(): boolean {
    return this.error !== undefined && !isAbortError(this.error);
  }

  /** « Actualiser » over stale data: revalidates the client's source, then runs again, whether that worked or not. */
  refreshFrom(client: CnrClient): void {
    void client
      .refresh()
      .catch(() => undefined)
      .finally(() => void this.run());
  }
}

/**
 * How long a widget waits for an undefined `<cnr-provider>` before the console says why it shows
 * nothing: the CDN autoloader defines it within one round trip; an application that imports one
 * element's module (`@cnr-widgets/elements/project-list.js`) and forgets the provider's never does.
 */
export const PROVIDER_WAIT_WARNING_MS = 3000;
let providerWarning: ReturnType<typeof setTimeout> | 'done' | undefined;

function warnIfProviderStaysUndefined(element: HTMLElement): void {
  if (providerWarning !== undefined) return;
  providerWarning = setTimeout(() => {
    providerWarning = 'done';
    if (customElements.get('cnr-provider')) return;
    console.warn(
      `[cnr-widgets] <${element.localName}> waits for its <cnr-provider>, which is not defined: load the provider's module too (import '@cnr-widgets/elements/provider.js', or the CDN entry cnr-widgets.js).`,
    );
  }, PROVIDER_WAIT_WARNING_MS);
}

/** True when `element` reads its data from a `<cnr-provider>` that is in the page but not defined yet. */
function awaitsProvider(host: ReactiveControllerHost): boolean {
  if (isServer || typeof customElements === 'undefined' || customElements.get('cnr-provider') || !(host instanceof HTMLElement)) return false;
  const element = host as HTMLElement & { client?: unknown };
  if (element.client || element.hasAttribute('src') || element.hasAttribute('api')) return false;
  const id = element.getAttribute('provider');
  if (id) return element.ownerDocument.getElementById(id)?.localName === 'cnr-provider';
  return element.closest('cnr-provider') !== null;
}
