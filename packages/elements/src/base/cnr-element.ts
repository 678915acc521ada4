import { LitElement } from 'lit';
import { englishPending, localeOf, type Locale } from '../i18n/locale.js';
import { observePage, pageTheme } from './page-observer.js';

/**
 * Base class of every CNR Widgets element: typed events that bubble out of
 * shadow roots, the interface language, and the page's DSFR theme.
 */
export class CnrElement extends LitElement {
  private stopObservingPage: (() => void) | undefined;

  /** The interface language: the nearest `lang` attribute at or above the element; French by default. */
  protected get locale(): Locale {
    return localeOf(this);
  }

  /** On the CDN build, an English element renders once the English texts have arrived (no French flash). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.locale === 'en' ? englishPending() : undefined;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.applyPageTheme();
    this.stopObservingPage = observePage(() => {
      this.applyPageTheme();
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingPage?.();
    this.stopObservingPage = undefined;
  }

  private applyPageTheme(): void {
    const theme = pageTheme();
    if (theme === undefined) this.removeAttribute('data-cnr-theme');
    else if (this.getAttribute('data-cnr-theme') !== theme) this.setAttribute('data-cnr-theme', theme);
  }

  /** Dispatches one of the library's events (they bubble and are composed); false when cancelled. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }
}
