import type { Database } from '../../../db';
import { upsertShop } from '../../../db';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { upsertOrders, upsertProducts } from './write-mirror';
import type { OrderRecord } from './records';

describe(`mirror upserts (${testEngine})`, () => {
  let database: Database;
  let shopId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'mirror.myshopify.com' })).id;
  });
  afterAll(() => database.close());

  it.each([[['a,b', 'quote"d', 'back\\slash', '{brace}', 'NULL', '', 'ünï 中文']], [[]]])('keeps tags exactly: %j', async (tags) => {
    await upsertProducts(database.pool, shopId, [{ id: 7, title: 'T', productType: null, vendor: null, tags, status: 'ACTIVE', createdAt: '2026-01-01T00:00:00Z', updatedAt: new Date().toISOString() }]);
    const { rows } = await database.pool.query('SELECT tags FROM products WHERE shop_id = $1 AND id = 7', [shopId]);
    expect(rows[0].tags).toEqual(tags);
  });

  it('only moves an order forward in time', async () => {
    const base: OrderRecord = {
      id: 1, name: '#1', orderNumber: 1, customerId: null, email: null, phone: null, financialStatus: 'PAID', fulfillmentStatus: null, currency: 'SGD',
      totalPrice: '10.00', subtotalPrice: null, totalDiscounts: null, discountCodes: [], tags: ['new'], clientIp: null, deviceId: null,
      shippingAddress: null, billingAddress: null, fulfillments: [], sourceName: null, cancelledAt: null, cancelReason: null, processedAt: null,
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z',
    };
    await upsertOrders(database.pool, shopId, [base]);
    await upsertOrders(database.pool, shopId, [{ ...base, tags: ['old'], updatedAt: '2026-01-01T12:00:00Z' }]);
    const { rows } = await database.pool.query('SELECT tags FROM orders WHERE shop_id = $1 AND id = 1', [shopId]);
    expect(rows[0].tags).toEqual(['new']);
  });
});
