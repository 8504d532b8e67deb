import { createHash, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { runNamedStatement } from '../../db';
import type { schema as Schema } from '../../db';
import type { OrderDetails } from './parse-order-details';

type Order = typeof Schema.orders.$inferSelect;

/** What the order-status reply needs of a shop's synced order. */
export type OrderRow = Pick<Order, 'name' | 'email' | 'phone' | 'shippingAddress' | 'financialStatus' | 'fulfillmentStatus' | 'cancelledAt' | 'fulfillments'>;

const FIND = {
  name: 'storedesk_bot_order_find',
  text: `SELECT name, email, phone, shipping_address AS "shippingAddress", financial_status AS "financialStatus",
      fulfillment_status AS "fulfillmentStatus", cancelled_at AS "cancelledAt", fulfillments
    FROM orders WHERE shop_id = $1 AND (order_number = $2 OR name = $3) LIMIT 1`,
};
const MAX_INT4 = 2_147_483_647;

const digest = (value: string) => createHash('sha256').update(value).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
const phoneTail = (digits: string) => digits.replace(/\D/g, '').slice(-8);
// Compared against when the order doesn't exist, so a miss costs what a mismatch costs.
const DECOY: Pick<OrderRow, 'email' | 'phone'> = { email: 'nobody@invalid.example', phone: '00000000' };

/**
 * Finds the order by number and checks the email or phone on it. The same query and the same comparisons
 * run whether or not the order exists, and both outcomes are `undefined`, so existence never leaks.
 */
export async function matchOrder(pool: Pool, shopId: string, details: Required<Pick<OrderDetails, 'orderNumber'>> & OrderDetails): Promise<OrderRow | undefined> {
  // A number past the column's range can still be an order's name, but never its number.
  const number = details.orderNumber <= MAX_INT4 ? details.orderNumber : null;
  const [row] = await runNamedStatement<OrderRow>(pool, FIND, [shopId, number, `#${details.orderNumber}`]);
  const candidate = row ?? DECOY;
  const shippingPhone = row?.shippingAddress?.phone ?? '';
  const emailOk = same(details.email ?? '\u0000', (candidate.email ?? '').trim().toLowerCase());
  const given = phoneTail(details.phone ?? '');
  const phoneMatches = [same(given, phoneTail(candidate.phone ?? '')), same(given, phoneTail(shippingPhone))];
  const phoneOk = given.length === 8 && phoneMatches.some(Boolean);
  return row && (emailOk || phoneOk) ? row : undefined;
}
