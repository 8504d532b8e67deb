/**
 * Demo store records, shaped like Shopify Admin GraphQL 2025-10 objects (camelCase fields, GIDs,
 * MoneyBag/MoneyV2 amounts as decimal strings), so a GraphQL executor can return them as they are.
 */

/** MoneyV2: amount is a decimal string, as Shopify sends it. */
export interface Money {
  amount: string;
  currencyCode: string;
}

/** MoneyBag: the same amount in the shop's and the buyer's currency. */
export interface MoneyBag {
  shopMoney: Money;
  presentmentMoney: Money;
}

/** MailingAddress. Singapore addresses put block and street in address1 and the unit in address2. */
export interface MailingAddress {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string | null;
  country: string;
  countryCodeV2: string;
  zip: string;
  phone: string | null;
}

/** Attribute: a key/value pair (REST `note_attributes`). */
export interface Attribute {
  key: string;
  value: string;
}

/** Metafield, as far as the demo uses it (the customer birthday is `facts.birth_date`). */
export interface Metafield {
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export interface ProductVariant {
  id: string;
  title: string;
  sku: string;
  price: string;
  inventoryQuantity: number;
}

export interface Product {
  id: string;
  legacyResourceId: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
  tags: string[];
  createdAt: string;
  updatedAt: string;
  totalInventory: number;
  variants: ProductVariant[];
}

export interface Customer {
  id: string;
  legacyResourceId: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  verifiedEmail: boolean;
  state: 'ENABLED' | 'DISABLED' | 'INVITED' | 'DECLINED';
  locale: string;
  note: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  defaultAddress: MailingAddress | null;
  addresses: MailingAddress[];
  metafields: Metafield[];
}

export interface LineItem {
  id: string;
  title: string;
  name: string;
  quantity: number;
  sku: string;
  vendor: string;
  variantTitle: string;
  productId: string;
  variantId: string;
  originalUnitPriceSet: MoneyBag;
  discountedTotalSet: MoneyBag;
}

export interface TrackingInfo {
  company: string;
  number: string;
  url: string;
}

export interface Fulfillment {
  id: string;
  status: 'SUCCESS' | 'CANCELLED' | 'ERROR' | 'FAILURE' | 'OPEN' | 'PENDING';
  createdAt: string;
  trackingInfo: TrackingInfo[];
}

export type FinancialStatus = 'PAID' | 'PENDING' | 'AUTHORIZED' | 'REFUNDED' | 'PARTIALLY_REFUNDED' | 'VOIDED';
export type FulfillmentStatus = 'FULFILLED' | 'UNFULFILLED' | 'PARTIALLY_FULFILLED' | 'IN_PROGRESS';

export interface Order {
  id: string;
  legacyResourceId: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  cancelReason: 'CUSTOMER' | 'DECLINED' | 'FRAUD' | 'INVENTORY' | 'OTHER' | 'STAFF' | null;
  closedAt: string | null;
  displayFinancialStatus: FinancialStatus;
  displayFulfillmentStatus: FulfillmentStatus;
  currencyCode: string;
  clientIp: string | null;
  sourceName: string;
  test: boolean;
  note: string | null;
  tags: string[];
  discountCodes: string[];
  customAttributes: Attribute[];
  /** GID of the buyer; the Admin API resolves it to a Customer. */
  customerId: string | null;
  shippingAddress: MailingAddress | null;
  billingAddress: MailingAddress | null;
  subtotalPriceSet: MoneyBag;
  totalDiscountsSet: MoneyBag;
  totalShippingPriceSet: MoneyBag;
  totalTaxSet: MoneyBag;
  totalPriceSet: MoneyBag;
  lineItems: LineItem[];
  fulfillments: Fulfillment[];
}

/** Basic facts about the shop. */
export interface ShopInfo {
  id: string;
  name: string;
  email: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
  /** The storefront's primary domain (the myshopify domain until the merchant connects their own). */
  primaryDomain: { host: string; url: string };
}

/** A planted abuse pattern, the ground truth for risk tests. */
export interface AbuseRing {
  kind: 'shared-device-coupon-farm';
  deviceId: string;
  clientIp: string;
  discountCode: string;
  /** Base mailbox the accounts are plus-tag variants of, e.g. `kai.tan@gmail.com`. */
  baseEmail: string;
  customerIds: string[];
  orderIds: string[];
}

/** Sizes and seed of a demo store. */
export interface DemoStoreOptions {
  seed: string | number;
  products?: number;
  customers?: number;
  orders?: number;
  /** Shop domain; defaults to `storedesk-demo.myshopify.com`. */
  shop?: string;
  /** Months of history, ending at `endDate`; default 18. */
  months?: number;
  /** Last possible order date; default 2026-11-01T00:00:00Z (fixed, so output never depends on today). */
  endDate?: string;
}

/**
 * A deterministic demo store. Products and customers are small enough to hold; orders are generated
 * on demand, in ascending id and creation order, so a million of them never sit in memory.
 */
export interface DemoStore {
  readonly seed: string;
  readonly shop: ShopInfo;
  readonly productCount: number;
  readonly customerCount: number;
  readonly orderCount: number;
  products(): Product[];
  customer(index: number): Customer;
  customers(): IterableIterator<Customer>;
  orders(): IterableIterator<Order>;
  /** The planted abuse rings (ground truth). */
  abuseRings(): AbuseRing[];
  /** The discount codes the store offers; `firstOrder` codes are meant for a buyer's first order only. */
  discountCodes(): Array<{ code: string; percent: number; firstOrder: boolean }>;
}
