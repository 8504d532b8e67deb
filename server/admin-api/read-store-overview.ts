import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import { schema, type Db, type Shop } from '../../db';
import type { StoreOverview, SyncRunView } from './store-overview-types';

const { orders, customers, products, syncRuns, webhookDeliveries } = schema;

const CHART_DAYS = 90;

function syncView(row: typeof syncRuns.$inferSelect): SyncRunView {
  return {
    kind: row.kind,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    objectsDone: row.objectsDone,
    objectsTotal: row.objectsTotal,
    error: row.error,
  };
}

/** The last `days` calendar days on the shop's clock, oldest first, as YYYY-MM-DD. */
function shopDays(timeZone: string, now: Date, days: number): string[] {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const seen = new Set<string>();
  for (let back = days - 1; back >= 0; back -= 1) seen.add(format.format(new Date(now.getTime() - back * 86_400_000)));
  return [...seen];
}

/** Counts, sync state, webhook health and orders per day for one shop; every query is scoped to it. */
export async function readStoreOverview(db: Db, shop: Shop, now: Date): Promise<StoreOverview> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const chartFrom = new Date(now.getTime() - (CHART_DAYS + 1) * 86_400_000);
  const shopDay = sql<string>`to_char(${orders.createdAt} AT TIME ZONE ${shop.timezone}, 'YYYY-MM-DD')`;

  const [[orderCount], [customerCount], [productCount], recentRuns, running, [hooks], perDay] = await Promise.all([
    db.select({ n: count() }).from(orders).where(eq(orders.shopId, shop.id)),
    db.select({ n: count() }).from(customers).where(eq(customers.shopId, shop.id)),
    db.select({ n: count() }).from(products).where(eq(products.shopId, shop.id)),
    db.select().from(syncRuns).where(eq(syncRuns.shopId, shop.id)).orderBy(desc(syncRuns.startedAt)).limit(1),
    db.select().from(syncRuns).where(and(eq(syncRuns.shopId, shop.id), eq(syncRuns.status, 'running'))).orderBy(desc(syncRuns.startedAt)).limit(10),
    db
      .select({
        received: count(),
        processed: sql<number>`count(*) filter (where ${webhookDeliveries.processedAt} is not null)`.mapWith(Number),
        failing: sql<number>`count(*) filter (where ${webhookDeliveries.processedAt} is null and (${webhookDeliveries.attempts} > 0 or ${webhookDeliveries.lastError} is not null))`.mapWith(Number),
        pending: sql<number>`count(*) filter (where ${webhookDeliveries.processedAt} is null and ${webhookDeliveries.attempts} = 0 and ${webhookDeliveries.lastError} is null)`.mapWith(Number),
      })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.shopId, shop.id), gte(webhookDeliveries.receivedAt, dayAgo))),
    db
      .select({
        day: shopDay,
        orders: count(),
        revenue: sql<string>`coalesce(sum(${orders.totalPrice}) filter (where ${orders.currency} = ${shop.currency}), 0)`,
      })
      .from(orders)
      .where(and(eq(orders.shopId, shop.id), gte(orders.createdAt, chartFrom)))
      // By position: the time zone is a bound parameter, so the expression repeated would not match.
      .groupBy(sql`1`),
  ]);

  const byDay = new Map(perDay.map((row) => [row.day, row]));
  return {
    shop: { domain: shop.domain, name: shop.name || shop.domain, timezone: shop.timezone, currency: shop.currency },
    counts: { orders: orderCount?.n ?? 0, customers: customerCount?.n ?? 0, products: productCount?.n ?? 0 },
    lastSync: recentRuns[0] ? syncView(recentRuns[0]) : null,
    runningSyncs: running.map(syncView),
    webhooks: { received24h: hooks?.received ?? 0, processed24h: hooks?.processed ?? 0, failing24h: hooks?.failing ?? 0, pending: hooks?.pending ?? 0 },
    ordersPerDay: shopDays(shop.timezone, now, CHART_DAYS).map((day) => ({
      day,
      orders: byDay.get(day)?.orders ?? 0,
      revenue: Number(byDay.get(day)?.revenue ?? 0),
    })),
    generatedAt: now.toISOString(),
  };
}
