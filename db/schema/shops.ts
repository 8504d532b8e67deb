import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per installed store. Every other table's `shop_id` points here. */
export const shops = pgTable('shops', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  domain: text('domain').notNull().unique(),
  name: text('name').notNull().default(''),
  timezone: text('timezone').notNull().default('Asia/Singapore'),
  currency: text('currency').notNull().default('SGD'),
  /** Merchant settings (business hours, retention, k-floor, thresholds); validated by the capability that reads them. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }),
});
