import type { CnrClient, ProjectFilters } from '@cnr-widgets/sdk';
import { ContextProvider } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { SummaryAnnouncer, type Announcers } from '../base/announcer.js';
import { FailureAnnouncer } from '../base/failure-announcer.js';
import { clientFor } from '../base/clients.js';
import { CnrElement } from '../base/cnr-element.js';
import { filtersFromAttributes, normalizeFilters } from '../base/filters.js';
import { filtersFromUrl, filtersToUrl, sameFilters } from './url-filters.js';
import { providerContext } from '../base/link-context.js';
import { providerStyles } from './provider.styles.js';

/**
 * Holds one data source and the filter state shared by the widgets inside it,
 * or anywhere on the page when they name it with `provider="<id>"`.
 *
 * @summary Links the CNR widgets of a page: one source, one filter state.
 * @since 0.1.0
 *
 * The problems of the source (records left out or incomplete) go to the
 * producer, not to visitors: the console gets the report once, the widgets
 * fire `cnr-problems` (it bubbles through the provider), and `show-problems`
 * shows the notice for a producer's preview.
 *
 * Announcements (screen readers). The provider speaks for the widgets it
 * links, from two visually hidden live regions of its own, so that a change
 * or a failure is heard once, not once per widget:
 * - after a change of the filters (a territory, an axis, a search), one
 *   polite summary once every widget has loaded and nothing has changed for
 *   0.6 s: « 6 projets, 1 200 000 euros, Vosges » (the result count, the
 *   funding, the territory, as the widgets present show them). Typing a search
 *   announces the result of what was typed, not the counts on the way. The
 *   widgets' own texts (count, amount, selection) are not live regions then.
 *   The page's first load is not announced.
 * - when loading fails, one alert for all the widgets that fail together
 *   (« Les données n'ont pas pu être chargées. Rien à cette adresse (erreur
 *   404)… »), each distinct message once. Each widget still shows its error
 *   with a « Réessayer » button whose accessible name says what it loads again
 *   (« Réessayer le chargement des projets »); a widget that fails again after
 *   its retry is announced again. Stale data (a failed refresh) is announced
 *   the same way, politely.
 *
 * A widget alone on a page (no provider) announces its own failure (its error
 * box is a `role="alert"`) and its own settled change, once.
 *
 * @slot - The widgets (and any other content) the provider links.
 *
 * @cssprop --cnr-gap - Space between the widgets placed directly in the provider (default 1.5rem): a top margin of each widget but the first child, which collapses with the margins of the page's headings and paragraphs between them and yields to the page's own margins. `0` removes it.
 */
export class CnrProvider extends CnrElement {
  static override styles = providerStyles;

  /**
   * URL of a dataset document (JSON) — an ARS's own file, read over the
   * reference territories and axes; several URLs separated by spaces gather
   * several files. Neither `src` nor `api`: the embedded reference dataset.
   */
  @property() src: string | undefined;

  /** Base URL of a server that speaks the CNR Widgets REST API. */
  @property() api: string | undefined;

  /**
   * Initial territory filter: a territory id with its kind — `region:44`,
   * `departement:57`, `commune:49007`, `tds:…`. A bare INSEE code (`57`) is
   * still read, but région and département codes overlap (`44`, `75`, `93`…):
   * write the kind.
   */
  @property() territory: string | undefined;

  /** Initial axis filter: comma-separated axis or sub-group ids (`sante-1,sante-3-former`). */
  @property() axis: string | undefined;

  /** Initial status filter: comma-separated statuses (`en-cours,realise`). */
  @property() status: string | undefined;

  /** Thématique: `sante` (default) or `education`. */
  @property() thematique: string | undefined;

  /** Initial free-text filter. */
  @property() q: string | undefined;

  /**
   * Shows, in every widget of this provider, the notice of the records of the
   * source left out or incomplete — a producer's preview. Without it visitors
   * see no such notice; the problems go to the console and the `cnr-problems` event.
   */
  @property({ type: Boolean, attribute: 'show-problems' }) showProblems = false;

  /** Keeps the filters in the page's query string (`cnr-territoire`, `cnr-axe`…), for sharing and back/forward. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  private currentFilters: ProjectFilters = filtersFromAttributes({});
  /** The linked widgets subscribe to it (`@lit/context`); a new value on every change tells them. */
  private readonly context = new ContextProvider(this, { context: providerContext, initialValue: { provider: this } });
  /** @internal The summary after a change, the failures and the stale notices of the linked widgets, each announced once. */
  readonly announcers: Required<Announcers> = {
    summary: new SummaryAnnouncer(() => this.locale),
    failures: new FailureAnnouncer('alert', () => this.locale),
    stale: new FailureAnnouncer('status', () => this.locale),
  };
  private readonly onPopState = () => {
    const fromUrl = filtersFromUrl(new URL(location.href));
    this.applyFilters(fromUrl ?? this.attributeFilters(), false);
  };

  /** The SDK client of this provider's source. */
  get client(): CnrClient {
    return clientFor({ src: this.src, api: this.api });
  }

  /** The current filter state (a copy). */
  get filters(): ProjectFilters {
    return normalizeFilters(this.currentFilters);
  }

  /**
   * Replaces the filter state and tells every linked widget. Called by widgets
   * on user action (they fire `cnr-filter-change`); pages may call it too.
   */
  setFilters(filters: ProjectFilters): void {
    this.applyFilters(filters, true);
  }

  /** The live regions, first in the shadow root (on the client, after any hydration). */
  protected override firstUpdated(): void {
    for (const announcer of Object.values(this.announcers)) announcer.region.attach(this.renderRoot);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    for (const announcer of Object.values(this.announcers)) announcer.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const filterAttributes = ['territory', 'axis', 'status', 'thematique', 'q'] as const;
    if (filterAttributes.some((name) => changed.has(name)) || !this.hasUpdated) {
      const fromUrl = this.syncUrl && !this.hasUpdated ? filtersFromUrl(new URL(location.href)) : undefined;
      this.applyFilters(fromUrl ?? this.attributeFilters(), false);
    }
    if (changed.has('syncUrl') && this.hasUpdated) {
      window.removeEventListener('popstate', this.onPopState);
      if (this.syncUrl) window.addEventListener('popstate', this.onPopState);
    }
    if ((changed.has('src') || changed.has('api') || changed.has('showProblems')) && this.hasUpdated) this.notify();
  }

  private attributeFilters(): ProjectFilters {
    return filtersFromAttributes(this);
  }

  private applyFilters(filters: ProjectFilters, byUser: boolean): void {
    const next = normalizeFilters({ thematique: 'sante', ...filters });
    if (sameFilters(next, this.currentFilters)) return;
    this.currentFilters = next;
    if (byUser && this.syncUrl) {
      const url = filtersToUrl(next, new URL(location.href));
      if (url.href !== location.href) history.pushState(history.state, '', url);
    }
    // The filters the attributes (or the URL) give at the start are no change to announce.
    if (this.hasUpdated) this.announcers.summary.filtersChanged();
    this.notify();
  }

  private notify(): void {
    this.context.setValue({ provider: this });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
