import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import type { Db, schema as Schema } from '../../db';
import { schema } from '../../db';
import type { OrderDetails } from './parse-order-details';

/** An order row of the shop's synced orders. */
export type OrderRow = typeof Schema.orders.$inferSelect;

const digest = (value: string) => createHash('sha256').update(value).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
const phoneTail = (digits: string) => digits.replace(/\D/g, '').slice(-8);
// Compared against when the order doesn't exist, so a miss costs what a mismatch costs.
const DECOY: Pick<OrderRow, 'email' | 'phone'> = { email: 'nobody@invalid.example', phone: '00000000' };

/**
 * Finds the order by number and checks the email or phone on it. The same query and the same comparisons
 * run whether or not the order exists, and both outcomes are `undefined`, so existence never leaks.
 */
export async function matchOrder(db: Db, shopId: string, details: Required<Pick<OrderDetails, 'orderNumber'>> & OrderDetails): Promise<OrderRow | undefined> {
  const table = schema.orders;
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.shopId, shopId), or(eq(table.orderNumber, details.orderNumber), eq(table.name, `#${details.orderNumber}`))))
    .limit(1);
  const candidate = row ?? DECOY;
  const shippingPhone = row?.shippingAddress?.phone ?? '';
  const emailOk = same(details.email ?? '\u0000', (candidate.email ?? '').trim().toLowerCase());
  const given = phoneTail(details.phone ?? '');
  const phoneMatches = [same(given, phoneTail(candidate.phone ?? '')), same(given, phoneTail(shippingPhone))];
  const phoneOk = given.length === 8 && phoneMatches.some(Boolean);
  return row && (emailOk || phoneOk) ? row : undefined;
}
