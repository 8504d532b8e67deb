import { createHash, timingSafeEqual } from 'node:crypto';
import type { schema as Schema } from '../../db';
import type { OrderDetails } from './parse-order-details';

type Order = typeof Schema.orders.$inferSelect;

/** What the order-status reply needs of a shop's synced order. */
export type OrderRow = Pick<Order, 'name' | 'email' | 'phone' | 'shippingAddress' | 'financialStatus' | 'fulfillmentStatus' | 'cancelledAt' | 'fulfillments'>;

const MAX_INT4 = 2_147_483_647;

const digest = (value: string) => createHash('sha256').update(value).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
const phoneTail = (digits: string) => digits.replace(/\D/g, '').slice(-8);
// Compared against when the order doesn't exist, so a miss costs what a mismatch costs.
const DECOY: Pick<OrderRow, 'email' | 'phone'> = { email: 'nobody@invalid.example', phone: '00000000' };

/** The order number as the orders table can hold it, and the name it would have: what a lookup reads by. */
export function orderKeys(orderNumber: number): { orderNumber: number | null; name: string } {
  // A number past the column's range can still be an order's name, but never its number.
  return { orderNumber: orderNumber <= MAX_INT4 ? orderNumber : null, name: `#${orderNumber}` };
}

/**
 * The order when the email or phone given is on it, else `undefined`. The same comparisons run whether
 * or not an order was found, so a miss costs what a mismatch costs.
 */
export function orderIfContactMatches(row: OrderRow | undefined, details: OrderDetails): OrderRow | undefined {
  const candidate = row ?? DECOY;
  const shippingPhone = row?.shippingAddress?.phone ?? '';
  const emailOk = same(details.email ?? '\u0000', (candidate.email ?? '').trim().toLowerCase());
  const given = phoneTail(details.phone ?? '');
  const phoneMatches = [same(given, phoneTail(candidate.phone ?? '')), same(given, phoneTail(shippingPhone))];
  const phoneOk = given.length === 8 && phoneMatches.some(Boolean);
  return row && (emailOk || phoneOk) ? row : undefined;
}

