import type { Session, Shopify } from '@shopify/shopify-api';
import type { Logger } from '../../../core/logging';
import { upsertShop, type Db, type Shop } from '../../../db';
import { createAdminGraphqlClient } from '../admin-client';
import type { SessionStore } from '../sessions';

const SHOP_INFO = '{ shop { name myshopifyDomain ianaTimezone currencyCode } }';

/** What finishing an install needs: the app, where sessions go, and what to do after (an initial sync). */
export interface InstallDeps {
  db: Db;
  shopify: Shopify;
  sessions: SessionStore;
  logger: Logger;
  onInstalled(shop: Shop): Promise<void>;
}

/**
 * Completes an install once Shopify gave us an offline session (by OAuth or token exchange): stores the
 * session with its token encrypted, records the shop with its name, time zone and currency, and starts
 * the first sync.
 */
export async function completeInstall(deps: InstallDeps, session: Session): Promise<Shop> {
  await deps.sessions.store(session);
  const client = createAdminGraphqlClient({ shopify: deps.shopify, session, logger: deps.logger });
  const { shop: info } = await client.request<{ shop: { name: string; ianaTimezone: string; currencyCode: string } }>(SHOP_INFO);
  const shop = await upsertShop(deps.db, { domain: session.shop, name: info.name, timezone: info.ianaTimezone, currency: info.currencyCode });
  deps.logger.info({ shopId: shop.id }, 'shop installed');
  await deps.onInstalled(shop);
  return shop;
}
