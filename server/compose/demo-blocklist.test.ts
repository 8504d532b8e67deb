import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { generateDemoStore } from '../../connectors/shopify/demo-store';
import { isBlocked, listBlocklistEntries } from '../../risk';
import { createTestRiskService } from '../../risk/product-testing';
import { demoBlockedDeviceId, seedDemoBlocklist } from './demo-blocklist';

describe(`the demo blocklist (${testEngine})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it.each([120, 400])('picks the same abuse-ring device for a demo store of %i orders', (orders) => {
    const store = generateDemoStore({ seed: 'storedesk-demo', orders });
    const device = demoBlockedDeviceId(store);
    expect(device).toBe(store.abuseRings()[0]!.deviceId);
    expect(device).toBe(demoBlockedDeviceId(generateDemoStore({ seed: 'storedesk-demo', orders: 2000 })));
  });

  it('blocks the device in the demo shop only, once, and does not bring it back after it was lifted', async () => {
    const shopId = (await upsertShop(database.db, { domain: 'demo.myshopify.com', name: 'Demo' })).id;
    const other = (await upsertShop(database.db, { domain: 'other.myshopify.com', name: 'Other' })).id;
    const { service: risk } = createTestRiskService(database);
    const deviceId = 'dev_0123456789abcd';
    expect(await seedDemoBlocklist({ risk, shopId, deviceId })).toEqual({ added: true });
    expect(await seedDemoBlocklist({ risk, shopId, deviceId })).toEqual({ added: false });
    expect(await listBlocklistEntries(risk.deps, shopId)).toHaveLength(1);
    expect((await isBlocked(risk.deps, shopId, { device: deviceId })).blocked).toBe(true);
    expect((await isBlocked(risk.deps, other, { device: deviceId })).blocked).toBe(false);
    await database.pool.query('UPDATE risk_blocklist SET removed_at = now() WHERE shop_id = $1', [shopId]);
    expect(await seedDemoBlocklist({ risk, shopId, deviceId })).toEqual({ added: false });
  });
});
