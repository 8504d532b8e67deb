import type { Shopify } from '@shopify/shopify-api';
import type { SecretBox } from '../../core/crypto';
import { AppError } from '../../core/errors';
import type { RouteModule } from '../../core/http';
import type { Logger } from '../../core/logging';
import { findShopById, type Database, type Shop } from '../../db';
import { CostBucket, createAdminGraphqlClient, type AdminGraphqlClient } from './admin-client';
import { createShopifyApp, type ShopifyAppOptions } from './app';
import { installRoutes, installWithSessionToken } from './install';
import { createSessionStore, type SessionStore } from './sessions';
import { syncShop, type SyncProgress } from './sync';
import type { SyncResource } from './sync/queries';
import { pendingDeliveries, processWebhookDelivery, webhookRoutes, type ComplianceHandler, type ProcessOutcome } from './webhooks';
import { createWriteBack, type ShopifyWriteBack } from './write-back';

/** What the connector needs from the composition root. */
export interface ShopifyConnectorDeps {
  database: Database;
  secrets: SecretBox;
  logger: Logger;
  app: Omit<ShopifyAppOptions, 'logger'>;
  compliance: ComplianceHandler;
  /** Hands a stored webhook delivery to a job. */
  enqueueDelivery(deliveryId: string, shopId: string): Promise<void>;
  /** Called once a shop finished installing (the composition root enqueues its first sync). */
  onInstalled(shop: Shop): Promise<void>;
}

/** storedesk's door to Shopify: install, webhooks, sync and write-back. */
export interface ShopifyConnector {
  shopify: Shopify;
  sessions: SessionStore;
  routes: RouteModule[];
  /** Installs or refreshes a shop from an App Bridge session token (the demo uses this at start). */
  installWithSessionToken(token: string, options?: { force?: boolean }): Promise<{ shop: string; installed?: Shop }>;
  clientFor(shopId: string): Promise<AdminGraphqlClient>;
  sync(shopId: string, options?: { mode?: 'full' | 'incremental'; resources?: SyncResource[]; onProgress?: (p: SyncProgress) => void }): Promise<Record<SyncResource, number>>;
  writeBackFor(shopId: string): Promise<ShopifyWriteBack>;
  processDelivery(shopId: string, deliveryId: string): Promise<ProcessOutcome>;
  pendingDeliveries(olderThanMs: number): Promise<Array<{ id: string; shopId: string }>>;
}

/** Builds the connector. */
export function createShopifyConnector(deps: ShopifyConnectorDeps): ShopifyConnector {
  const { database, logger } = deps;
  const shopify = createShopifyApp({ ...deps.app, logger });
  const sessions = createSessionStore({ db: database.db, secrets: deps.secrets });
  const buckets = new Map<string, CostBucket>();

  const clientFor = async (shopId: string) => {
    const shop = await findShopById(database.db, shopId);
    if (!shop) throw new AppError('unknown_shop', 'No such shop', { status: 404 });
    const session = await sessions.offlineFor(shop.domain);
    if (!session?.accessToken || shop.uninstalledAt) {
      throw new AppError('shop_not_connected', `${shop.domain} has no active Shopify connection; install the app again`, { status: 409 });
    }
    let bucket = buckets.get(shopId);
    if (!bucket) buckets.set(shopId, (bucket = new CostBucket()));
    return createAdminGraphqlClient({ shopify, session, logger, bucket });
  };

  const installDeps = { db: database.db, shopify, sessions, logger, onInstalled: deps.onInstalled };
  return {
    shopify,
    sessions,
    installWithSessionToken: (token, options) => installWithSessionToken(installDeps, token, options),
    routes: [
      installRoutes(installDeps),
      webhookRoutes({ db: database.db, shopify, logger, enqueue: deps.enqueueDelivery }),
    ],
    clientFor,
    async sync(shopId, options = {}) {
      return syncShop({ database, shopId, client: await clientFor(shopId), logger, ...options });
    },
    async writeBackFor(shopId) {
      return createWriteBack({ pool: database.pool, shopId, client: await clientFor(shopId) });
    },
    processDelivery: (shopId, deliveryId) =>
      processWebhookDelivery({ database, compliance: deps.compliance, revokeSessions: (id) => sessions.revokeAll(id) }, shopId, deliveryId),
    pendingDeliveries: (olderThanMs) => pendingDeliveries(database, olderThanMs),
  };
}
