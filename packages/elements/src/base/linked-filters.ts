import type { CnrClient, ProjectFilters } from '@cnr-widgets/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CnrProvider } from '../provider/provider.component.js';
import { clientFor } from './clients.js';
import { filtersKey, normalizeFilters } from './filters.js';

/** What a widget offers the controller: where its data comes from and its own filter attributes. */
export interface LinkedHost extends ReactiveControllerHost, HTMLElement {
  /** Id of a `<cnr-provider>` elsewhere on the page. */
  provider?: string | undefined;
  src?: string | undefined;
  api?: string | undefined;
  /** The filters the element's own attributes set; they take precedence over the provider's. */
  ownFilters(): ProjectFilters;
}

function isProvider(element: Element | null): element is CnrProvider {
  return element !== null && element.localName === 'cnr-provider' && typeof (element as CnrProvider).subscribe === 'function';
}

/** The nearest `<cnr-provider>` around `element`, crossing shadow roots. */
function closestProviderElement(element: Element): Element | null {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'cnr-provider') return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}

/**
 * Links a widget to its provider — the enclosing `<cnr-provider>`, or the one
 * its `provider` attribute names — or, when there is none, gives it its own
 * client and filter state from its attributes. The host re-renders whenever
 * the shared filters change.
 */
export class LinkedFilters implements ReactiveController {
  private linkedProvider: CnrProvider | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Filters the user chose in a standalone widget: the whole state, until the element's attributes change. */
  private localFilters: { filters: ProjectFilters; attributesKey: string } | undefined;
  private connected = false;
  /** The `provider` id the last link looked for: when the host's differs, the link is redone. */
  private linkedFor: string | undefined;

  constructor(private readonly host: LinkedHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.link();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unlink();
  }

  hostUpdate(): void {
    this.follow();
  }

  /** Links again when the host's `provider` attribute changed since the last link (read before any use). */
  private follow(): void {
    if (this.connected && (this.host.provider || undefined) !== this.linkedFor) this.relink();
  }

  /** Looks for the provider again. */
  private relink(): void {
    this.unlink();
    if (this.connected) this.link();
    this.host.requestUpdate();
  }

  /** The provider the widget is linked to, if any. */
  get provider(): CnrProvider | undefined {
    this.follow();
    return this.linkedProvider;
  }

  get client(): CnrClient {
    this.follow();
    if (this.host.src || this.host.api) return clientFor(this.host);
    return this.linkedProvider?.client ?? clientFor({});
  }

  /** The filters the widget shows: the provider's (or its own state), with its own attributes on top. */
  get filters(): ProjectFilters {
    this.follow();
    const own = this.host.ownFilters();
    if (this.linkedProvider) return normalizeFilters({ ...this.linkedProvider.filters, ...definedOnly(own) });
    if (this.localFilters && this.localFilters.attributesKey === filtersKey(own)) return this.localFilters.filters;
    return normalizeFilters(own);
  }

  /** Sets the shared filters (user action); the caller fires `cnr-filter-change`. */
  setFilters(filters: ProjectFilters): void {
    this.follow();
    if (this.linkedProvider) {
      this.linkedProvider.setFilters(filters);
    } else {
      this.localFilters = { filters: normalizeFilters(filters), attributesKey: filtersKey(this.host.ownFilters()) };
      this.host.requestUpdate();
    }
  }

  private link(): void {
    const id = this.host.provider || undefined;
    this.linkedFor = id;
    const candidate = id ? document.getElementById(id) : closestProviderElement(this.host);
    if (isProvider(candidate)) {
      this.linkedProvider = candidate;
      this.unsubscribe = candidate.subscribe(() => this.host.requestUpdate());
      this.host.requestUpdate();
    } else if (candidate?.localName === 'cnr-provider' || (id && candidate === null)) {
      // The provider is not upgraded yet (script order), or not in the page yet: try again when it is.
      void customElements.whenDefined('cnr-provider').then(() =>
        requestAnimationFrame(() => {
          if (this.connected && this.linkedProvider === undefined) this.link();
        }),
      );
    }
  }

  private unlink(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.linkedProvider = undefined;
  }
}

function definedOnly(filters: ProjectFilters): ProjectFilters {
  const out = normalizeFilters(filters);
  // `thematique` always has a default on the widget; only the provider's counts when linked.
  delete out.thematique;
  return out;
}
