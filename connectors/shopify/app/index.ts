export { createShopifyApp, SHOPIFY_API_VERSION } from './create-shopify-app';
export type { ShopifyAppOptions } from './create-shopify-app';
export { toGid, fromGid, normalizeShopDomain } from './gid';
