import type { Pool, PoolClient } from 'pg';
import type { CustomerRecord, LineItemRecord, OrderRecord, ProductRecord } from './records';

type Queryable = Pool | PoolClient;

/*
 * Set-based upserts: one statement per batch, columns passed as arrays and expanded with unnest().
 * That is several times faster than row-by-row inserts and close to COPY, while still merging
 * (ON CONFLICT) so webhooks, paged syncs and bulk backfills can overlap safely. A row only moves
 * forward in time: an older copy never overwrites a newer one.
 */

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** A text[] as PostgreSQL's array literal, so a column of arrays travels as one text[] parameter. */
const arrayLiteral = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** Upserts orders of one shop. Returns how many rows changed. */
export async function upsertOrders(db: Queryable, shopId: string, rows: OrderRecord[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof OrderRecord>(key: K) => rows.map((r) => r[key]);
  const result = await db.query(
    `INSERT INTO orders (shop_id, id, name, order_number, customer_id, email, phone, financial_status, fulfillment_status,
       currency, total_price, subtotal_price, total_discounts, discount_codes, tags, client_ip, device_id,
       shipping_address, billing_address, fulfillments, source_name, cancelled_at, cancel_reason, processed_at, created_at, updated_at)
     SELECT $1::uuid, u.id, u.name, u.order_number, u.customer_id, u.email, u.phone, u.financial_status, u.fulfillment_status,
       u.currency, u.total_price, u.subtotal_price, u.total_discounts,
       u.discount_codes::text[], u.tags::text[],
       u.client_ip, u.device_id, u.shipping_address::jsonb, u.billing_address::jsonb, u.fulfillments::jsonb, u.source_name,
       u.cancelled_at, u.cancel_reason, u.processed_at, u.created_at, u.updated_at
     FROM unnest($2::bigint[], $3::text[], $4::int[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
       $11::numeric[], $12::numeric[], $13::numeric[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[],
       $20::text[], $21::text[], $22::timestamptz[], $23::text[], $24::timestamptz[], $25::timestamptz[], $26::timestamptz[])
       AS u(id, name, order_number, customer_id, email, phone, financial_status, fulfillment_status, currency, total_price,
            subtotal_price, total_discounts, discount_codes, tags, client_ip, device_id, shipping_address, billing_address,
            fulfillments, source_name, cancelled_at, cancel_reason, processed_at, created_at, updated_at)
     ON CONFLICT (shop_id, id) DO UPDATE SET
       name = excluded.name, order_number = excluded.order_number, customer_id = excluded.customer_id, email = excluded.email,
       phone = excluded.phone, financial_status = excluded.financial_status, fulfillment_status = excluded.fulfillment_status,
       currency = excluded.currency, total_price = excluded.total_price, subtotal_price = excluded.subtotal_price,
       total_discounts = excluded.total_discounts, discount_codes = excluded.discount_codes, tags = excluded.tags,
       client_ip = coalesce(excluded.client_ip, orders.client_ip), device_id = coalesce(excluded.device_id, orders.device_id),
       shipping_address = excluded.shipping_address, billing_address = excluded.billing_address, fulfillments = excluded.fulfillments,
       source_name = excluded.source_name, cancelled_at = excluded.cancelled_at, cancel_reason = excluded.cancel_reason,
       processed_at = excluded.processed_at, updated_at = excluded.updated_at
     WHERE orders.updated_at <= excluded.updated_at`,
    [
      shopId, col('id'), col('name'), col('orderNumber'), col('customerId'), col('email'), col('phone'), col('financialStatus'),
      col('fulfillmentStatus'), col('currency'), col('totalPrice'), col('subtotalPrice'), col('totalDiscounts'),
      rows.map((r) => arrayLiteral(r.discountCodes)), rows.map((r) => arrayLiteral(r.tags)), col('clientIp'), col('deviceId'),
      rows.map((r) => json(r.shippingAddress)), rows.map((r) => json(r.billingAddress)), rows.map((r) => JSON.stringify(r.fulfillments)),
      col('sourceName'), col('cancelledAt'), col('cancelReason'), col('processedAt'), col('createdAt'), col('updatedAt'),
    ],
  );
  return result.rowCount ?? 0;
}

/** Upserts line items; with `replaceFor`, first removes the other items of those orders (an edited order). */
export async function upsertLineItems(db: Queryable, shopId: string, rows: LineItemRecord[], replaceFor?: number[]): Promise<void> {
  if (replaceFor && replaceFor.length > 0) {
    await db.query('DELETE FROM order_line_items WHERE shop_id = $1 AND order_id = ANY($2::bigint[]) AND NOT (id = ANY($3::bigint[]))', [
      shopId,
      replaceFor,
      rows.map((r) => r.id),
    ]);
  }
  if (rows.length === 0) return;
  const col = <K extends keyof LineItemRecord>(key: K) => rows.map((r) => r[key]);
  await db.query(
    `INSERT INTO order_line_items (shop_id, id, order_id, product_id, variant_id, title, sku, quantity, price)
     SELECT $1::uuid, u.* FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::int[], $9::numeric[])
       AS u(id, order_id, product_id, variant_id, title, sku, quantity, price)
     ON CONFLICT (shop_id, id) DO UPDATE SET order_id = excluded.order_id, product_id = excluded.product_id,
       variant_id = excluded.variant_id, title = excluded.title, sku = excluded.sku, quantity = excluded.quantity, price = excluded.price`,
    [shopId, col('id'), col('orderId'), col('productId'), col('variantId'), col('title'), col('sku'), col('quantity'), col('price')],
  );
}

/** Upserts customers. A customer erased by a redact request stays erased. */
export async function upsertCustomers(db: Queryable, shopId: string, rows: CustomerRecord[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof CustomerRecord>(key: K) => rows.map((r) => r[key]);
  const result = await db.query(
    `INSERT INTO customers (shop_id, id, email, phone, first_name, last_name, state, tags, accepts_marketing, amount_spent,
       orders_count, birthday, default_address, created_at, updated_at)
     SELECT $1::uuid, u.id, u.email, u.phone, u.first_name, u.last_name, u.state, u.tags::text[],
       u.accepts_marketing, u.amount_spent, u.orders_count, u.birthday, u.default_address::jsonb, u.created_at, u.updated_at
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::numeric[],
       $11::int[], $12::date[], $13::text[], $14::timestamptz[], $15::timestamptz[])
       AS u(id, email, phone, first_name, last_name, state, tags, accepts_marketing, amount_spent, orders_count, birthday,
            default_address, created_at, updated_at)
     ON CONFLICT (shop_id, id) DO UPDATE SET email = excluded.email, phone = excluded.phone, first_name = excluded.first_name,
       last_name = excluded.last_name, state = excluded.state, tags = excluded.tags, accepts_marketing = excluded.accepts_marketing,
       amount_spent = coalesce(excluded.amount_spent, customers.amount_spent),
       orders_count = greatest(excluded.orders_count, customers.orders_count),
       birthday = coalesce(excluded.birthday, customers.birthday), default_address = excluded.default_address,
       updated_at = excluded.updated_at
     WHERE customers.updated_at <= excluded.updated_at AND customers.redacted_at IS NULL`,
    [
      shopId, col('id'), col('email'), col('phone'), col('firstName'), col('lastName'), col('state'),
      rows.map((r) => arrayLiteral(r.tags)), col('acceptsMarketing'), col('amountSpent'), col('ordersCount'), col('birthday'),
      rows.map((r) => json(r.defaultAddress)), col('createdAt'), col('updatedAt'),
    ],
  );
  return result.rowCount ?? 0;
}

/** Upserts products. */
export async function upsertProducts(db: Queryable, shopId: string, rows: ProductRecord[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof ProductRecord>(key: K) => rows.map((r) => r[key]);
  const result = await db.query(
    `INSERT INTO products (shop_id, id, title, product_type, vendor, tags, status, created_at, updated_at)
     SELECT $1::uuid, u.id, u.title, u.product_type, u.vendor, u.tags::text[], u.status,
       u.created_at, u.updated_at
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[])
       AS u(id, title, product_type, vendor, tags, status, created_at, updated_at)
     ON CONFLICT (shop_id, id) DO UPDATE SET title = excluded.title, product_type = excluded.product_type, vendor = excluded.vendor,
       tags = excluded.tags, status = excluded.status, updated_at = excluded.updated_at
     WHERE products.updated_at <= excluded.updated_at`,
    [shopId, col('id'), col('title'), col('productType'), col('vendor'), rows.map((r) => arrayLiteral(r.tags)), col('status'), col('createdAt'), col('updatedAt')],
  );
  return result.rowCount ?? 0;
}
