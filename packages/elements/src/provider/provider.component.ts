import type { CnrClient, ProjectFilters } from '@cnr-widgets/sdk';
import { ContextProvider } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
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
 * @slot - The widgets (and any other content) the provider links.
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

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
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
    this.notify();
  }

  private notify(): void {
    this.context.setValue({ provider: this });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
