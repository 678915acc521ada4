/**
 * Starts loading the embedded dataset (the SDK's embedded source, its query
 * engine and `@cnr-widgets/data`) without waiting for an element to ask. The
 * SDK validates and indexes the embedded dataset once and shares it with every
 * client: the widgets' own clients then find it loaded or loading.
 */
import { createClient } from '@cnr-widgets/sdk';

export function preloadEmbeddedData(): void {
  // The result is not needed: an error surfaces again in the widget that asks.
  createClient()
    .axes()
    .catch(() => undefined);
}
