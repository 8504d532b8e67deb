import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestampTz } from './columns';

/**
 * Fixed-window attempt counters shared by every web process (`db/rate-limits`). Installation-wide: a
 * budget may belong to no shop (staff sign-in, a buyer's address across shops); shop-scoped budgets fold
 * the shop into the subject. `subject` is a keyed hash, never an address, email or token. A window ends
 * at `expires_at`; the next attempt after it starts a new one, and expired rows are swept in batches.
 * The table is UNLOGGED (migration 0013; drizzle has no word for it): a count waits for no WAL flush, and
 * a crash or failover only forgives the windows in progress.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    scope: text('scope').notNull(),
    subject: text('subject').notNull(),
    count: integer('count').notNull(),
    expiresAt: timestampTz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.subject] }), index('rate_limits_expiry_idx').on(t.expiresAt)],
);
