import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { shopIdColumn, timestampTz } from './columns';
import { shops } from './shops';

const shopId = shopIdColumn;
const at = timestampTz;
/** Risk-engine times are epoch milliseconds, as the engine computes windows in numbers. */
const epochMs = (name: string) => bigint(name, { mode: 'number' });

/**
 * The identity graph: one row per sighting of an account with a hashed identifier (`kind:hex`).
 * "Accounts on this device in 2 days" is one range scan on the first index.
 */
export const riskIdentityLinks = pgTable(
  'risk_identity_links',
  {
    shopId: shopId(),
    identifierKey: text('identifier_key').notNull(),
    accountId: text('account_id').notNull(),
    seenAt: epochMs('seen_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.identifierKey, t.seenAt, t.accountId] }),
    index('risk_identity_links_account_idx').on(t.shopId, t.accountId, t.seenAt),
  ],
);

/** Non-identifying facts kept per account beside the graph (email domains are not personal data). */
export const riskAccounts = pgTable(
  'risk_accounts',
  {
    shopId: shopId(),
    accountId: text('account_id').notNull(),
    firstSeen: epochMs('first_seen').notNull(),
    signedUpAt: epochMs('signed_up_at'),
    emailAt: epochMs('email_at'),
    emailDomain: text('email_domain'),
    emailIsVariant: boolean('email_is_variant'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.accountId] })],
);

/** Orders as the risk engine remembers them: hashes and numbers, no personal data. */
export const riskOrders = pgTable(
  'risk_orders',
  {
    shopId: shopId(),
    orderId: text('order_id').notNull(),
    accountId: text('account_id').notNull(),
    at: epochMs('at').notNull(),
    amount: doublePrecision('amount'),
    discountCode: text('discount_code'),
    firstOrder: boolean('first_order').notNull(),
    paymentFailed: boolean('payment_failed').notNull(),
    sources: text('sources').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.orderId] }),
    index('risk_orders_account_idx').on(t.shopId, t.accountId, t.at),
    // The shop's latest amounts (the order-value statistics) without reading every order.
    index('risk_orders_recent_idx').on(t.shopId, t.at),
    index('risk_orders_code_idx').on(t.shopId, t.discountCode, t.at).where(sql`${t.discountCode} IS NOT NULL`),
  ],
);

/** Orders by the device or IP they came from (card testing, codes used from one device). */
export const riskOrderSources = pgTable(
  'risk_order_sources',
  {
    shopId: shopId(),
    sourceKey: text('source_key').notNull(),
    at: epochMs('at').notNull(),
    orderId: text('order_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.sourceKey, t.at, t.orderId] })],
);

/**
 * Failed order-status look-ups in chat, one row per hashed device or IP key of each failure: a burst of
 * guesses from one source is a velocity signal (`failed_lookups_1h`, `failed_lookups_24h`).
 */
export const riskFailedLookups = pgTable(
  'risk_failed_lookups',
  {
    shopId: shopId(),
    sourceKey: text('source_key').notNull(),
    at: epochMs('at').notNull(),
  },
  (t) => [index('risk_failed_lookups_source_idx').on(t.shopId, t.sourceKey, t.at)],
);

/**
 * Devices a storefront reported at sign-up, keyed by the hashed sign-up email (never the email): when the
 * customer's `customers/create` is scored, its device comes from here. The device id is the same random
 * first-party id orders carry in `orders.device_id`; it is reported by the browser, so a signal, not proof.
 */
export const riskSignupDevices = pgTable(
  'risk_signup_devices',
  {
    shopId: shopId(),
    emailKey: text('email_key').notNull(),
    deviceId: text('device_id').notNull(),
    seenAt: epochMs('seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.emailKey, t.deviceId] })],
);

/** One verdict per scored order or account, with its reasons, features and the review that followed. */
export const riskVerdicts = pgTable(
  'risk_verdicts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    /** `order` or `account`. */
    subjectType: text('subject_type').notNull(),
    /** The Shopify order or customer id. */
    subjectId: text('subject_id').notNull(),
    customerId: epochMs('customer_id'),
    score: real('score').notNull(),
    ruleScore: real('rule_score').notNull(),
    modelScore: real('model_score'),
    decision: text('decision').notNull(),
    reasons: jsonb('reasons').$type<Array<{ code: string; description: string; contribution: number }>>().notNull(),
    features: jsonb('features').$type<Record<string, number>>().notNull(),
    /** Hashed identifiers of the subject by kind, so a reviewer can block them without seeing raw data. */
    identifiers: jsonb('identifiers').$type<Record<string, string>>().notNull(),
    /** `open` while a person should look at it, `decided` after, `none` when allowed outright. */
    reviewStatus: text('review_status').notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    /** The learned model's label (an `Outcome`), once known. */
    outcome: text('outcome'),
    outcomeAt: at('outcome_at'),
    writtenBackAt: at('written_back_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('risk_verdicts_subject_idx').on(t.shopId, t.subjectType, t.subjectId),
    index('risk_verdicts_queue_idx').on(t.shopId, t.reviewStatus, t.createdAt),
  ],
);

/** A shop's blocklist. `effect = allow` exempts the shop from a matching installation-wide entry. */
export const riskBlocklist = pgTable(
  'risk_blocklist',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    identifierKey: text('identifier_key').notNull(),
    kind: text('kind').notNull(),
    effect: text('effect').notNull().default('block'),
    reason: text('reason').notNull(),
    /** `rule:<id>` or `reviewer:<actor>`. */
    addedBy: text('added_by').notNull(),
    /** A masked hint for staff (e.g. `j•••@gmail.com`); never the identifier itself. */
    hint: text('hint'),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at'),
    removedAt: at('removed_at'),
    removedBy: text('removed_by'),
  },
  (t) => [index('risk_blocklist_key_idx').on(t.shopId, t.identifierKey)],
);

/**
 * The installation-wide blocklist: keyed hashes only, never a shop's customer data. The adding shop
 * is kept so that only it can remove the entry; other shops never see who added it.
 */
export const globalBlocklist = pgTable(
  'global_blocklist',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    identifierKey: text('identifier_key').notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    addedBy: text('added_by').notNull(),
    originShopId: uuid('origin_shop_id').references(() => shops.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at'),
    removedAt: at('removed_at'),
  },
  (t) => [index('global_blocklist_key_idx').on(t.identifierKey)],
);

/** The audit trail of blocklist entries, per acting shop. */
export const riskBlocklistEvents = pgTable(
  'risk_blocklist_events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    entryId: uuid('entry_id').notNull(),
    scope: text('scope').notNull(),
    action: text('action').notNull(),
    actor: text('actor').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('risk_blocklist_events_entry_idx').on(t.shopId, t.entryId, t.at)],
);

/** Counter-statements from blocked or denied buyers; never rejected without a person deciding. */
export const riskAppeals = pgTable(
  'risk_appeals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    reference: text('reference').notNull(),
    channel: text('channel').notNull(),
    statement: text('statement').notNull(),
    contact: text('contact'),
    subjectKeys: text('subject_keys').array().notNull().default(sql`'{}'::text[]`),
    verdictId: uuid('verdict_id'),
    /** Opaque address the chat channel needs to tell the buyer the outcome. */
    notifyAddress: jsonb('notify_address').$type<Record<string, unknown>>(),
    status: text('status').notNull().default('open'),
    outcome: text('outcome'),
    message: text('message'),
    liftedEntries: text('lifted_entries').array(),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    notifiedAt: at('notified_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('risk_appeals_reference_idx').on(t.shopId, t.reference),
    index('risk_appeals_queue_idx').on(t.shopId, t.status, t.createdAt),
  ],
);

/** Per-shop risk settings: the rules document (with thresholds) and the learned model. */
export const riskShopState = pgTable('risk_shop_state', {
  shopId: shopId().primaryKey(),
  rules: jsonb('rules').$type<Record<string, unknown>>(),
  rulesUpdatedBy: text('rules_updated_by'),
  model: jsonb('model').$type<Record<string, unknown>>(),
  modelLabelCount: bigint('model_label_count', { mode: 'number' }),
  modelTrainedAt: at('model_trained_at'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
