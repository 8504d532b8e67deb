import { ManualClock } from '../../core/clock';
import type { Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { testShop } from '../product-testing';
import { DEFAULT_RULES } from '../scoring';
import { createShopConfigCache } from './shop-risk-config';

const stricter = { ...DEFAULT_RULES, thresholds: { review: 0.3, deny: 0.6 } };

describe(`per-shop risk settings cached in the process (${testEngine})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(() => database?.close());

  const saveRules = (shopId: string, rules: unknown) =>
    database.pool.query(
      `INSERT INTO risk_shop_state (shop_id, rules) VALUES ($1, $2) ON CONFLICT (shop_id) DO UPDATE SET rules = EXCLUDED.rules`,
      [shopId, JSON.stringify(rules)],
    );

  it('serves the cached rules while a stale entry reloads in the background, then the new ones', async () => {
    const shop = await testShop(database, 'config-stale.myshopify.com');
    const clock = new ManualClock('2026-06-01T08:00:00Z');
    const configs = createShopConfigCache(database.pool, () => clock.now().getTime());
    expect((await configs.get(shop.id)).rules.thresholds).toEqual(DEFAULT_RULES.thresholds);
    await saveRules(shop.id, stricter);
    expect((await configs.get(shop.id)).rules.thresholds).toEqual(DEFAULT_RULES.thresholds);
    clock.advance(31_000);
    expect((await configs.get(shop.id)).rules.thresholds).toEqual(DEFAULT_RULES.thresholds);
    let thresholds = DEFAULT_RULES.thresholds;
    for (let tries = 0; tries < 100 && thresholds.deny !== 0.6; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      thresholds = (await configs.get(shop.id)).rules.thresholds;
    }
    expect(thresholds).toEqual(stricter.thresholds);
  });

  it('reads the settings afresh after a write in this process, even with a reload under way', async () => {
    const shop = await testShop(database, 'config-forget.myshopify.com');
    const clock = new ManualClock('2026-06-01T08:00:00Z');
    const configs = createShopConfigCache(database.pool, () => clock.now().getTime());
    await configs.get(shop.id);
    clock.advance(31_000);
    const stale = configs.get(shop.id);
    await saveRules(shop.id, stricter);
    configs.forget(shop.id);
    await stale;
    expect((await configs.get(shop.id)).rules.thresholds).toEqual(stricter.thresholds);
  });
});
