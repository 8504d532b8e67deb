import { legacyId, type Customer, type Order, type Product } from '../demo-store';
import type { FieldKind, FieldReader } from './search-query';

type Fields<T> = Record<string, { kind: FieldKind; read: FieldReader<T> }>;

const lower = (s: string | null | undefined): string | null => (s ? s.toLowerCase() : null);

/** Order search fields the fake understands (Shopify's names). */
export const ORDER_FIELDS: Fields<Order> = {
  id: { kind: 'number', read: (o) => legacyId(o.id) },
  created_at: { kind: 'date', read: (o) => o.createdAt },
  updated_at: { kind: 'date', read: (o) => o.updatedAt },
  processed_at: { kind: 'date', read: (o) => o.processedAt },
  email: { kind: 'text', read: (o) => o.email },
  name: { kind: 'text', read: (o) => o.name },
  tag: { kind: 'text', read: (o) => o.tags },
  customer_id: { kind: 'number', read: (o) => (o.customerId ? legacyId(o.customerId) : null) },
  financial_status: { kind: 'text', read: (o) => o.displayFinancialStatus.toLowerCase() },
  fulfillment_status: { kind: 'text', read: (o) => (o.displayFulfillmentStatus === 'FULFILLED' ? 'shipped' : o.displayFulfillmentStatus === 'PARTIALLY_FULFILLED' ? 'partial' : 'unshipped') },
  status: { kind: 'text', read: (o) => (o.cancelledAt ? 'cancelled' : o.closedAt ? 'closed' : 'open') },
  discount_code: { kind: 'text', read: (o) => o.discountCodes },
};

/** Customer search fields the fake understands. */
export const CUSTOMER_FIELDS: Fields<Customer> = {
  id: { kind: 'number', read: (c) => legacyId(c.id) },
  created_at: { kind: 'date', read: (c) => c.createdAt },
  updated_at: { kind: 'date', read: (c) => c.updatedAt },
  email: { kind: 'text', read: (c) => lower(c.email) },
  phone: { kind: 'text', read: (c) => c.phone },
  first_name: { kind: 'text', read: (c) => c.firstName },
  last_name: { kind: 'text', read: (c) => c.lastName },
  tag: { kind: 'text', read: (c) => c.tags },
  country: { kind: 'text', read: (c) => c.defaultAddress?.country ?? null },
  state: { kind: 'text', read: (c) => c.state.toLowerCase() },
};

/** Product search fields the fake understands. */
export const PRODUCT_FIELDS: Fields<Product> = {
  id: { kind: 'number', read: (p) => legacyId(p.id) },
  created_at: { kind: 'date', read: (p) => p.createdAt },
  updated_at: { kind: 'date', read: (p) => p.updatedAt },
  title: { kind: 'text', read: (p) => p.title },
  vendor: { kind: 'text', read: (p) => p.vendor },
  product_type: { kind: 'text', read: (p) => p.productType },
  status: { kind: 'text', read: (p) => p.status.toLowerCase() },
  tag: { kind: 'text', read: (p) => p.tags },
  sku: { kind: 'text', read: (p) => p.variants.map((v) => v.sku) },
};
