import type { ShopState } from './shop-state';

/** What resolvers see for one request. */
export interface ExecContext {
  state: ShopState;
  apiKey: string;
  /** Base URL of the fake, for bulk result links. */
  baseUrl: string;
  now: () => number;
  /** True while projecting a bulk operation: connections have no page size. */
  bulk?: boolean;
  /** Search fields the query named that the fake ignores (reported in extensions.search). */
  searchWarnings: string[];
  startBulk: (query: string) => Promise<unknown> | unknown;
  /** Fires the webhook that Shopify would send for a change made through the API. */
  emit: (topic: string, record: unknown) => void;
}
