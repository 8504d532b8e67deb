/** Free-form extra fields on an event; see `readOrderFacts` for the names that are understood. */
export type EventAttrs = Readonly<Record<string, unknown>>;

/** A sign-up (Shopify `customers/create`), with `at` as epoch milliseconds. */
export interface AccountEvent {
  readonly type: 'account';
  readonly at: number;
  readonly account: string;
  readonly device?: string;
  readonly ip?: string;
  readonly email?: string;
  readonly attrs?: EventAttrs;
}

/** An order (Shopify `orders/create`), with `at` as epoch milliseconds. A missing account means guest checkout. */
export interface OrderEvent {
  readonly type: 'order';
  readonly at: number;
  readonly order: string;
  readonly account?: string;
  readonly amount?: number;
  readonly device?: string;
  readonly ip?: string;
  readonly email?: string;
  readonly discountCode?: string;
  readonly attrs?: EventAttrs;
}

/** Any event the risk engine replays or scores. */
export type RiskEvent = AccountEvent | OrderEvent;

/** A failed order-status look-up in chat (nothing scored; later events from its device or IP see it). */
export interface FailedLookupEvent {
  readonly type: 'lookup_failed';
  readonly at: number;
  readonly device?: string;
  readonly ip?: string;
}

/** What a backtest replays: scored events and failed look-ups. */
export type ReplayEvent = RiskEvent | FailedLookupEvent;

/** The raw, un-normalised facts an event carries, gathered from its fields and its attrs. */
export interface EventFacts {
  readonly email?: string;
  readonly phone?: string;
  readonly shippingAddress?: string;
  readonly billingAddress?: string;
  readonly paymentFingerprint?: string;
  readonly ipCountry?: string;
  readonly billingCountry?: string;
  readonly shippingCountry?: string;
  /** True when the payment attempt failed or was declined. */
  readonly paymentFailed: boolean;
  /** `first-order` or `single-use` when the shop marked the code so; otherwise undefined. */
  readonly discountKind?: 'first-order' | 'single-use' | 'public';
}
