import pino from 'pino';
import type { Database } from '../../../db';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { connectToFake, type ConnectedFake } from '../testing/connected-fake';
import { syncShop, type SyncProgress } from './sync-shop';

describe(`sync from the Admin API into Postgres (${testEngine})`, () => {
  let database: Database;
  let connected: ConnectedFake;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    database = await createTestDatabase();
    connected = await connectToFake(database);
  });
  afterAll(async () => {
    await connected.close();
    await database.close();
  });

  const count = async (table: string) => Number((await database.pool.query(`SELECT count(*) FROM ${table} WHERE shop_id = $1`, [connected.shop.id])).rows[0].count);

  it('backfills every product, customer, order and line item with bulk operations, reporting progress', async () => {
    const progress: SyncProgress[] = [];
    const counts = await syncShop({ database, shopId: connected.shop.id, client: connected.client, logger, onProgress: (p) => progress.push(p) });
    const store = connected.fake.state();
    expect(counts).toEqual({ products: 10, customers: 40, orders: 150 });
    expect(await count('orders')).toBe(150);
    expect(await count('customers')).toBe(40);
    expect(await count('products')).toBe(10);
    let expectedItems = 0;
    for (const order of store.store.orders()) expectedItems += order.lineItems.length;
    expect(await count('order_line_items')).toBe(expectedItems);
    expect(progress.some((p) => p.phase === 'ingesting')).toBe(true);
    expect(connected.fake.bulkOperations().length).toBe(3);
    // A finished run says how many it copied, not how many lines its file had (an order's line items too).
    const runs = await database.pool.query(`SELECT kind, objects_done FROM sync_runs WHERE shop_id = $1 AND status = 'completed' ORDER BY kind`, [connected.shop.id]);
    expect(runs.rows.map((r) => [r.kind, Number(r.objects_done)])).toEqual([['full:customers', 40], ['full:orders', 150], ['full:products', 10]]);
  });

  it('keeps what risk control and order status need: client IP, device id, discount codes, tracking', async () => {
    const { rows } = await database.pool.query(
      `SELECT count(*) FILTER (WHERE client_ip IS NOT NULL) AS ips, count(*) FILTER (WHERE device_id IS NOT NULL) AS devices,
              count(*) FILTER (WHERE cardinality(discount_codes) > 0) AS discounted,
              count(*) FILTER (WHERE jsonb_array_length(fulfillments) > 0) AS fulfilled
       FROM orders WHERE shop_id = $1`,
      [connected.shop.id],
    );
    expect(Number(rows[0].ips)).toBeGreaterThan(100);
    expect(Number(rows[0].devices)).toBeGreaterThan(100);
    expect(Number(rows[0].discounted)).toBeGreaterThan(0);
    expect(Number(rows[0].fulfilled)).toBeGreaterThan(0);
  });

  it('then syncs incrementally only what changed since the last run', async () => {
    const before = connected.fake.bulkOperations().length;
    const [first] = connected.fake.state().store.orders();
    await connected.fake.updateOrder(first!.id, { tags: ['vip-check'] });
    const created = await connected.fake.createOrder({});
    const counts = await syncShop({ database, shopId: connected.shop.id, client: connected.client, logger, resources: ['orders'] });
    expect(connected.fake.bulkOperations().length).toBe(before);
    expect(counts.orders).toBeGreaterThanOrEqual(2);
    expect(counts.orders).toBeLessThan(20);
    const { rows } = await database.pool.query('SELECT tags FROM orders WHERE shop_id = $1 AND id = $2', [connected.shop.id, Number(first!.legacyResourceId)]);
    expect(rows[0].tags).toContain('vip-check');
    expect(await count('orders')).toBe(151);
    expect(created.id).toBeDefined();
  });

  it('records each run, so a failed run says why', async () => {
    connected.fake.injectFault({ status: 400, times: 1, body: { errors: [{ message: 'Field does not exist' }] } });
    await expect(syncShop({ database, shopId: connected.shop.id, client: connected.client, logger, resources: ['products'] })).rejects.toThrow();
    const { rows } = await database.pool.query(`SELECT status, error FROM sync_runs WHERE shop_id = $1 ORDER BY started_at DESC LIMIT 1`, [connected.shop.id]);
    expect(rows[0].status).toBe('failed');
    expect(rows[0].error).toBeTruthy();
  });
});
