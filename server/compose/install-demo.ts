import { DEMO_SEED, type DemoShopify, type ShopifyConnector } from '../../connectors/shopify';
import { generateDemoStore } from '../../connectors/shopify/demo-store';
import type { Shop } from '../../db';
import type { RiskService } from '../../risk';
import { demoBlockedDeviceId, seedDemoBlocklist } from './demo-blocklist';

/**
 * Installs the app into the built-in demo store once the server listens (the fake delivers webhooks to it),
 * and blocks one abuse-ring device so the demo shows the refusal and the appeal.
 */
export async function installDemo(deps: {
  demo: DemoShopify;
  connector: ShopifyConnector;
  risk: RiskService;
  port: number;
  orders: number;
}): Promise<DemoShopify & { shopRecord?: Shop }> {
  const { demo } = deps;
  demo.fake.setWebhookTarget(`http://127.0.0.1:${deps.port}/webhooks/shopify`);
  // The fake forgets its tokens on restart, so the demo shop is re-installed on every start.
  const { installed } = await deps.connector.installWithSessionToken(demo.fake.mintSessionToken(), { force: true });
  const deviceId = demoBlockedDeviceId(generateDemoStore({ seed: DEMO_SEED, orders: deps.orders }));
  if (deviceId && installed) await seedDemoBlocklist({ risk: deps.risk, shopId: installed.id, deviceId });
  return { ...demo, shopRecord: installed };
}
