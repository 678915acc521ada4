import { createContext } from '@lit/context';
import type { CnrProvider } from '../provider/provider.component.js';

/**
 * What a `<cnr-provider>` gives the widgets it links, through `@lit/context`:
 * a new object on every change of its source or filters, so that subscribed
 * widgets update.
 */
export interface ProviderLink {
  readonly provider: CnrProvider;
}

/** The context of the linked state (one key per page, even with two copies of the library). */
export const providerContext = createContext<ProviderLink>(Symbol.for('cnr-widgets.provider'));
