import { seedFor } from './random';
import { firstOrderAfterSignup, type Timeline } from './timeline';

/** Where a planted coupon-farming ring sits among customer and order indices. */
export interface RingPlan {
  index: number;
  firstCustomer: number;
  size: number;
  deviceId: string;
  clientIp: string;
  discountCode: string;
  orderIndices: number[];
}

export interface AbusePlan {
  rings: RingPlan[];
  /** customer index -> [ring, member] */
  customerRing: Map<number, [number, number]>;
  /** order index -> [ring, member] */
  orderRing: Map<number, [number, number]>;
}

const FIRST_ORDER_CODES = ['WELCOME10', 'NEWBIE15'];

/**
 * Plans a few rings of 4-7 accounts that share one device and IP and each use a first-order code once.
 * About one ring per 500 orders, at least two, and never more than one per 20 customers.
 */
export function planAbuse(seed: string, t: Timeline): AbusePlan {
  const plan: AbusePlan = { rings: [], customerRing: new Map(), orderRing: new Map() };
  const count = t.customers < 20 || t.orders < 20 ? 0 : Math.min(Math.max(2, Math.floor(t.orders / 500)), Math.floor(t.customers / 20));
  for (let r = 0; r < count; r++) {
    const h = seedFor(seed, 5, r);
    const size = 4 + (h % 4);
    const firstCustomer = Math.max(1, Math.floor(((r + 0.5) * t.customers) / count) - Math.floor(size / 2));
    const ring: RingPlan = {
      index: r,
      firstCustomer,
      size,
      deviceId: `dev_${h.toString(16).padStart(8, '0')}${(seedFor(seed, 6, r) >>> 8).toString(16)}`,
      clientIp: `103.${(h >>> 8) % 200 + 20}.${(h >>> 16) % 250}.${(h % 250) + 2}`,
      discountCode: FIRST_ORDER_CODES[r % FIRST_ORDER_CODES.length]!,
      orderIndices: [],
    };
    let next = firstOrderAfterSignup(t, firstCustomer + size - 1);
    for (let q = 0; q < size; q++) {
      plan.customerRing.set(firstCustomer + q, [r, q]);
      while (plan.orderRing.has(next)) next++;
      if (next >= t.orders) continue;
      plan.orderRing.set(next, [r, q]);
      ring.orderIndices.push(next);
      next += 2;
    }
    plan.rings.push(ring);
  }
  return plan;
}

export { FIRST_ORDER_CODES };
