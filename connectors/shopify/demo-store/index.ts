export { generateDemoStore } from './generate-demo-store';
export { writeOrdersBulkJsonl, ORDERS_BULK_QUERY } from './write-bulk-jsonl';
export { gid, legacyId, ID_BASE } from './ids';
export { DISCOUNT_CODES } from './discount-codes';
export type {
  AbuseRing,
  Attribute,
  Customer,
  DemoStore,
  DemoStoreOptions,
  FinancialStatus,
  Fulfillment,
  FulfillmentStatus,
  LineItem,
  MailingAddress,
  Metafield,
  Money,
  MoneyBag,
  Order,
  Product,
  ProductVariant,
  ShopInfo,
  TrackingInfo,
} from './types';
