import '@shopify/shopify-api/adapters/node';
import { ApiVersion, LogSeverity, shopifyApi, type Shopify } from '@shopify/shopify-api';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';
import type { Logger } from '../../../core/logging';

/** The Admin API version storedesk is written and tested against. */
export const SHOPIFY_API_VERSION = ApiVersion.October26;

/** What the connector needs to talk to Shopify as this app. */
export interface ShopifyAppOptions {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes: string[];
  logger: Logger;
  /**
   * Sends every `https://{shop}.myshopify.com` request to this origin instead, as
   * `{origin}/shops/{shop}.myshopify.com/...`: the local fake Admin API of tests and the demo.
   * The library's clients force https, so this is the only way to reach a local server.
   */
  adminApiOrigin?: string;
}

let adminApiOrigin: string | undefined;
let fetchInstalled = false;

function installFetch(): void {
  if (fetchInstalled) return;
  fetchInstalled = true;
  setAbstractFetchFunc(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (adminApiOrigin) {
      const match = /^https:\/\/([a-z0-9][a-z0-9-]*\.myshopify\.com)(\/.*)?$/i.exec(url);
      if (match) return fetch(`${adminApiOrigin}/shops/${match[1]!.toLowerCase()}${match[2] ?? '/'}`, init);
    }
    return fetch(input, init);
  });
}

/** Builds the `@shopify/shopify-api` instance for this app. */
export function createShopifyApp(options: ShopifyAppOptions): Shopify {
  installFetch();
  adminApiOrigin = options.adminApiOrigin;
  const app = new URL(options.appUrl);
  return shopifyApi({
    apiKey: options.apiKey,
    apiSecretKey: options.apiSecret,
    scopes: options.scopes,
    hostName: app.host,
    hostScheme: app.protocol === 'http:' ? 'http' : 'https',
    apiVersion: SHOPIFY_API_VERSION,
    isEmbeddedApp: true,
    logger: {
      level: LogSeverity.Warning,
      httpRequests: false,
      timestamps: false,
      log: async (severity, message) => {
        if (severity <= LogSeverity.Error) options.logger.error({ component: 'shopify' }, message);
        else options.logger.warn({ component: 'shopify' }, message);
      },
    },
  });
}
