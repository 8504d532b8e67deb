import type { Identifier, TimeWindow } from '../identity-graph';

/** What the risk engine remembers of one past order: hashes and numbers, no personal data. */
export interface OrderRecord {
  readonly order: string;
  readonly account: string;
  readonly at: number;
  readonly amount?: number;
  /** Upper-cased discount code, if any. */
  readonly discountCode?: string;
  /** Whether this was the account's first order. */
  readonly firstOrder: boolean;
  readonly paymentFailed: boolean;
  /** The device and IP identifiers the order came from. */
  readonly sources: readonly Identifier[];
}

/** One failed order-status look-up in chat, by the hashed device and IP it came from. */
export interface FailedLookupRecord {
  readonly at: number;
  readonly sources: readonly Identifier[];
}

/**
 * Past orders (and failed order look-ups from the same sources), queried by window so that a verdict uses only what was known at the time.
 * Implementations: {@link InMemoryOrderHistoryStore}; a Postgres one is to come.
 */
export interface OrderHistoryStore {
  record(order: OrderRecord): Promise<void>;
  /** Orders of one account within the window, oldest first. */
  ordersOfAccount(accountId: string, window: TimeWindow): Promise<OrderRecord[]>;
  /** Orders placed from a device or IP identifier within the window, oldest first, at most `limit` (latest kept). */
  ordersFrom(source: Identifier, window: TimeWindow, limit?: number): Promise<OrderRecord[]>;
  /** Distinct accounts that used the discount code within the window. */
  accountsUsingCode(code: string, window: TimeWindow, limit?: number): Promise<string[]>;
  /** How many orders the account placed before `until`. */
  orderCount(accountId: string, until: number): Promise<number>;
  recordFailedLookup(lookup: FailedLookupRecord): Promise<void>;
  /** Failed look-ups from a device or IP identifier within the window. */
  failedLookupsFrom(source: Identifier, window: TimeWindow): Promise<number>;
}
