import pino from 'pino';
import type { Database } from '../../../db';
import { createTestDatabase } from '../../../db/testing';
import { connectToFake, type ConnectedFake } from '../testing/connected-fake';
import { createAdminGraphqlClient } from './admin-graphql-client';
import { CostBucket } from './cost-bucket';

describe('the Admin API client', () => {
  let database: Database;
  let connected: ConnectedFake;

  beforeAll(async () => {
    database = await createTestDatabase();
    // A tiny bucket: 60 points, refilling 40 per second, so a few queries drain it.
    connected = await connectToFake(database, { fake: { maximumAvailable: 60, restoreRate: 40 } });
  });
  afterAll(async () => {
    await connected.close();
    await database.close();
  });

  const QUERY = '{ orders(first: 10) { nodes { id name } } }';

  it('waits for the cost bucket instead of failing when the shop is throttled', async () => {
    const waits: number[] = [];
    const client = createAdminGraphqlClient({
      shopify: connected.shopify,
      session: connected.session,
      logger: pino({ level: 'silent' }),
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    const results = [];
    for (let i = 0; i < 8; i += 1) results.push(await client.request<{ orders: { nodes: unknown[] } }>(QUERY));
    expect(results.every((r) => r.orders.nodes.length === 10)).toBe(true);
    expect(waits.length).toBeGreaterThan(0);
  });

  it('recovers from THROTTLED answers when it had no estimate yet (a fresh process)', async () => {
    const fresh = () => createAdminGraphqlClient({ shopify: connected.shopify, session: connected.session, logger: pino({ level: 'silent' }), bucket: new CostBucket() });
    // Several clients with no shared bucket drain the shop together; each must retry, not fail.
    const all = await Promise.all(Array.from({ length: 6 }, () => fresh().request<{ orders: { nodes: unknown[] } }>(QUERY)));
    expect(all).toHaveLength(6);
  });

  it('retries 5xx answers with backoff', async () => {
    connected.fake.injectFault({ status: 502, times: 2 });
    const client = createAdminGraphqlClient({ shopify: connected.shopify, session: connected.session, logger: pino({ level: 'silent' }), sleep: async () => undefined });
    const result = await client.request<{ orders: { nodes: unknown[] } }>(QUERY);
    expect(result.orders.nodes).toHaveLength(10);
  });

  it('gives up with a clear error after too many failures', async () => {
    connected.fake.injectFault({ status: 503, times: 10 });
    const client = createAdminGraphqlClient({ shopify: connected.shopify, session: connected.session, logger: pino({ level: 'silent' }), sleep: async () => undefined, maxRetries: 2 });
    await expect(client.request(QUERY)).rejects.toThrow(/failed after 3 tries/);
  });
});
