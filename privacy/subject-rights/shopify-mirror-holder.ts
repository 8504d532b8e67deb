import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../core/clock';
import { schema, type Db } from '../../db';
import { isEmptySubject, phoneDigits, type Subject, type SubjectDataHolder } from './subject';

const { customers, orders, orderLineItems } = schema;

function phoneVariants(phone: string | undefined): string[] {
  const digits = phoneDigits(phone);
  if (!digits) return [];
  // Singapore numbers are stored with and without the country code.
  return [...new Set([digits, digits.startsWith('65') ? digits.slice(2) : `65${digits}`])];
}

function phoneMatches(column: typeof customers.phone | typeof orders.phone, phone: string | undefined): SQL | undefined {
  const variants = phoneVariants(phone);
  if (variants.length === 0) return undefined;
  return sql`regexp_replace(coalesce(${column}, ''), '\\D', '', 'g') in (${sql.join(variants.map((v) => sql`${v}`), sql`, `)})`;
}

// A customer id is exact; emails and phones can be shared (a family's phone), so they only pick customers
// when the request names no id. Guest orders carry no customer id, so orders also match on the email.
async function customerIds(db: Db, shopId: string, subject: Subject): Promise<number[]> {
  if (subject.customerId !== undefined) return [subject.customerId];
  const match = [subject.email ? sql`lower(${customers.email}) = ${subject.email.toLowerCase()}` : undefined, phoneMatches(customers.phone, subject.phone)].filter(
    (c): c is SQL => c !== undefined,
  );
  if (match.length === 0) return [];
  const rows = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.shopId, shopId), or(...match)));
  return rows.map((row) => row.id);
}

async function orderMatch(db: Db, shopId: string, subject: Subject): Promise<SQL | undefined> {
  const ids = await customerIds(db, shopId, subject);
  const match = [
    subject.orderIds?.length ? inArray(orders.id, subject.orderIds) : undefined,
    ids.length ? inArray(orders.customerId, ids) : undefined,
    subject.email ? sql`lower(${orders.email}) = ${subject.email.toLowerCase()}` : undefined,
    subject.customerId === undefined && !subject.email ? phoneMatches(orders.phone, subject.phone) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return match.length ? and(eq(orders.shopId, shopId), or(...match)) : undefined;
}

/**
 * The Shopify mirror (`customers`, `orders`, `order_line_items`). Erasure blanks personal fields and sets
 * `customers.redacted_at`, but keeps amounts, currencies, statuses and line items for the merchant's accounts.
 */
export function shopifyMirrorHolder(deps: { db: Db; clock: Clock }): SubjectDataHolder {
  const { db } = deps;
  return {
    name: 'shopify_mirror',
    async export(shopId, subject) {
      if (isEmptySubject(subject)) return { customers: [], orders: [] };
      const ids = await customerIds(db, shopId, subject);
      const customerRows = ids.length ? await db.select().from(customers).where(and(eq(customers.shopId, shopId), inArray(customers.id, ids))) : [];
      const where = await orderMatch(db, shopId, subject);
      const orderRows = where ? await db.select().from(orders).where(where) : [];
      const items = orderRows.length
        ? await db.select().from(orderLineItems).where(and(eq(orderLineItems.shopId, shopId), inArray(orderLineItems.orderId, orderRows.map((o) => o.id))))
        : [];
      return {
        customers: customerRows.map(({ shopId: _shop, ...row }) => row),
        orders: orderRows.map(({ shopId: _shop, ...row }) => ({
          ...row,
          lineItems: items.filter((item) => item.orderId === row.id).map(({ shopId: _s, ...item }) => item),
        })),
      };
    },
    async erase(shopId, subject) {
      if (isEmptySubject(subject)) return 0;
      const ids = await customerIds(db, shopId, subject);
      // Orders first: matching them uses the customers' emails and phones, which are blanked next.
      const where = await orderMatch(db, shopId, subject);
      const keepCountry = (column: typeof orders.shippingAddress | typeof orders.billingAddress) =>
        sql`case when ${column} is null then null else jsonb_strip_nulls(jsonb_build_object('countryCode', ${column}->'countryCode')) end`;
      const orderResult = where
        ? await db
            .update(orders)
            .set({ email: null, phone: null, clientIp: null, deviceId: null, shippingAddress: keepCountry(orders.shippingAddress), billingAddress: keepCountry(orders.billingAddress), fulfillments: [] })
            .where(where)
        : { rowCount: 0 };
      const customerResult = ids.length
        ? await db
            .update(customers)
            .set({ email: null, phone: null, firstName: null, lastName: null, birthday: null, defaultAddress: null, tags: [], acceptsMarketing: false, redactedAt: sql`coalesce(${customers.redactedAt}, ${deps.clock.now().toISOString()}::timestamptz)` })
            .where(and(eq(customers.shopId, shopId), inArray(customers.id, ids)))
        : { rowCount: 0 };
      return (orderResult.rowCount ?? 0) + (customerResult.rowCount ?? 0);
    },
  };
}
