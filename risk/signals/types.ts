import type { BlocklistHit } from '../blocklist';
import type { EventFacts } from '../events';
import type { AccountProfile, IdentifierKind } from '../identity-graph';
import type { OrderRecord } from '../order-history';
import type { AmountSummary } from './amount-stats';

/** Every feature a signal can produce. Rules and the learned model both read these by name. */
export const FEATURE_NAMES = [
  'blocklist_hits',
  'device_accounts_1h',
  'device_accounts_24h',
  'device_accounts_7d',
  'ip_accounts_1h',
  'ip_accounts_24h',
  'ip_prefix_accounts_24h',
  'address_accounts_7d',
  'email_accounts_30d',
  'email_variant',
  'phone_accounts_30d',
  'payment_accounts_30d',
  'account_orders_1h',
  'account_orders_24h',
  'discount_linked_reuse',
  'discount_source_reuse',
  'discount_new_account',
  'disposable_email',
  'country_mismatch',
  'signup_to_order_minutes',
  'account_age_days',
  'amount_z',
  'source_orders_1h',
  'source_small_orders_1h',
  'failed_payments_1h',
  'failed_lookups_1h',
  'failed_lookups_24h',
] as const;

/** The name of one feature. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** One value per feature; NaN means "does not apply to this event" (e.g. no amount, no discount code). */
export type Features = Record<FeatureName, number>;

/** Distinct *other* accounts seen with one identifier, per window ending at the event. */
export interface LinkCounts {
  readonly hour: number;
  readonly day: number;
  readonly week: number;
  readonly month: number;
}

/** Everything the signals may read: the event plus what the stores knew strictly before it. */
export interface SignalContext {
  readonly kind: 'account' | 'order';
  readonly at: number;
  readonly amount?: number;
  readonly discountCode?: string;
  readonly facts: EventFacts;
  readonly emailDomain?: string;
  readonly emailIsVariant: boolean;
  /** The account as known before this event; undefined for a first sighting. */
  readonly profile?: AccountProfile;
  readonly priorOrders: number;
  readonly links: Partial<Record<IdentifierKind, LinkCounts>>;
  /** Other accounts sharing a device, email, phone, address or payment method (IP alone is too weak). */
  readonly linkedAccounts: readonly string[];
  /** Linked accounts that used this discount code before. */
  readonly linkedCodeUsers: number;
  /** Other accounts that used this discount code from the same device or IP in the last 7 days. */
  readonly sourceCodeUsers: number;
  /** The account's orders in the last 24 hours. */
  readonly accountOrders: readonly OrderRecord[];
  /** Orders from the same device or IP in the last hour (any account). */
  readonly sourceOrders: readonly OrderRecord[];
  readonly amountSummary?: AmountSummary;
  /** Failed order-status look-ups in chat from the same device or IP (the busier of the two). */
  readonly sourceFailedLookups: { readonly hour: number; readonly day: number };
  readonly blocklistHits: readonly BlocklistHit[];
}

/** A signal: a small pure function from the context to some of the features. */
export type Signal = (context: SignalContext) => Partial<Features>;
