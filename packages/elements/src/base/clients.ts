import { createClient, type CnrClient } from '@cnr-widgets/sdk';

/**
 * One SDK client per data source and page, so that widgets reading the same
 * source share one download, one validation and one index.
 */
const clients = new Map<string, CnrClient>();

export interface SourceAttributes {
  /** URL of a dataset document. */
  src?: string | undefined;
  /** Base URL of the REST API. */
  api?: string | undefined;
}

export function clientFor({ src, api }: SourceAttributes): CnrClient {
  const key = api ? `api:${api}` : src ? `src:${src}` : 'embedded';
  let client = clients.get(key);
  if (client === undefined) {
    client = api ? createClient({ api }) : src ? createClient({ src }) : createClient();
    clients.set(key, client);
  }
  return client;
}
