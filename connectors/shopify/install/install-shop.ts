import { RequestedTokenType, type Session, type Shopify } from '@shopify/shopify-api';
import { UnauthorizedError } from '../../../core/errors';
import { normalizeShopDomain } from '../app';
import type { Logger } from '../../../core/logging';
import { upsertShop, type Db, type Shop } from '../../../db';
import { createAdminGraphqlClient } from '../admin-client';
import type { SessionStore } from '../sessions';
import { activateWebPixel } from './activate-web-pixel';

const SHOP_INFO = '{ shop { name myshopifyDomain ianaTimezone currencyCode primaryDomain { host } } }';

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
 * session with its token encrypted, records the shop with its name, time zone, currency and storefront domain, activates
 * the storedesk-pixel Web Pixel with our app URL, and starts the first sync.
 */
export async function completeInstall(deps: InstallDeps, session: Session): Promise<Shop> {
  await deps.sessions.store(session);
  const client = createAdminGraphqlClient({ shopify: deps.shopify, session, logger: deps.logger });
  const { shop: info } = await client.request<{ shop: { name: string; ianaTimezone: string; currencyCode: string; primaryDomain: { host: string } } }>(SHOP_INFO);
  const host = info.primaryDomain.host.toLowerCase();
  const shop = await upsertShop(deps.db, {
    domain: session.shop,
    name: info.name,
    timezone: info.ianaTimezone,
    currency: info.currencyCode,
    // A storefront on the merchant's own domain: storefront scripts post from there.
    primaryDomain: host === session.shop.toLowerCase() ? null : host,
  });
  deps.logger.info({ shopId: shop.id }, 'shop installed');
  await activatePixel(deps, client, shop);
  await deps.onInstalled(shop);
  return shop;
}

/**
 * The checkout device reports need the pixel, but a shop without it still works (the cart attribute and
 * sign-up reports remain), so a failure here is logged and the install goes on.
 */
async function activatePixel(deps: InstallDeps, client: ReturnType<typeof createAdminGraphqlClient>, shop: Shop): Promise<void> {
  const appUrl = `${deps.shopify.config.hostScheme}://${deps.shopify.config.hostName}`;
  try {
    const result = await activateWebPixel(client, appUrl);
    if (result.activated) deps.logger.info({ shopId: shop.id, created: result.created }, 'web pixel activated');
    else deps.logger.warn({ shopId: shop.id, userErrors: result.errors }, 'web pixel not activated');
  } catch (error) {
    deps.logger.warn({ shopId: shop.id, err: error }, 'web pixel not activated');
  }
}

/**
 * Installs (or refreshes) a shop from an App Bridge session token by token exchange. Returns the shop,
 * or `undefined` when it was already installed and `force` is off.
 */
export async function installWithSessionToken(deps: InstallDeps, token: string, options: { force?: boolean } = {}): Promise<{ shop: string; installed?: Shop }> {
  let payload;
  try {
    payload = await deps.shopify.session.decodeSessionToken(token);
  } catch {
    throw new UnauthorizedError('The session token is invalid or expired');
  }
  const shop = normalizeShopDomain(payload.dest);
  if (!shop) throw new UnauthorizedError('The session token names no shop');
  const existing = await deps.sessions.offlineFor(shop);
  if (existing?.accessToken && !options.force) return { shop };
  const { session } = await deps.shopify.auth.tokenExchange({ shop, sessionToken: token, requestedTokenType: RequestedTokenType.OfflineAccessToken });
  return { shop, installed: await completeInstall(deps, session) };
}
