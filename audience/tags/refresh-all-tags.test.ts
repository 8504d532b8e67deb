import { and, eq } from 'drizzle-orm';
import { ManualClock } from '../../core/clock';
import { createSecretBox } from '../../core/crypto';
import { schema, upsertShop, type Database, type Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createPseudonymizer, type Pseudonymizer } from '../../privacy';
import { audienceSubjectHolder } from '../subject/audience-subject-holder';
import { refreshAllTags } from './refresh-all-tags';
import { refreshSomeTags } from './refresh-some-tags';

const AS_OF = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(AS_OF.getTime() - d * 86_400_000);
const stamp = { createdAt: daysAgo(900), updatedAt: daysAgo(1) };

// Products: P1 running shoes by Stride tagged running/trail; P2 socks by Stride; P3 apparel by Lion tagged "Sale Item".
const PRODUCTS = [
  { id: 1, title: 'Road runner', productType: 'Running Shoes', vendor: 'Stride', tags: ['running', 'trail'] },
  { id: 2, title: 'Ankle socks', productType: 'Socks', vendor: 'Stride', tags: [] },
  { id: 3, title: 'Tee', productType: 'Apparel', vendor: 'Lion', tags: ['Sale Item'] },
];

type OrderSpec = { customer: number; days: number; total: number; product: number; code?: string; sale?: number; source?: string | null; cancelled?: boolean; ship?: { countryCode: string; zip: string } };
const ORDERS: OrderSpec[] = [
  // C1: 5 orders in the year, 3 with codes; all P1 on the web.
  ...[10, 40, 100, 200, 300].map((days, i) => ({ customer: 1, days, total: 100, product: 1, code: i < 3 ? 'SAVE10' : undefined, source: 'web' })),
  // C3: one order 400 days ago, shipped to Singapore 018956 (district 01).
  { customer: 3, days: 400, total: 50, product: 1, source: 'web', ship: { countryCode: 'SG', zip: '018956' } },
  // C4 is redacted: its orders count for nothing.
  { customer: 4, days: 3, total: 900, product: 3, source: 'web' },
  // C5: one recent order with a welcome code.
  { customer: 5, days: 5, total: 30, product: 2, code: 'WELCOME', source: 'web' },
  // C6: three POS orders, one with an automatic sale; a cancelled web order with a code is ignored.
  { customer: 6, days: 20, total: 200, product: 3, source: 'pos' },
  { customer: 6, days: 60, total: 200, product: 3, source: 'pos' },
  { customer: 6, days: 90, total: 100, product: 3, sale: 10, source: 'pos' },
  { customer: 6, days: 1, total: 999, product: 1, code: 'SAVE10', source: 'web', cancelled: true },
  // C7: two small orders 150 and 170 days ago, no discounts, no channel.
  { customer: 7, days: 150, total: 20, product: 2, source: null },
  { customer: 7, days: 170, total: 20, product: 2, source: null },
];

const EXPECTED: Record<number, string[] | undefined> = {
  1: ['age:35-44', 'country:SG', 'sg-district:20', 'discount:high', 'loyalty:loyal', 'brand:stride', 'store:web', 'rfm:loyal', 'spend:mid', 'interest:running', 'interest:running-shoes', 'interest:trail'],
  2: ['age:unknown', 'country:MY', 'rfm:prospects', 'spend:none'],
  3: ['age:25-34', 'country:SG', 'sg-district:01', 'loyalty:lapsed', 'rfm:dormant', 'spend:none'],
  4: undefined,
  5: ['age:unknown', 'country:SG', 'sg-district:09', 'loyalty:first-time', 'rfm:new', 'spend:low', 'interest:socks'],
  6: ['age:unknown', 'country:US', 'discount:mid', 'loyalty:repeat', 'brand:lion', 'store:pos', 'rfm:loyal', 'spend:mid', 'interest:apparel', 'interest:sale-item'],
  7: ['age:unknown', 'discount:low', 'loyalty:repeat', 'brand:stride', 'rfm:almost-lost', 'spend:low', 'interest:socks'],
};

async function seed(database: Database, shop: Shop) {
  const { db } = database;
  await db.insert(schema.products).values(PRODUCTS.map((p) => ({ shopId: shop.id, ...p, ...stamp })));
  const address = (countryCode: string, zip: string) => ({ countryCode, zip });
  await db.insert(schema.customers).values([
    { shopId: shop.id, id: 1, birthday: '1990-06-02', defaultAddress: address('SG', '560123'), ...stamp },
    { shopId: shop.id, id: 2, defaultAddress: address('MY', '50000'), ...stamp },
    { shopId: shop.id, id: 3, birthday: '2000-01-15', ...stamp },
    { shopId: shop.id, id: 4, redactedAt: daysAgo(2), ...stamp },
    { shopId: shop.id, id: 5, defaultAddress: address('SG', 'Singapore 238801'), ...stamp },
    { shopId: shop.id, id: 6, defaultAddress: address('US', '10001'), ...stamp },
    { shopId: shop.id, id: 7, ...stamp },
  ]);
  await db.insert(schema.orders).values(ORDERS.map((o, i) => ({
    shopId: shop.id, id: 100 + i, name: `#${100 + i}`, customerId: o.customer, currency: 'SGD', totalPrice: String(o.total),
    totalDiscounts: String(o.sale ?? (o.code ? 5 : 0)), discountCodes: o.code ? [o.code] : [], sourceName: o.source ?? null,
    shippingAddress: o.ship ?? null, cancelledAt: o.cancelled ? daysAgo(o.days) : null, createdAt: daysAgo(o.days), updatedAt: daysAgo(o.days),
  })));
  await db.insert(schema.orderLineItems).values(ORDERS.map((o, i) => ({ shopId: shop.id, id: 1000 + i, orderId: 100 + i, productId: o.product, title: 'x', quantity: 1, price: String(o.total) })));
}

describe(`audience tags (${testEngine})`, () => {
  let database: Database;
  let shop: Shop;
  let pseudonymizer: Pseudonymizer;
  const clock = new ManualClock(AS_OF);

  beforeAll(async () => {
    database = await createTestDatabase();
    shop = await upsertShop(database.db, { domain: 'tags-fixture.myshopify.com' });
    pseudonymizer = createPseudonymizer({ db: database.db, secrets: createSecretBox('b'.repeat(64)) });
    await seed(database, shop);
  });
  afterAll(async () => database?.close());

  const tagsOf = async (customerId: number) => {
    const subject = await pseudonymizer.pseudonymize(shop.id, 'customer', customerId);
    const { rows } = await database.pool.query<{ tags: string[] }>('SELECT tags FROM audience_profiles WHERE shop_id = $1 AND subject = $2', [shop.id, subject]);
    return rows[0]?.tags;
  };

  it('computes every tag as defined, keyed by pseudonymous ids only', async () => {
    const report = await refreshAllTags({ pool: database.pool, pseudonymizer, clock }, shop.id);
    expect(report.profiles).toBe(6);
    expect(report.thresholds).toEqual({ recency: [5, 10, 20, 150], frequency: [1, 1, 2, 3], monetary: [30, 40, 50, 500], spend: [40, 500, 500] });
    const { rows } = await database.pool.query<{ subject: string }>('SELECT subject FROM audience_profiles WHERE shop_id = $1', [shop.id]);
    expect(rows.every((r) => /^[A-Za-z0-9_-]{43}$/.test(r.subject))).toBe(true);
  });

  it.each(Object.entries(EXPECTED))('gives customer %s the hand-computed tags', async (id, expected) => {
    const tags = await tagsOf(Number(id));
    expect(tags ? [...tags].sort() : tags).toEqual(expected ? [...expected].sort() : undefined);
  });

  it('rewrites no profile when a second full refresh finds the same tags, and removes those of customers gone', async () => {
    const versions = async () => (await database.pool.query<{ subject: string; v: string }>('SELECT subject, xmin::text AS v FROM audience_profiles WHERE shop_id = $1 ORDER BY subject', [shop.id])).rows;
    const before = await versions();
    const stale = { shopId: shop.id, subject: 'no-such-customer', tags: ['country:SG'], keyVersion: 1, computedAt: AS_OF };
    await database.db.insert(schema.audienceProfiles).values(stale);
    const report = await refreshAllTags({ pool: database.pool, pseudonymizer, clock }, shop.id);
    expect(report.profiles).toBe(6);
    expect(await versions()).toEqual(before);
  });

  it('refreshes one customer incrementally after a new order, with the last full refresh thresholds', async () => {
    await database.db.insert(schema.orders).values({ shopId: shop.id, id: 500, name: '#500', customerId: 5, currency: 'SGD', totalPrice: '30', discountCodes: [], sourceName: 'web', createdAt: daysAgo(1), updatedAt: daysAgo(1) });
    expect(await refreshSomeTags({ pool: database.pool, pseudonymizer, clock }, shop.id, { orderIds: [500] })).toBe(1);
    const tags = await tagsOf(5);
    // Two orders, one of two with a code (share 0.5, spend share 0.5): repeat, discount high. Recency 1 day gives R 5;
    // 2 orders pass frequency edges [1, 1] (F 3), 60 passes monetary edges [30, 40, 50] (M 4): FM 4, champions. 60 > 40: spend mid.
    expect(tags).toEqual(expect.arrayContaining(['loyalty:repeat', 'discount:high', 'rfm:champions', 'spend:mid']));
    expect(await tagsOf(1)).toContain('rfm:loyal');
  });

  it.each([
    { channels: ['pos', 'web', 'web', 'web'], expected: ['store:web'] },
    { channels: ['web', 'web', 'pos', 'pos', 'shopify_draft_order'], expected: [] },
    { channels: ['pos', 'pos', 'pos', 'web', 'web'], expected: ['store:pos'] },
  ])('tags the store of at least 60% of orders, not the first by name ($channels)', async ({ channels, expected }) => {
    const other = await upsertShop(database.db, { domain: `channels-${channels.length}-${expected.length}.myshopify.com` });
    await database.db.insert(schema.customers).values({ shopId: other.id, id: 1, ...stamp });
    await database.db.insert(schema.orders).values(channels.map((source, i) => ({
      shopId: other.id, id: 1 + i, name: `#${1 + i}`, customerId: 1, currency: 'SGD', totalPrice: '10', discountCodes: [], sourceName: source,
      createdAt: daysAgo(10 + i), updatedAt: daysAgo(10 + i),
    })));
    await refreshAllTags({ pool: database.pool, pseudonymizer, clock }, other.id);
    const subject = await pseudonymizer.pseudonymize(other.id, 'customer', 1);
    const { rows } = await database.pool.query<{ tags: string[] }>('SELECT tags FROM audience_profiles WHERE shop_id = $1 AND subject = $2', [other.id, subject]);
    expect(rows[0]!.tags.filter((tag) => tag.startsWith('store:'))).toEqual(expected);
  });

  it('erases a customer\'s tags on customers/redact, and a later refresh does not bring them back', async () => {
    const holder = audienceSubjectHolder({ pool: database.pool, pseudonymizer });
    expect(await holder.export(shop.id, { customerId: 1 })).toMatchObject({ profiles: [{ tags: expect.arrayContaining(['loyalty:loyal']) }] });
    expect(await holder.erase(shop.id, { customerId: 1 })).toBe(1);
    expect(await holder.erase(shop.id, { customerId: 1 })).toBe(0);
    expect(await tagsOf(1)).toBeUndefined();
    await database.db.update(schema.customers).set({ redactedAt: AS_OF }).where(sqlEq(shop.id, 1));
    await refreshAllTags({ pool: database.pool, pseudonymizer, clock }, shop.id);
    expect(await tagsOf(1)).toBeUndefined();
  });
});

const sqlEq = (shopId: string, id: number) => and(eq(schema.customers.shopId, shopId), eq(schema.customers.id, id));
