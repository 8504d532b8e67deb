import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { ManualClock } from '../../core/clock';
import { createSecretBox } from '../../core/crypto';
import { schema, updateShopSettings, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createAuditLog } from '../audit';
import { createPseudonymizer } from '../keys';
import { createComplianceHandler } from './compliance-handler';
import { createSubjectRights } from './create-subject-rights';
import type { SubjectDataHolder } from './subject';

const address = { name: 'Tan Wei Ming', address1: 'Blk 123 Ang Mo Kio Ave 3 #05-67', city: 'Singapore', zip: '560123', countryCode: 'SG', phone: '+6591234567' };
const stamp = new Date('2026-10-01T00:00:00Z');

async function seedBuyer(database: Database, shopId: string, customerId: number, email: string, orderIds: number[]) {
  await database.db.insert(schema.customers).values({ shopId, id: customerId, email, phone: '+6591234567', firstName: 'Wei Ming', lastName: 'Tan', birthday: '1990-05-01', defaultAddress: address, amountSpent: '120.50', ordersCount: orderIds.length, createdAt: stamp, updatedAt: stamp });
  for (const id of orderIds) {
    await database.db.insert(schema.orders).values({ shopId, id, name: `#${id}`, customerId, email, phone: '+6591234567', currency: 'SGD', totalPrice: '60.25', clientIp: '203.0.113.9', deviceId: 'dev-1', shippingAddress: address, billingAddress: address, fulfillments: [{ trackingNumbers: ['SG123'], trackingUrls: [] }], createdAt: stamp, updatedAt: stamp });
    await database.db.insert(schema.orderLineItems).values({ shopId, id: id * 10, orderId: id, title: 'Kopi beans 1kg', quantity: 2, price: '30.12' });
  }
  await database.db.insert(schema.webhookDeliveries).values({ shopId, webhookId: `w-${customerId}`, topic: 'orders/create', payload: { id: orderIds[0], email, customer: { id: customerId } }, processedAt: stamp });
}

describe(`buyers' data rights on ${testEngine}`, () => {
  let database: Database;
  let shopA: string;
  let shopB: string;
  const secrets = createSecretBox(randomBytes(32).toString('hex'));
  const clock = new ManualClock('2026-11-30T00:00:00Z');
  const erasedByHolder: string[] = [];
  // Another capability's holder, as the composition root would pass it (e.g. bot transcripts).
  const transcriptsHolder: SubjectDataHolder = {
    name: 'bot_transcripts',
    export: async () => [{ text: 'where is my order' }],
    erase: async (shopId) => (erasedByHolder.push(shopId), 1),
  };
  const build = () => {
    const auditLog = createAuditLog({ db: database.db });
    const pseudonymizer = createPseudonymizer({ db: database.db, secrets });
    const subjectRights = createSubjectRights({ db: database.db, secrets, auditLog, pseudonymizer, logger: pino({ level: 'silent' }), holders: [transcriptsHolder], clock });
    return { auditLog, pseudonymizer, subjectRights, compliance: createComplianceHandler({ subjectRights }) };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = (await upsertShop(database.db, { domain: 'rights-a.myshopify.com' })).id;
    shopB = (await upsertShop(database.db, { domain: 'rights-b.myshopify.com' })).id;
    await seedBuyer(database, shopA, 501, 'jane.tan@example.com', [9001, 9002]);
    await seedBuyer(database, shopA, 502, 'other.buyer@example.com', [9003]);
    await seedBuyer(database, shopB, 501, 'jane.tan@example.com', [9001]);
  });
  afterAll(() => database.close());

  it('exports everything held about one buyer, found by id or email, and nothing of others', async () => {
    const { subjectRights } = build();
    for (const subject of [{ customerId: 501 }, { email: 'JANE.TAN@example.com' }]) {
      const exported = await subjectRights.exportSubject(shopA, subject);
      const mirror = exported.data.shopify_mirror as { customers: Array<{ id: number; email: string }>; orders: Array<{ id: number; lineItems: unknown[] }> };
      expect(mirror.customers.map((c) => c.email)).toEqual(['jane.tan@example.com']);
      expect(mirror.orders.map((o) => o.id).sort()).toEqual([9001, 9002]);
      expect(mirror.orders[0]?.lineItems).toHaveLength(1);
      expect(exported.data.bot_transcripts).toEqual([{ text: 'where is my order' }]);
      expect(JSON.stringify(exported)).not.toContain('other.buyer');
      expect((exported.data.webhook_deliveries as { deliveries: unknown[] }).deliveries).toHaveLength(1);
    }
  });

  it('finds a buyer by phone alone when the request names nothing else', async () => {
    const exported = await build().subjectRights.exportSubject(shopB, { phone: '9123 4567' });
    const mirror = exported.data.shopify_mirror as { customers: Array<{ id: number }>; orders: Array<{ id: number }> };
    expect(mirror.customers.map((c) => c.id)).toEqual([501]);
    expect(mirror.orders.map((o) => o.id)).toEqual([9001]);
  });

  it('exports nothing, never everything, for a subject that names no one', async () => {
    const exported = await build().subjectRights.exportSubject(shopA, {});
    expect(exported.data).toEqual({});
  });

  it('stores a data request export sealed for staff, and drops it after 30 days', async () => {
    const { compliance, subjectRights } = build();
    await compliance.dataRequest(shopA, { customer: { id: 501, email: 'jane.tan@example.com' }, orders_requested: [9001], data_request: { id: 77 } });
    const [request] = await subjectRights.requests.list(shopA);
    expect(request).toMatchObject({ kind: 'data_request', shopifyRequestId: 77, exportAvailable: true });
    expect(JSON.stringify(request)).not.toContain('jane');
    const [row] = await database.db.select().from(schema.subjectRequests).where(eq(schema.subjectRequests.id, request!.id));
    expect(row?.exportSealed).not.toContain('jane');
    const exported = (await subjectRights.requests.readExport(shopA, request!.id, clock.now())) as { data: { shopify_mirror: { customers: unknown[] } } };
    expect(exported.data.shopify_mirror.customers).toHaveLength(1);
    expect(await subjectRights.requests.readExport(shopB, request!.id, clock.now())).toBeUndefined();
    expect(await subjectRights.requests.readExport(shopA, request!.id, new Date(clock.now().getTime() + 31 * 86_400_000))).toBeUndefined();
  });

  it('redacts a buyer everywhere we hold them, keeps order amounts, and logs it with a pseudonym', async () => {
    const { compliance, auditLog, pseudonymizer, subjectRights } = build();
    await compliance.redactCustomer(shopA, { customer: { id: 501, email: 'jane.tan@example.com', phone: '+65 9123 4567' }, orders_to_redact: [9001, 9002] });
    const [customer] = await database.db.select().from(schema.customers).where(sql`shop_id = ${shopA} and id = 501`);
    expect(customer).toMatchObject({ email: null, phone: null, firstName: null, lastName: null, birthday: null, defaultAddress: null, amountSpent: '120.50' });
    expect(customer?.redactedAt).toEqual(clock.now());
    const orders = await database.db.select().from(schema.orders).where(sql`shop_id = ${shopA} and customer_id = 501`);
    for (const order of orders) {
      expect(order).toMatchObject({ email: null, phone: null, clientIp: null, deviceId: null, totalPrice: '60.25', currency: 'SGD', shippingAddress: { countryCode: 'SG' }, fulfillments: [] });
    }
    const [delivery] = await database.db.select().from(schema.webhookDeliveries).where(sql`shop_id = ${shopA} and webhook_id = 'w-501'`);
    expect(delivery?.payload).toEqual({ redacted: true });
    expect(erasedByHolder).toContain(shopA);
    const [other] = await database.db.select().from(schema.customers).where(sql`shop_id = ${shopA} and id = 502`);
    // Same phone as the redacted buyer (a shared family number): the customer id decides, so this one stays.
    expect(other?.email).toBe('other.buyer@example.com');
    const [sameIdOtherShop] = await database.db.select().from(schema.customers).where(sql`shop_id = ${shopB} and id = 501`);
    expect(sameIdOtherShop?.email).toBe('jane.tan@example.com');

    const ref = await pseudonymizer.pseudonymize(shopA, 'customer', 501);
    const { entries } = await auditLog.list(shopA, { action: 'subject.redact' });
    expect(entries[0]).toMatchObject({ subject: ref, actorKind: 'system' });
    expect(JSON.stringify(entries)).not.toMatch(/jane|9123/);
    expect((await subjectRights.requests.list(shopA)).map((r) => r.kind)).toContain('customer_redact');
  });

  it('takes a second redact of the same buyer harmlessly', async () => {
    const { subjectRights } = build();
    await expect(subjectRights.redactSubject(shopA, { customerId: 501, email: 'jane.tan@example.com' })).resolves.toBeDefined();
    const [customer] = await database.db.select().from(schema.customers).where(sql`shop_id = ${shopA} and id = 501`);
    expect(customer?.redactedAt).toEqual(clock.now());
    expect(customer?.email).toBeNull();
  });

  it("erases a whole shop's rows, audit log included, and nothing of another shop", async () => {
    const { subjectRights, auditLog, pseudonymizer } = build();
    await pseudonymizer.pseudonymize(shopB, 'customer', 1);
    await updateShopSettings(database.db, shopA, { dataProtectionContact: { name: 'Dana Lim', email: 'dpo@shop.sg' } });
    const before = await auditLog.list(shopB);
    const { erased } = await subjectRights.redactShop(shopA);
    expect(erased).toMatchObject({ customers: 2, orders: 3, order_line_items: 3 });
    for (const table of ['customers', 'orders', 'order_line_items', 'webhook_deliveries', 'shop_secrets']) {
      const { rows } = await database.pool.query(`select count(*)::int as n from ${table} where shop_id = $1`, [shopA]);
      expect([table, rows[0].n]).toEqual([table, 0]);
    }
    const { entries } = await auditLog.list(shopA);
    expect(entries.map((e) => e.action)).toEqual(['shop.redact']);
    const [shop] = await database.db.select().from(schema.shops).where(eq(schema.shops.id, shopA));
    expect(shop?.settings).toEqual({});
    const { rows } = await database.pool.query('select count(*)::int as n from customers where shop_id = $1', [shopB]);
    expect(rows[0].n).toBe(1);
    expect((await auditLog.list(shopB)).entries).toEqual(before.entries);
    await expect(subjectRights.redactShop(shopA)).resolves.toMatchObject({ erased: { customers: 0 } });
  });
});
