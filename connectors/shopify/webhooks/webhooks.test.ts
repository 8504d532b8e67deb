import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Server } from 'restify';
import { createSecretBox } from '../../../core/crypto';
import { createMetrics } from '../../../core/metrics';
import type { Database } from '../../../db';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { createApp } from '../../../server/http';
import { createShopifyConnector, type ShopifyConnector } from '../shopify-connector';
import { connectToFake, TEST_API_KEY, TEST_API_SECRET, type ConnectedFake } from '../testing/connected-fake';
import { createPrivacyServices } from '../../../privacy';
import type { ComplianceHandler } from './process-delivery';

describe(`Shopify webhooks (${testEngine})`, () => {
  let database: Database;
  let connected: ConnectedFake;
  let connector: ShopifyConnector;
  let app: Server;
  let url: string;
  let enqueueWorks = true;
  const enqueued: Array<{ deliveryId: string; shopId: string }> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    connected = await connectToFake(database);
    const secrets = createSecretBox('0'.repeat(64));
    const compliance: ComplianceHandler = createPrivacyServices({ database, secrets, logger: pino({ level: 'silent' }) }).compliance;
    connector = createShopifyConnector({
      database,
      secrets,
      logger: pino({ level: 'silent' }),
      app: { apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET, appUrl: 'http://127.0.0.1', scopes: ['read_orders'], adminApiOrigin: connected.fake.url },
      compliance,
      enqueueDelivery: async (deliveryId, shopId) => {
        if (!enqueueWorks) throw new Error('process died before the job was queued');
        enqueued.push({ deliveryId, shopId });
      },
      onInstalled: async () => undefined,
    });
    app = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes: connector.routes });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/webhooks/shopify`;
    connected.fake.setWebhookTarget(url);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => app.close(() => resolve()));
    await connected.close();
    await database.close();
  });

  /** The fake sends store-change webhooks in the background; wait until every one got an answer. */
  const deliveriesSettled = async () => {
    for (let i = 0; i < 200; i += 1) {
      if (connected.fake.webhookDeliveries().every((d) => d.attempts.length > 0)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('webhook deliveries did not settle');
  };
  const storedCount = async () => Number((await database.pool.query('SELECT count(*) FROM webhook_deliveries')).rows[0].count);
  const processAll = async () => {
    await deliveriesSettled();
    const outcomes = [];
    while (enqueued.length > 0) {
      const next = enqueued.shift()!;
      outcomes.push(await connector.processDelivery(next.shopId, next.deliveryId));
    }
    return outcomes;
  };

  it('when a webhook HMAC is wrong, it answers 401 and stores nothing', async () => {
    const before = await storedCount();
    const body = JSON.stringify({ id: 1 });
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-shop-domain': connected.fake.shop,
        'x-shopify-hmac-sha256': Buffer.from('not the right signature').toString('base64'),
        'x-shopify-webhook-id': 'forged-1',
        'x-shopify-api-version': '2026-10',
      },
      body,
    });
    expect(res.status).toBe(401);
    expect(await storedCount()).toBe(before);
  });

  it('when the HMAC header is missing, it answers 401', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create' }, body: '{}' });
    expect(res.status).toBe(401);
  });

  it("keeps a signed webhook whose text holds a NUL or half an emoji, without those, instead of failing Shopify's delivery", async () => {
    const body = '{"id":990001,"note":"gift\\u0000 wrap \\ud83d","tags":"vip\\ud83d\\ude00"}';
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/updated',
        'x-shopify-shop-domain': connected.fake.shop,
        'x-shopify-hmac-sha256': createHmac('sha256', TEST_API_SECRET).update(body).digest('base64'),
        'x-shopify-webhook-id': 'broken-text-1',
        'x-shopify-api-version': '2026-10',
      },
      body,
    });
    expect(res.status).toBe(200);
    const { rows } = await database.pool.query("SELECT payload FROM webhook_deliveries WHERE webhook_id = 'broken-text-1'");
    expect(rows[0].payload).toEqual({ id: 990001, note: 'gift wrap \ufffd', tags: 'vip😀' });
    await database.pool.query("DELETE FROM webhook_deliveries WHERE webhook_id = 'broken-text-1'");
    enqueued.length = 0;
  });

  it('stores a signed webhook before answering, and processing mirrors the order', async () => {
    const order = await connected.fake.createOrder({});
    await deliveriesSettled();
    expect(await storedCount()).toBe(1);
    const [outcome] = await processAll();
    expect(outcome).toMatchObject({ status: 'processed', event: { kind: 'order.created' } });
    const { rows } = await database.pool.query('SELECT name FROM orders WHERE shop_id = $1 AND id = $2', [connected.shop.id, Number(order.legacyResourceId)]);
    expect(rows[0].name).toBe(order.name);
  });

  it('a duplicate delivery of the same webhook id is acknowledged and has one effect', async () => {
    const customer = await connected.fake.createCustomer({});
    await deliveriesSettled();
    const deliveries = connected.fake.webhookDeliveries();
    const last = deliveries[deliveries.length - 1]!;
    await connected.fake.redeliverWebhook(last.webhookId);
    await connected.fake.redeliverWebhook(last.webhookId);
    expect(last.attempts.every((a) => a.status === 200)).toBe(true);
    const { rows } = await database.pool.query('SELECT count(*) FROM webhook_deliveries WHERE webhook_id = $1', [last.webhookId]);
    expect(Number(rows[0].count)).toBe(1);
    const outcomes = await processAll();
    expect(outcomes.filter((o) => o.status === 'processed')).toHaveLength(1);
    expect(customer.id).toBeDefined();
  });

  it('processing the same stored delivery twice has one effect', async () => {
    const { rows } = await database.pool.query('SELECT id, shop_id FROM webhook_deliveries LIMIT 1');
    expect(await connector.processDelivery(rows[0].shop_id, rows[0].id)).toEqual({ status: 'already-processed' });
  });

  it('a delivery stored just before a crash is found by the sweep and processed after restart', async () => {
    enqueueWorks = false;
    const order = await connected.fake.createOrder({});
    await deliveriesSettled();
    enqueueWorks = true;
    expect(enqueued).toHaveLength(0);
    const pending = await connector.pendingDeliveries(0);
    expect(pending).toHaveLength(1);
    expect(await connector.processDelivery(pending[0]!.shopId, pending[0]!.id)).toMatchObject({ status: 'processed' });
    expect(await connector.pendingDeliveries(0)).toHaveLength(0);
    const { rows } = await database.pool.query('SELECT count(*) FROM orders WHERE shop_id = $1 AND id = $2', [connected.shop.id, Number(order.legacyResourceId)]);
    expect(Number(rows[0].count)).toBe(1);
  });

  it('an older copy of an order never overwrites a newer one', async () => {
    const order = await connected.fake.createOrder({});
    await deliveriesSettled();
    await processAll();
    await connected.fake.updateOrder(order.id, { tags: ['newer'] });
    await deliveriesSettled();
    const deliveries = connected.fake.webhookDeliveries();
    const createDelivery = deliveries.find((d) => d.topic === 'orders/create' && d.body.includes(order.name))!;
    await processAll();
    // Shopify may deliver the create again after the update; it must not roll the order back.
    await fetch(url, { method: 'POST', headers: { ...createDelivery.headers, 'x-shopify-webhook-id': `${createDelivery.webhookId}-late` }, body: createDelivery.body }).catch(() => undefined);
    await processAll();
    const { rows } = await database.pool.query('SELECT tags FROM orders WHERE shop_id = $1 AND id = $2', [connected.shop.id, Number(order.legacyResourceId)]);
    expect(rows[0].tags).toEqual(['newer']);
  });

  it('answers the mandatory compliance topics through privacy: an export, then an erasure', async () => {
    const customer = await connected.fake.createCustomer({ email: 'canary.buyer@example.com' });
    await processAll();
    const customerId = Number(customer.legacyResourceId);
    await connected.fake.deliverWebhook('customers/data_request', { shop_domain: connected.fake.shop, customer: { id: customerId, email: 'canary.buyer@example.com' }, orders_requested: [], data_request: { id: 9 } });
    await processAll();
    const requests = await database.pool.query("SELECT kind FROM subject_requests WHERE shop_id = $1", [connected.shop.id]);
    expect(requests.rows.map((r) => r.kind)).toContain('data_request');

    await connected.fake.deliverWebhook('customers/redact', { shop_domain: connected.fake.shop, customer: { id: customerId, email: 'canary.buyer@example.com' }, orders_to_redact: [] });
    await processAll();
    const { rows } = await database.pool.query('SELECT email, redacted_at FROM customers WHERE shop_id = $1 AND id = $2', [connected.shop.id, customerId]);
    expect(rows[0].email).toBeNull();
    expect(rows[0].redacted_at).not.toBeNull();
  });

  it('app/uninstalled revokes the tokens and marks the shop', async () => {
    expect(await connector.sessions.offlineFor(connected.fake.shop)).toBeUndefined();
    await connector.sessions.store(connected.session);
    expect((await connector.sessions.offlineFor(connected.fake.shop))?.accessToken).toBe(connected.session.accessToken);
    await connected.fake.deliverWebhook('app/uninstalled', { id: 1, domain: connected.fake.shop });
    const [outcome] = await processAll();
    expect(outcome).toMatchObject({ status: 'processed', event: { kind: 'app.uninstalled' } });
    expect(await connector.sessions.offlineFor(connected.fake.shop)).toBeUndefined();
    const { rows } = await database.pool.query('SELECT uninstalled_at FROM shops WHERE id = $1', [connected.shop.id]);
    expect(rows[0].uninstalled_at).not.toBeNull();
  });
});
