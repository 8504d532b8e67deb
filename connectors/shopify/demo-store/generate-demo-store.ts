import { ValidationError } from '../../../core/errors';
import { planAbuse } from './abuse-plan';
import { DISCOUNT_CODES } from './discount-codes';
import { generateCustomer, type CustomerContext } from './generate-customer';
import { generateOrder } from './generate-order';
import { generateProducts } from './generate-products';
import { gid, ID_BASE } from './ids';
import { Random, seedFor } from './random';
import { lastSignedUpBy, makeTimeline, orderTimeMs } from './timeline';
import type { AbuseRing, Customer, DemoStore, DemoStoreOptions, Order } from './types';

const DEFAULTS = { products: 50, customers: 500, orders: 2000, months: 18, endDate: '2026-11-01T00:00:00Z', shop: 'storedesk-demo.myshopify.com' };
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

function checkSize(name: string, value: number, min: number, max: number): string | null {
  return Number.isInteger(value) && value >= min && value <= max ? null : `${name} must be a whole number from ${min} to ${max} (got ${value})`;
}

/** Picks who places order `i` at `ms`: ring members for planted orders, else a mix of loyal and random buyers. */
function chooseBuyer(store: { seed: string }, ctx: CustomerContext, i: number, ms: number, r: Random): number | null {
  const ring = ctx.plan.orderRing.get(i);
  if (ring) return ctx.plan.rings[ring[0]]!.firstCustomer + ring[1];
  if (r.chance(0.02)) return null;
  const maxJ = lastSignedUpBy(ctx.timeline, ms);
  if (maxJ < 0) return null;
  // Customers whose index is a multiple of 7 are the loyal ones: they come back again and again.
  let j = r.chance(0.35) ? 7 * r.int(0, Math.floor(maxJ / 7)) : r.int(0, maxJ);
  while (j >= 0 && ctx.plan.customerRing.has(j)) j--;
  void store;
  return j >= 0 ? j : null;
}

/**
 * Builds a deterministic demo store from a seed. Nothing is generated up front except products;
 * customers are built on demand by index and orders are streamed in id order.
 * Sizes: products 1..10,000, customers 1..5,000,000, orders 0..10,000,000.
 */
export function generateDemoStore(options: DemoStoreOptions): DemoStore {
  const seed = String(options.seed);
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const problems = [
    checkSize('products', o.products, 1, 10_000),
    checkSize('customers', o.customers, 1, 5_000_000),
    checkSize('orders', o.orders, 0, 10_000_000),
    checkSize('months', o.months, 1, 120),
    Number.isNaN(Date.parse(o.endDate)) ? `endDate must be an ISO date (got ${o.endDate})` : null,
    SHOP_DOMAIN.test(o.shop) ? null : `shop must look like name.myshopify.com (got ${o.shop})`,
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) throw new ValidationError(`Invalid demo store options: ${problems.join('; ')}`, { details: { problems } });

  const timeline = makeTimeline(o.endDate, o.months, o.orders, o.customers);
  const plan = planAbuse(seed, timeline);
  const ctx: CustomerContext = { seed, timeline, plan };
  const products = generateProducts(seed, o.products, timeline.startMs);
  const shopName = o.shop.replace('.myshopify.com', '');
  const currencyCode = 'SGD';

  function* orders(): IterableIterator<Order> {
    const counts = new Uint32Array(o.customers);
    for (let i = 0; i < o.orders; i++) {
      const r = new Random(seedFor(seed, 10, i));
      const createdMs = orderTimeMs(timeline, i, r.next());
      const j = chooseBuyer({ seed }, ctx, i, createdMs, r);
      const buyer = j === null ? null : { index: j, customer: generateCustomer(ctx, j), previousOrders: counts[j]! };
      if (j !== null) counts[j]!++;
      yield generateOrder({ seed, timeline, plan, products, currencyCode, index: i, createdMs, random: r, buyer });
    }
  }

  function* customers(): IterableIterator<Customer> {
    for (let j = 0; j < o.customers; j++) yield generateCustomer(ctx, j);
  }

  return {
    seed,
    shop: {
      id: gid('Shop', ID_BASE.shop + (seedFor(o.shop) % 1_000_000)),
      name: shopName.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' '),
      email: `owner@${shopName}.example.com`,
      myshopifyDomain: o.shop,
      currencyCode,
      ianaTimezone: 'Asia/Singapore',
      primaryDomain: { host: o.shop, url: `https://${o.shop}` },
    },
    productCount: o.products,
    customerCount: o.customers,
    orderCount: o.orders,
    products: () => products.map((p) => structuredClone(p)),
    customer: (index) => {
      if (!Number.isInteger(index) || index < 0 || index >= o.customers) throw new ValidationError(`No customer at index ${index}`);
      return generateCustomer(ctx, index);
    },
    customers,
    orders,
    abuseRings: (): AbuseRing[] =>
      plan.rings.map((ring) => ({
        kind: 'shared-device-coupon-farm',
        deviceId: ring.deviceId,
        clientIp: ring.clientIp,
        discountCode: ring.discountCode,
        baseEmail: generateCustomer(ctx, ring.firstCustomer).email ?? '',
        customerIds: Array.from({ length: ring.size }, (_, q) => gid('Customer', ID_BASE.customer + ring.firstCustomer + q + 1)),
        orderIds: ring.orderIndices.map((i) => gid('Order', ID_BASE.order + i + 1)),
      })),
    discountCodes: () => DISCOUNT_CODES.map((d) => ({ code: d.code, percent: d.percent, firstOrder: d.firstOrder })),
  };
}
