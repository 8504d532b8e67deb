import { createShopifyConnector, startDemoShopify, type ShopifyConnector } from '../../connectors/shopify';
import { createSecretBox } from '../../core/crypto';
import { createPrivacyServices } from '../../privacy';
import type { CliContext } from './cli-context';

/**
 * The Shopify connector for a CLI command. With a Shopify app configured it uses the shop's stored
 * session; on the demo default it starts the same deterministic demo store the server runs and
 * re-installs into it, since a fake Admin API forgets its tokens between processes.
 */
export async function openCliConnector(context: CliContext): Promise<{ connector: ShopifyConnector; close(): Promise<void> }> {
  const { config, logger } = context;
  const database = await context.database();
  const secrets = createSecretBox(config.ENCRYPTION_KEY!);
  const privacy = createPrivacyServices({ database, secrets, logger });
  const demo = config.SHOPIFY_API_KEY ? undefined : await startDemoShopify({ encryptionKey: config.ENCRYPTION_KEY!, orders: config.DEMO_ORDERS });
  const app = demo
    ? { apiKey: demo.apiKey, apiSecret: demo.apiSecret, appUrl: `http://localhost:${config.PORT}`, adminApiOrigin: demo.fake.url }
    : { apiKey: config.SHOPIFY_API_KEY!, apiSecret: config.SHOPIFY_API_SECRET!, appUrl: config.SHOPIFY_APP_URL! };
  const connector = createShopifyConnector({
    database,
    secrets,
    logger,
    app: { ...app, scopes: config.SCOPES.split(',').map((s) => s.trim()) },
    compliance: privacy.compliance,
    enqueueDelivery: async () => undefined,
    onInstalled: async () => undefined,
  });
  if (demo) await connector.installWithSessionToken(demo.fake.mintSessionToken(), { force: true });
  return { connector, close: async () => demo?.fake.close() };
}
