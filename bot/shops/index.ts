export { ShopDirectory } from './shop-directory';
export type { BotShop, ShopDirectoryOptions } from './shop-directory';
export { parseBotSettings, WEEKDAYS } from './bot-settings';
export type { BotSettings, BusinessHours, Weekday } from './bot-settings';
