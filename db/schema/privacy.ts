import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { shopIdColumn, timestampTz } from './columns';

const shopId = shopIdColumn;
const at = timestampTz;

/**
 * Per-shop pseudonymisation keys, sealed with the installation's encryption key. The highest version
 * not retired is current; older versions live on only until their pseudonyms have been recomputed.
 */
export const shopSecrets = pgTable(
  'shop_secrets',
  {
    shopId: shopId(),
    version: integer('version').notNull(),
    sealedKey: text('sealed_key').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.version] })],
);

/**
 * Who (staff, trainer, system, buyer) saw or changed what. Append-only: a trigger refuses UPDATE, and
 * DELETE except while a whole shop is being erased (Shopify's shop/redact). Never holds personal data.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    shopId: shopId(),
    /** `staff`, `trainer`, `system` or `buyer`. */
    actorKind: text('actor_kind').notNull(),
    /** A staff id such as `shopify-user:42`, `admin`, `system`, or a buyer's pseudonym. */
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    /** A pseudonymous id or an internal id; never an email, phone or name. */
    subject: text('subject'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('audit_log_shop_idx').on(t.shopId, t.id), index('audit_log_action_idx').on(t.shopId, t.action, t.id)],
);

/**
 * Buyers' data requests and erasures (PDPA access and correction log, Shopify compliance webhooks).
 * A data request's export is sealed at rest and dropped when `export_expires_at` passes.
 */
export const subjectRequests = pgTable(
  'subject_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    /** `data_request`, `customer_redact` or `shop_redact`. */
    kind: text('kind').notNull(),
    /** The buyer's pseudonym (customer id under the shop key), when the request named a customer. */
    subjectRef: text('subject_ref'),
    shopifyRequestId: bigint('shopify_request_id', { mode: 'number' }),
    /** Rows found or changed per data holder; counts only. */
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    exportSealed: text('export_sealed'),
    exportExpiresAt: at('export_expires_at'),
    receivedAt: at('received_at').notNull().defaultNow(),
    completedAt: at('completed_at'),
  },
  (t) => [index('subject_requests_shop_idx').on(t.shopId, t.receivedAt)],
);
