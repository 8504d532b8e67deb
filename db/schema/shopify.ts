import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { shopIdColumn, timestampTz } from './columns';

const shopId = shopIdColumn;
const at = timestampTz;
/** Shopify's numeric ids fit in a bigint; the GID is derived when talking to the Admin API. */
const shopifyId = (name: string) => bigint(name, { mode: 'number' });

/** Shopify OAuth sessions (offline and online); the token is encrypted at rest. */
export const shopifySessions = pgTable('shopify_sessions', {
  id: text('id').primaryKey(),
  shopId: shopId(),
  state: text('state').notNull().default(''),
  isOnline: boolean('is_online').notNull().default(false),
  scope: text('scope'),
  expiresAt: at('expires_at'),
  accessTokenEncrypted: text('access_token_encrypted'),
  onlineAccessInfo: jsonb('online_access_info'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** Every webhook Shopify delivered, stored before we answer 200; a job processes each once. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    webhookId: text('webhook_id').notNull(),
    topic: text('topic').notNull(),
    apiVersion: text('api_version'),
    payload: jsonb('payload').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
    processedAt: at('processed_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_shop_webhook_idx').on(t.shopId, t.webhookId),
    index('webhook_deliveries_pending_idx').on(t.receivedAt).where(sql`${t.processedAt} IS NULL`),
  ],
);

export const customers = pgTable(
  'customers',
  {
    shopId: shopId(),
    id: shopifyId('id').notNull(),
    email: text('email'),
    phone: text('phone'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    state: text('state'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    acceptsMarketing: boolean('accepts_marketing').notNull().default(false),
    amountSpent: numeric('amount_spent', { precision: 14, scale: 2 }),
    ordersCount: integer('orders_count').notNull().default(0),
    birthday: date('birthday'),
    defaultAddress: jsonb('default_address').$type<MailingAddress | null>(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    /** Set when a customers/redact request erased this customer's personal fields. */
    redactedAt: at('redacted_at'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('customers_updated_idx').on(t.shopId, t.updatedAt)],
);

export const products = pgTable(
  'products',
  {
    shopId: shopId(),
    id: shopifyId('id').notNull(),
    title: text('title').notNull(),
    productType: text('product_type'),
    vendor: text('vendor'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: text('status'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

export const orders = pgTable(
  'orders',
  {
    shopId: shopId(),
    id: shopifyId('id').notNull(),
    /** The buyer-facing name, e.g. "#1042". */
    name: text('name').notNull(),
    orderNumber: integer('order_number'),
    customerId: shopifyId('customer_id'),
    email: text('email'),
    phone: text('phone'),
    financialStatus: text('financial_status'),
    fulfillmentStatus: text('fulfillment_status'),
    currency: text('currency').notNull(),
    totalPrice: numeric('total_price', { precision: 14, scale: 2 }).notNull(),
    subtotalPrice: numeric('subtotal_price', { precision: 14, scale: 2 }),
    totalDiscounts: numeric('total_discounts', { precision: 14, scale: 2 }),
    discountCodes: text('discount_codes').array().notNull().default(sql`'{}'::text[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The buyer's IP as Shopify saw it at checkout; kept for risk control. */
    clientIp: text('client_ip'),
    /** The storefront device id our script set, from the order's note attributes. */
    deviceId: text('device_id'),
    shippingAddress: jsonb('shipping_address').$type<MailingAddress | null>(),
    billingAddress: jsonb('billing_address').$type<MailingAddress | null>(),
    fulfillments: jsonb('fulfillments').$type<Fulfillment[]>().notNull().default([]),
    sourceName: text('source_name'),
    cancelledAt: at('cancelled_at'),
    cancelReason: text('cancel_reason'),
    processedAt: at('processed_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('orders_shop_name_idx').on(t.shopId, t.name),
    // The bot's order-status lookup finds an order by its number or its name.
    index('orders_shop_number_idx').on(t.shopId, t.orderNumber),
    index('orders_customer_idx').on(t.shopId, t.customerId),
    index('orders_updated_idx').on(t.shopId, t.updatedAt),
  ],
);

export const orderLineItems = pgTable(
  'order_line_items',
  {
    shopId: shopId(),
    id: shopifyId('id').notNull(),
    orderId: shopifyId('order_id').notNull(),
    productId: shopifyId('product_id'),
    variantId: shopifyId('variant_id'),
    title: text('title').notNull(),
    sku: text('sku'),
    quantity: integer('quantity').notNull(),
    price: numeric('price', { precision: 14, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('order_line_items_order_idx').on(t.shopId, t.orderId)],
);

/** Sync progress per shop and resource, for the progress bar and the store overview. */
export const syncRuns = pgTable('sync_runs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  shopId: shopId(),
  kind: text('kind').notNull(),
  status: text('status').notNull(),
  bulkOperationId: text('bulk_operation_id'),
  /** The newest `updated_at` seen, where incremental sync resumes. */
  cursorUpdatedAt: at('cursor_updated_at'),
  objectsDone: integer('objects_done').notNull().default(0),
  objectsTotal: integer('objects_total'),
  error: text('error'),
  startedAt: at('started_at').notNull().defaultNow(),
  finishedAt: at('finished_at'),
});

/** Idempotency records for writes to Shopify (tags, risk assessments, segments). */
export const shopifyWrites = pgTable(
  'shopify_writes',
  {
    shopId: shopId(),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind').notNull(),
    request: jsonb('request').notNull(),
    response: jsonb('response'),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
    completedAt: at('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.idempotencyKey] })],
);

/** A postal address as Shopify sends it (snake_case REST or camelCase GraphQL, normalised to this). */
export interface MailingAddress {
  name?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  zip?: string | null;
  countryCode?: string | null;
  phone?: string | null;
}

/** A fulfillment with what a buyer needs to track it. */
export interface Fulfillment {
  status?: string | null;
  trackingCompany?: string | null;
  trackingNumbers: string[];
  trackingUrls: string[];
  createdAt?: string | null;
}
