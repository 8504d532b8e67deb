import { schema, upsertShop, type Database, type Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import type { AuditEvent } from '../admin-auth';
import { readStoreOverview } from './read-store-overview';
import { startAdminTestServer, TEST_ADMIN_PASSWORD, type AdminTestServer } from './testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
const json = (res: Response): Promise<any> => res.json();


const now = new Date('2026-11-30T04:00:00Z'); // noon in Singapore
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

async function seed(database: Database, shop: Shop, orders: { id: number; createdAt: Date; total: string; currency?: string }[]) {
  const { db } = database;
  if (orders.length) {
    await db.insert(schema.orders).values(
      orders.map((o) => ({ shopId: shop.id, id: o.id, name: `#${o.id}`, currency: o.currency ?? 'SGD', totalPrice: o.total, createdAt: o.createdAt, updatedAt: o.createdAt })),
    );
  }
}

describe(`the admin API (${testEngine})`, () => {
  let database: Database;
  let app: AdminTestServer;
  let shopA: Shop;
  let shopB: Shop;
  let session: { cookie: string; csrfToken: string };
  const audited: AuditEvent[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    shopA = await upsertShop(db, { domain: 'alpha.myshopify.com', name: 'Alpha', timezone: 'Asia/Singapore' });
    shopB = await upsertShop(db, { domain: 'bravo.myshopify.com', name: 'Bravo' });
    await seed(database, shopA, [
      { id: 1, createdAt: new Date('2026-11-29T17:30:00Z'), total: '10.50' }, // 30 Nov 01:30 in Singapore
      { id: 2, createdAt: new Date('2026-11-30T01:00:00Z'), total: '20.00' }, // 30 Nov 09:00
      { id: 3, createdAt: new Date('2026-11-30T02:00:00Z'), total: '99.00', currency: 'USD' },
      { id: 4, createdAt: new Date('2026-11-29T15:00:00Z'), total: '5.00' }, // 29 Nov 23:00
      { id: 5, createdAt: new Date('2026-01-05T00:00:00Z'), total: '1.00' }, // outside the 90-day chart
    ]);
    await seed(database, shopB, [6, 7, 8, 9, 10, 11].map((id) => ({ id, createdAt: hoursAgo(2), total: '1.00' })));
    const stamp = { createdAt: hoursAgo(100), updatedAt: hoursAgo(100) };
    await db.insert(schema.customers).values([1, 2, 3].map((id) => ({ shopId: shopA.id, id, ...stamp })));
    await db.insert(schema.customers).values([1, 2, 3, 4, 5].map((id) => ({ shopId: shopB.id, id, ...stamp })));
    await db.insert(schema.products).values([1, 2].map((id) => ({ shopId: shopA.id, id, title: `P${id}`, ...stamp })));
    const hook = (shop: Shop, webhookId: string, receivedAt: Date, extra: Partial<typeof schema.webhookDeliveries.$inferInsert> = {}) => ({
      shopId: shop.id, webhookId, topic: 'orders/create', payload: {}, receivedAt, ...extra,
    });
    await db.insert(schema.webhookDeliveries).values([
      hook(shopA, 'a1', hoursAgo(1), { processedAt: hoursAgo(1), attempts: 1 }),
      hook(shopA, 'a2', hoursAgo(5), { processedAt: hoursAgo(5), attempts: 2 }),
      hook(shopA, 'a3', hoursAgo(3), { attempts: 3, lastError: 'order not found' }),
      hook(shopA, 'a4', hoursAgo(0.1)),
      hook(shopA, 'a5', hoursAgo(30), { attempts: 5, lastError: 'old failure' }),
      hook(shopB, 'b1', hoursAgo(1), { attempts: 1, lastError: 'b failure' }),
      hook(shopB, 'b2', hoursAgo(1), { attempts: 1, lastError: 'b failure' }),
    ]);
    await db.insert(schema.syncRuns).values([
      { shopId: shopA.id, kind: 'bulk:orders', status: 'completed', objectsDone: 5, startedAt: hoursAgo(48), finishedAt: hoursAgo(47) },
      { shopId: shopA.id, kind: 'incremental:orders', status: 'running', objectsDone: 40, objectsTotal: 100, startedAt: hoursAgo(0.2) },
      { shopId: shopB.id, kind: 'bulk:orders', status: 'failed', error: 'b broke', startedAt: hoursAgo(0.1) },
    ]);

    app = await startAdminTestServer({ db, audit: (event) => void audited.push(event) });
    const signIn = await fetch(`${app.base}/api/admin/login`, { method: 'POST', headers: { origin: app.base, 'content-type': 'application/json' }, body: JSON.stringify({ password: TEST_ADMIN_PASSWORD }) });
    const { csrfToken } = await json(signIn);
    const chosen = await fetch(`${app.base}/api/admin/session/shop`, {
      method: 'PUT',
      headers: { origin: app.base, 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '' },
      body: JSON.stringify({ shopId: shopA.id }),
    });
    session = { cookie: (chosen.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const put = (body: unknown) =>
    fetch(`${app.base}/api/admin/settings`, { method: 'PUT', headers: { cookie: session.cookie, origin: app.base, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  // HTTP calls run on the real clock (session cookies must be valid); day-exact checks call the reader with a fixed one.
  describe('the store overview', () => {
    it('counts only the signed-in shop', async () => {
      const res = await fetch(`${app.base}/api/admin/overview`, { headers: { cookie: session.cookie } });
      expect(res.status).toBe(200);
      const overview = await json(res);
      expect(overview.counts).toEqual({ orders: 5, customers: 3, products: 2 });
      expect(overview.shop).toMatchObject({ domain: 'alpha.myshopify.com', timezone: 'Asia/Singapore' });
    });

    it("reports webhook health over the last 24 hours and the shop's sync runs", async () => {
      const overview = await readStoreOverview(database.db, shopA, now);
      expect(overview.webhooks).toEqual({ received24h: 4, processed24h: 2, failing24h: 1, pending: 1 });
      expect(overview.lastSync).toMatchObject({ kind: 'incremental:orders', status: 'running', objectsDone: 40, objectsTotal: 100 });
      expect(overview.runningSyncs).toHaveLength(1);
    });

    it("buckets orders per day on the shop's clock over 90 days, revenue in the shop currency", async () => {
      const { ordersPerDay } = await readStoreOverview(database.db, shopA, now);
      expect(ordersPerDay).toHaveLength(90);
      expect(ordersPerDay.at(-1)).toEqual({ day: '2026-11-30', orders: 3, revenue: 30.5 });
      expect(ordersPerDay.at(-2)).toEqual({ day: '2026-11-29', orders: 1, revenue: 5 });
      expect(ordersPerDay[0]?.day).toBe('2026-09-02');
      expect(ordersPerDay.reduce((sum, d) => sum + d.orders, 0)).toBe(4);
    });
  });

  describe('settings', () => {
    it('gives defaults to a shop that never saved any', async () => {
      const res = await fetch(`${app.base}/api/admin/settings`, { headers: { cookie: session.cookie } });
      expect(await json(res)).toMatchObject({ timezone: 'Asia/Singapore', settings: { retentionDays: 30, kFloor: 10, dataProtectionContact: null } });
    });

    it('saves valid settings, answers with the result and audits the change by field name', async () => {
      const res = await put({ retentionDays: 60, kFloor: 12, dataProtectionContact: { name: 'Dana Lim', email: 'dpo@alpha.sg' }, botConfidenceThreshold: 0.7 });
      expect(res.status).toBe(200);
      expect((await json(res)).settings).toMatchObject({ retentionDays: 60, kFloor: 12, botConfidenceThreshold: 0.7 });
      const again = await json(await fetch(`${app.base}/api/admin/settings`, { headers: { cookie: session.cookie } }));
      expect(again.settings.dataProtectionContact).toEqual({ name: 'Dana Lim', email: 'dpo@alpha.sg' });
      expect(audited).toContainEqual({ shopId: shopA.id, actor: 'admin', action: 'admin.settings_changed', subject: 'shop-settings', detail: { fields: ['retentionDays', 'kFloor', 'dataProtectionContact', 'botConfidenceThreshold'] } });
    });

    it('refuses bad settings with a 400 listing every problem, and keeps what was saved', async () => {
      const res = await put({ retentionDays: 0, kFloor: 3, botConfidenceThreshold: 2, dataProtectionContact: { name: '', email: 'nope' } });
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.code).toBe('invalid_input');
      expect(body.details.problems.map((p: { path: string }) => p.path).sort()).toEqual(['botConfidenceThreshold', 'dataProtectionContact.email', 'dataProtectionContact.name', 'kFloor', 'retentionDays']);
      expect(body.message).toMatch(/kFloor: must be at least 5/);
      const kept = await json(await fetch(`${app.base}/api/admin/settings`, { headers: { cookie: session.cookie } }));
      expect(kept.settings).toMatchObject({ retentionDays: 60, kFloor: 12 });
    });

    it.each([['a JSON array', [1]], ['a string', 'retention=5']])('refuses %s as the body', async (_name, body) => {
      expect((await put(body)).status).toBe(400);
    });

    it('requires a signed-in staff member', async () => {
      expect((await fetch(`${app.base}/api/admin/settings`)).status).toBe(401);
      expect((await fetch(`${app.base}/api/admin/overview`)).status).toBe(401);
    });
  });
});
