import { LiveRegion } from './announcer.js';

/**
 * The provider's failure and stale announcers (base/announcer.ts for the
 * summary): only a `<cnr-provider>` announces failures for several widgets
 * (a widget alone makes its error box its own alert), so this module goes
 * with the provider's code, not with what every widget loads.
 */

/** Failures reported within this delay of each other make one announcement. */
export const FAILURE_BATCH_MS = 150;

/**
 * Announces the failures of the widgets of a provider once: the failures
 * reported together (within {@link FAILURE_BATCH_MS}) make one message, each
 * distinct text once. A widget that fails again after it recovered or was
 * retried is a new failure; a widget that fails like the others while they
 * still show the failure adds nothing.
 */
export class FailureAnnouncer {
  readonly region: LiveRegion;
  /** The failure texts each widget shows now. */
  private readonly current = new Map<Element, readonly string[]>();
  /** The widgets that have failed before (a failure after a retry is announced again). */
  private readonly failedBefore = new WeakSet<Element>();
  private batch: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    role: 'alert' | 'status',
    private readonly lang: () => string,
  ) {
    this.region = new LiveRegion(role, role === 'alert' ? 'failures' : 'stale');
  }

  /**
   * The failure texts `source` shows now (none: it has recovered or left);
   * `fresh`: they come from a new failed run (a retry that failed again reads
   * the same, and is announced again).
   */
  report(source: Element, texts: readonly string[], fresh = false): void {
    const shown = this.current.get(source) ?? [];
    if (!fresh && shown.length === texts.length && shown.every((text, i) => text === texts[i])) return;
    const previous = fresh ? [] : shown;
    if (texts.length === 0) this.current.delete(source);
    else this.current.set(source, texts);
    const others = new Set([...this.current.entries()].filter(([element]) => element !== source).flatMap(([, shown]) => shown));
    const again = this.failedBefore.has(source);
    for (const text of texts) {
      if (previous.includes(text)) continue;
      // Already on screen elsewhere and announced: a widget joining a failure in progress adds nothing.
      if (!again && others.has(text)) continue;
      if (!this.batch.includes(text)) this.batch.push(text);
    }
    if (texts.length > 0) this.failedBefore.add(source);
    if (this.batch.length > 0) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), FAILURE_BATCH_MS);
    } else if (this.current.size === 0) {
      // Every widget recovered: the message is no longer true.
      this.region.clear();
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.batch = [];
    this.region.clear();
  }

  private flush(): void {
    this.timer = undefined;
    const text = this.batch.join(' ');
    this.batch = [];
    if (text) this.region.say(text, this.lang());
  }
}
