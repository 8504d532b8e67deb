import type { Pool } from 'pg';

/** Size and date of a generated store. */
export interface SyntheticStoreOptions {
  customers: number;
  orders: number;
  products?: number;
  asOf: Date;
  /** First order id; add more orders later with a higher one. */
  firstOrderId?: number;
}

const PRODUCTS = `INSERT INTO products (shop_id, id, title, product_type, vendor, tags, created_at, updated_at)
SELECT $1, p, 'Product ' || p, (ARRAY['Running Shoes','Apparel','Socks','Bags','Watches','Yoga Mats'])[1 + p % 6],
  (ARRAY['Stride','Lion City','Merlion Co','Kopi Gear'])[1 + p % 4], ARRAY[(ARRAY['running','trail','gift','eco','sale'])[1 + p % 5]], $2, $2
FROM generate_series(1, $3::int) p ON CONFLICT DO NOTHING`;

const CUSTOMERS = `INSERT INTO customers (shop_id, id, birthday, default_address, created_at, updated_at)
SELECT $1, c, CASE WHEN c % 7 = 0 THEN date '1955-01-01' + (c * 37 % 20000)::int END,
  CASE WHEN c % 10 < 7 THEN jsonb_build_object('countryCode', 'SG', 'zip', lpad(((c * 7919) % 820000 + 10000)::text, 6, '0'))
       WHEN c % 10 < 9 THEN jsonb_build_object('countryCode', (ARRAY['MY','ID','AU'])[1 + c % 3], 'zip', '50000') END,
  $2::timestamptz - interval '800 days', $2
FROM generate_series(1::bigint, $3::int) c`;

// Customers are drawn with a skew (x^1.6), so there are many one-time buyers, some loyal ones and some with no orders.
const ORDERS = `INSERT INTO orders (shop_id, id, name, customer_id, currency, total_price, total_discounts, discount_codes, source_name, cancelled_at, created_at, updated_at)
SELECT $1, o, '#' || o, 1 + floor($4::int * power(((o::bigint * 2654435761) % 1000003) / 1000003.0, 1.6))::int, 'SGD',
  (12 + (o * 31) % 290)::numeric, CASE WHEN o % 5 = 0 THEN 6 ELSE 0 END, CASE WHEN o % 4 = 0 THEN ARRAY['SAVE10'] ELSE '{}'::text[] END,
  CASE WHEN o % 9 = 0 THEN 'pos' ELSE 'web' END, CASE WHEN o % 50 = 0 THEN $2::timestamptz END,
  $2::timestamptz - ((o * 7919) % 730) * interval '1 day' - (o % 24) * interval '1 hour', $2
FROM generate_series($3::bigint, $3::bigint + $5::int - 1) o`;

const LINE_ITEMS = `INSERT INTO order_line_items (shop_id, id, order_id, product_id, title, quantity, price)
SELECT $1, o::bigint * 2 + k, o, 1 + (o * 13 + k * 7) % $4::int, 'Item', 1 + k, (10 + (o * 17 + k) % 150)::numeric
FROM generate_series($2::bigint, $2::bigint + $3::int - 1) o, generate_series(0, 1) k WHERE k = 0 OR o % 3 = 0`;

/** Fills a shop with a generated store straight in SQL (generate_series), for benchmarks and admin tests. */
export async function seedSyntheticStore(pool: Pool, shopId: string, options: SyntheticStoreOptions): Promise<void> {
  const products = options.products ?? 60;
  await pool.query(PRODUCTS, [shopId, options.asOf, products]);
  await pool.query(CUSTOMERS, [shopId, options.asOf, options.customers]);
  await addSyntheticOrders(pool, shopId, { ...options, products, firstOrderId: options.firstOrderId ?? 1 });
}

/** Adds `orders` orders (and their line items) from `firstOrderId` on; returns their ids' range. */
export async function addSyntheticOrders(
  pool: Pool,
  shopId: string,
  options: { customers: number; orders: number; asOf: Date; firstOrderId: number; products?: number },
): Promise<{ from: number; to: number }> {
  await pool.query(ORDERS, [shopId, options.asOf, options.firstOrderId, options.customers, options.orders]);
  await pool.query(LINE_ITEMS, [shopId, options.firstOrderId, options.orders, options.products ?? 60]);
  return { from: options.firstOrderId, to: options.firstOrderId + options.orders - 1 };
}
