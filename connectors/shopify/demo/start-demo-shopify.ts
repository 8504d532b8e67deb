import { createHmac } from 'node:crypto';
import { generateDemoStore } from '../demo-store';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api';

/** The built-in demo store: a local fake Admin API the app installs into when no Shopify app is configured. */
export interface DemoShopify {
  fake: FakeAdminApi;
  apiKey: string;
  apiSecret: string;
  shop: string;
}

export const DEMO_SEED = 'storedesk-demo';

/**
 * Starts the fake Admin API over the deterministic demo store. Its app secret derives from the
 * installation's encryption key, so it is stable across restarts and unguessable from outside.
 */
export async function startDemoShopify(options: { encryptionKey: string; orders?: number }): Promise<DemoShopify> {
  const apiKey = 'storedesk-demo-app';
  const apiSecret = createHmac('sha256', Buffer.from(options.encryptionKey, 'hex')).update('demo-app-secret').digest('hex');
  const store = generateDemoStore({ seed: DEMO_SEED, orders: options.orders });
  const fake = await startFakeAdminApi({ store, apiKey, apiSecret, bulkMinRunMs: 200 });
  return { fake, apiKey, apiSecret, shop: fake.shop };
}
