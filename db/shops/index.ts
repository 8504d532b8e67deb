export { findShopByDomain, findShopById, upsertShop, updateShopSettings } from './shop-repository';
export type { Shop } from './shop-repository';
