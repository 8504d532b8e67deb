export { findShopByDomain, findShopById, upsertShop, updateShopSettings } from './shop-repository';
export type { Shop } from './shop-repository';
export {
  shopSettingsSchema,
  shopSettingsPatchSchema,
  businessHoursSchema,
  dataProtectionContactSchema,
  defaultShopSettings,
  readShopSettings,
  parseShopSettingsPatch,
  isWithinBusinessHours,
  WEEKDAYS,
  MIN_K_FLOOR,
} from './shop-settings';
export type { ShopSettings, BusinessHours, Weekday, SettingsProblem } from './shop-settings';
