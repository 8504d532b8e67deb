import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { shops } from './shops';

/** The tenant column every table carries, removed with its shop. */
export const shopIdColumn = () =>
  uuid('shop_id')
    .notNull()
    .references(() => shops.id, { onDelete: 'cascade' });

/** A timestamp with time zone. */
export const timestampTz = (name: string) => timestamp(name, { withTimezone: true });
