import { ManualClock } from '../../core/clock';
import type { Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createIdentifierHasher } from '../identity-graph';
import { testShop } from '../product-testing';
import { recordFailedLookup } from '../decisions/record-failed-lookup';
import { FAILED_LOOKUP_KEEP_MS, riskRetentionTargets } from './failed-lookup-retention';

const HOUR = 3_600_000;

describe(`failed order look-ups are kept only while they count (${testEngine})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('deletes the shop\'s look-ups older than a day, and nothing else', async () => {
    const shop = await testShop(database, 'lookups-retention.myshopify.com');
    const other = await testShop(database, 'lookups-other.myshopify.com');
    const clock = new ManualClock('2026-11-30T12:00:00Z');
    const deps = { db: database.pool, hasher: createIdentifierHasher('retention-test-secret-0123456789') };
    const now = clock.now().getTime();
    for (const ago of [30 * HOUR, 25 * HOUR, 23 * HOUR, 1 * HOUR]) {
      await recordFailedLookup(deps, shop.id, { at: new Date(now - ago), device: 'dev_retention', ip: '203.0.113.9' });
      await recordFailedLookup(deps, other.id, { at: new Date(now - ago), device: 'dev_retention' });
    }
    const count = async (shopId: string) =>
      Number((await database.pool.query('SELECT count(*) AS n FROM risk_failed_lookups WHERE shop_id = $1', [shopId])).rows[0].n);
    expect(await count(shop.id)).toBe(8); // device and IP: one row each per look-up

    const [target] = riskRetentionTargets({ db: database.pool, clock });
    expect(await target!.purge(shop.id)).toBe(4);
    expect(await count(shop.id)).toBe(4);
    expect(await count(other.id)).toBe(4);
    const { rows } = await database.pool.query('SELECT min(at) AS oldest FROM risk_failed_lookups WHERE shop_id = $1', [shop.id]);
    expect(now - Number(rows[0].oldest)).toBeLessThanOrEqual(FAILED_LOOKUP_KEEP_MS);
    expect(await target!.purge(shop.id)).toBe(0);
  });
});
