import type { FailureAnnouncer } from './failure-announcer.js';

/**
 * What screen readers hear when the data changes or fails to load: one
 * announcement per settled change, and one per failure, from one place — the
 * `<cnr-provider>` for the widgets it links, or the widget itself when it is
 * alone on the page.
 *
 * The widgets' visible texts (the count, the amount, the selected territory)
 * are not live regions: each widget reports its part of the summary
 * (`SummaryPart`) to an announcer, which waits until the parts have settled
 * (no task pending, nothing new for {@link SETTLE_MS}) and then speaks them as
 * one polite message: « 6 projets, 1 200 000 euros, Vosges ».
 */

/**
 * Where a widget's announcements go: the announcers of its provider (the
 * summary, the failures, the stale notices), or a summary announcer of its
 * own when it is alone (its error box is then its own alert).
 */
export interface Announcers {
  summary: SummaryAnnouncer;
  failures?: FailureAnnouncer;
  stale?: FailureAnnouncer;
}

/** What a part of the summary says; the summary reads them in this order. */
export type SummaryKind = 'count' | 'funding' | 'territory';

const ORDER: readonly SummaryKind[] = ['count', 'funding', 'territory'];

/** One widget's part of the summary. */
export interface SummaryPart {
  kind: SummaryKind;
  /** What it says (nothing while the widget has nothing to say). */
  text: string | undefined;
  /** True while the widget loads: the summary waits for it. */
  pending: boolean;
}

/** How long the parts must stay the same (and none pending) before the summary is announced. */
export const SETTLE_MS = 600;

/** Pause between emptying a live region and writing its new text, so that the same text is announced again. */
const REWRITE_MS = 100;

/**
 * A visually hidden live region (`role="status"`, atomic, or `role="alert"`),
 * styled through CSSOM (a strict CSP allows it), created when first attached:
 * on the client only (nothing of it in server rendering).
 */
export class LiveRegion {
  private created: HTMLElement | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly role: 'status' | 'alert',
    /** `data-cnr-announcer` of the region: `summary`, `failures` or `stale`. */
    private readonly name: string,
  ) {}

  get element(): HTMLElement {
    if (this.created === undefined) {
      const element = document.createElement('div');
      element.setAttribute('role', this.role);
      element.setAttribute('aria-atomic', 'true');
      element.dataset['cnrAnnouncer'] = this.name;
      element.style.cssText =
        'position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);clip-path:inset(50%);white-space:nowrap;border:0';
      this.created = element;
    }
    return this.created;
  }

  /** Puts the region first in `root` (before the content Lit renders), once. */
  attach(root: Node): void {
    if (this.element.parentNode !== root) root.insertBefore(this.element, root.firstChild);
  }

  /** Empties the region, then writes `text` (so that a repeated text is announced again). */
  say(text: string, lang: string): void {
    clearTimeout(this.timer);
    this.element.textContent = '';
    if (!text) return;
    this.timer = setTimeout(() => {
      this.element.lang = lang;
      this.element.textContent = text;
    }, REWRITE_MS);
  }

  /** Empties the region (what it said is no longer true). */
  clear(): void {
    clearTimeout(this.timer);
    if (this.created) this.created.textContent = '';
  }
}

/**
 * Gathers the summary parts of one or several widgets and announces the
 * settled summary once per change. The first settled summary (the page
 * loading) is not announced: the visitor reads the page.
 */
export class SummaryAnnouncer {
  readonly region = new LiveRegion('status', 'summary');
  private readonly parts = new Map<Element, SummaryPart>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last summary settled (announced, or the page's first). */
  private last: string | undefined;
  private started = false;
  /** A filter changed since the last settled summary: announce it even if it reads the same. */
  private changed = false;

  constructor(private readonly lang: () => string) {}

  /** A widget's part now (`undefined`: it no longer takes part). */
  report(source: Element, part: SummaryPart | undefined): void {
    const previous = this.parts.get(source);
    if (part === undefined) {
      if (previous === undefined) return;
      this.parts.delete(source);
      // A widget leaving the page is no change to announce: the summary without it is the new reference.
      if (this.timer === undefined && this.started) this.last = this.text();
      return;
    } else {
      if (previous && previous.kind === part.kind && previous.text === part.text && previous.pending === part.pending) return;
      this.parts.set(source, { ...part });
    }
    this.schedule();
  }

  /**
   * The filters changed (the user, the page or the URL): the next settled
   * summary is announced — also when it comes before the page's first one
   * had settled (a visitor quicker than the settling delay).
   */
  filtersChanged(): void {
    this.changed = true;
    this.schedule();
  }

  /**
   * The summary the parts make now, in the order of {@link ORDER}, without
   * repeats: every count and amount (two lists may count differently), one
   * territory (the first widget's: the key figures and the map name the same one).
   */
  text(): string {
    const entries = [...this.parts.entries()].sort(([a, pa], [b, pb]) => {
      const byKind = ORDER.indexOf(pa.kind) - ORDER.indexOf(pb.kind);
      if (byKind !== 0) return byKind;
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1;
    });
    const texts: string[] = [];
    let territory = false;
    for (const [, part] of entries) {
      const text = part.text?.trim();
      if (!text || texts.includes(text) || (part.kind === 'territory' && territory)) continue;
      territory ||= part.kind === 'territory';
      texts.push(text);
    }
    return texts.join(', ');
  }

  /** Forgets every part and timer (the host leaves the page). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.region.clear();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  private settle(): void {
    this.timer = undefined;
    // A widget still loading reports again when it is done, which schedules the summary again.
    if ([...this.parts.values()].some((part) => part.pending)) return;
    const text = this.text();
    // Nothing to say yet (no widget has reported): a change stays to be announced.
    if (text === '') return;
    if (!this.started) {
      this.started = true;
      if (!this.changed) {
        this.last = text;
        return;
      }
    }
    if (text === this.last && !this.changed) return;
    this.last = text;
    this.changed = false;
    this.region.say(text, this.lang());
  }
}
