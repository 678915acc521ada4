import type { CnrClient, ProjectFilters } from '@cnr-widgets/sdk';
import { ContextEvent as ContextRequestEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CnrProvider } from '../provider/provider.component.js';
import { clientFor } from './clients.js';
import { filtersKey, normalizeFilters } from './filters.js';
import { providerContext, type ProviderLink } from './link-context.js';

/** What a widget offers the controller: where its data comes from. */
export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  /** Id of a `<cnr-provider>` elsewhere on the page. */
  provider?: string | undefined;
  src?: string | undefined;
  api?: string | undefined;
  /** An SDK client that overrides every other source. */
  client?: CnrClient | undefined;
}

/**
 * The widgets whose request no provider has answered yet: each asks again when
 * a provider of our context connects anywhere on the page (its
 * `context-provider` event), so that a widget upgraded before its
 * `<cnr-provider>` (script order, or the autoloader's chunks arriving in any
 * order) gets linked when the provider is defined — what `@lit/context`'s
 * `ContextRoot` does, in a few lines instead of a module every page would
 * load (issue 14, sizes). The document listener is there only while a widget waits.
 */
const waiting = new Set<() => void>();

function onProvider(event: Event): void {
  if ((event as Event & { context?: unknown }).context !== providerContext) return;
  for (const retry of [...waiting]) retry();
}

function wait(retry: () => void, on: boolean): void {
  const before = waiting.size;
  if (on) waiting.add(retry);
  else waiting.delete(retry);
  if (before === 0 && waiting.size > 0) document.addEventListener('context-provider', onProvider);
  else if (before > 0 && waiting.size === 0) document.removeEventListener('context-provider', onProvider);
}

function isProvider(element: Element | null): element is CnrProvider {
  const defined = customElements.get('cnr-provider');
  return element !== null && defined !== undefined && element instanceof defined;
}

/**
 * A widget's source: the enclosing `<cnr-provider>` (through `@lit/context`),
 * or the one its `provider` attribute names (the same request, sent to that
 * element), or — when there is none — its own client and filter state from
 * its attributes. The host re-renders whenever the shared state changes.
 */
export class SourceController implements ReactiveController {
  private link: ProviderLink | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Filters the user chose in a standalone widget: the whole state, until the element's attributes change. */
  private localFilters: { filters: ProjectFilters; attributesKey: string } | undefined;
  private connected = false;
  /** The `provider` id the last link looked for: when the host's differs, the link is redone. */
  private linkedFor: string | undefined;

  constructor(
    private readonly host: SourceHost,
    /** The filters the element's own attributes set; they take precedence over the provider's. */
    private readonly ownFilters: () => ProjectFilters,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.request();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unlink();
  }

  hostUpdate(): void {
    this.follow();
  }

  /** The provider the widget is linked to, if any. */
  get provider(): CnrProvider | undefined {
    this.follow();
    return this.link?.provider;
  }

  /** The client to read: the `client` property, else the element's own `src`/`api`, else the provider's, else the embedded dataset. */
  get client(): CnrClient {
    this.follow();
    const host = this.host;
    if (host.client) return host.client;
    if (host.src || host.api) return clientFor(host);
    return this.link?.provider.client ?? clientFor({});
  }

  /** The filters the widget shows: the provider's (or its own state), with its own attributes on top. */
  get filters(): ProjectFilters {
    this.follow();
    const own = this.ownFilters();
    const provider = this.link?.provider;
    if (provider) return normalizeFilters({ ...provider.filters, ...definedOnly(own) });
    if (this.localFilters && this.localFilters.attributesKey === filtersKey(own)) return this.localFilters.filters;
    return normalizeFilters(own);
  }

  /** Sets the shared filters (user action); the caller fires `cnr-filter-change`. */
  setFilters(filters: ProjectFilters): void {
    const provider = this.provider;
    if (provider) {
      provider.setFilters(filters);
    } else {
      this.localFilters = { filters: normalizeFilters(filters), attributesKey: filtersKey(this.ownFilters()) };
      this.host.requestUpdate();
    }
  }

  /** The answer of a provider, now and on every change. */
  private readonly onLink = (link: ProviderLink, unsubscribe?: () => void): void => {
    // Linked by id: only that provider's answer counts (not a nearer one's, replayed by the context root).
    if (!this.connected || (this.linkedFor !== undefined && link.provider.id !== this.linkedFor)) {
      unsubscribe?.();
      return;
    }
    if (unsubscribe !== this.unsubscribe) {
      this.unsubscribe?.();
      this.unsubscribe = unsubscribe;
    }
    this.link = link;
    this.host.requestUpdate();
  };

  /** Links again when the host's `provider` attribute changed since the last link. */
  private follow(): void {
    if (this.connected && (this.host.provider || undefined) !== this.linkedFor) {
      this.unlink();
      this.request();
      this.host.requestUpdate();
    }
  }

  private request(): void {
    const id = this.host.provider || undefined;
    this.linkedFor = id;
    if (id === undefined) {
      // The nearest provider around the element answers; if none is defined yet, the request is sent again when one connects.
      this.host.dispatchEvent(new ContextRequestEvent(providerContext, this.host, this.onLink, true));
      wait(this.retry, this.link === undefined);
      return;
    }
    // `provider="<id>"`: the same request, sent to the element that bears the id.
    const target = document.getElementById(id);
    if (isProvider(target)) {
      target.dispatchEvent(new ContextRequestEvent(providerContext, this.host, this.onLink, true));
    } else if (target === null || target.localName === 'cnr-provider') {
      // Not upgraded yet (script order), or not in the page yet: try again when it is.
      void customElements.whenDefined('cnr-provider').then(() =>
        requestAnimationFrame(() => {
          if (this.connected && this.link === undefined && this.linkedFor === id) this.request();
        }),
      );
    }
  }

  /** A provider connected somewhere: asks again if still unlinked (and not linked by id). */
  private readonly retry = (): void => {
    if (this.connected && this.link === undefined && this.linkedFor === undefined) this.request();
    else wait(this.retry, false);
  };

  private unlink(): void {
    wait(this.retry, false);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.link = undefined;
  }
}

function definedOnly(filters: ProjectFilters): ProjectFilters {
  const out = normalizeFilters(filters);
  // `thematique` always has a default on the widget; only the provider's counts when linked.
  delete out.thematique;
  return out;
}
