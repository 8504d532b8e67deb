import { Session, type Shopify } from '@shopify/shopify-api';
import pino from 'pino';
import { upsertShop, type Database, type Shop } from '../../../db';
import { createAdminGraphqlClient, type AdminGraphqlClient } from '../admin-client';
import { createShopifyApp } from '../app';
import { generateDemoStore, type DemoStoreOptions } from '../demo-store';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api';
import type { FakeAdminApiOptions } from '../fake-admin-api/types';

export const TEST_API_KEY = 'test-api-key';
export const TEST_API_SECRET = 'test-api-secret';

/** A fake Admin API with a small demo store, the app pointed at it, and the shop installed in `database`. */
export interface ConnectedFake {
  fake: FakeAdminApi;
  shopify: Shopify;
  shop: Shop;
  session: Session;
  client: AdminGraphqlClient;
  close(): Promise<void>;
}

/** Starts the fake and connects the real client to it, as tests of the connector need. */
export async function connectToFake(
  database: Database,
  options: { store?: Partial<DemoStoreOptions>; fake?: Partial<FakeAdminApiOptions>; appUrl?: string } = {},
): Promise<ConnectedFake> {
  const store = generateDemoStore({ seed: 'connector-test', products: 10, customers: 40, orders: 150, ...options.store });
  const fake = await startFakeAdminApi({ store, apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET, bulkMinRunMs: 20, ...options.fake });
  const logger = pino({ level: 'silent' });
  const shopify = createShopifyApp({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    appUrl: options.appUrl ?? 'http://127.0.0.1:3978',
    scopes: ['read_orders', 'write_orders', 'read_customers', 'write_customers', 'read_products'],
    logger,
    adminApiOrigin: fake.url,
  });
  const shop = await upsertShop(database.db, { domain: fake.shop, name: store.shop.name });
  const session = new Session({ id: `offline_${fake.shop}`, shop: fake.shop, state: '', isOnline: false, accessToken: fake.issueAccessToken() });
  const client = createAdminGraphqlClient({ shopify, session, logger });
  return { fake, shopify, shop, session, client, close: () => fake.close() };
}
