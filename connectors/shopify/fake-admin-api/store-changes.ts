import { ID_BASE, gid, type Customer, type Order } from '../demo-store';
import { NotFoundError } from '../../../core/errors';
import type { ShopState } from './shop-state';

/** Creates an order in the shop, shaped like the store's own (the first order is the template). */
export function createOrder(state: ShopState, nowMs: number, patch: Partial<Order> = {}): Order {
  const template = state.orders().next().value as Order | undefined;
  if (!template) throw new NotFoundError('The store has no order to use as a template; create one with a full Order');
  const numeric = state.nextOrderNumericId();
  const at = new Date(nowMs).toISOString();
  const index = numeric - ID_BASE.order - 1;
  const order: Order = {
    ...structuredClone(template),
    id: gid('Order', numeric),
    legacyResourceId: String(numeric),
    name: `#${1001 + index}`,
    createdAt: at,
    updatedAt: at,
    processedAt: at,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    displayFulfillmentStatus: 'UNFULFILLED',
    fulfillments: [],
    lineItems: template.lineItems.map((li, k) => ({ ...li, id: gid('LineItem', ID_BASE.lineItem + (index + 1) * 8 + k) })),
    ...patch,
  };
  state.putOrder(order, true);
  return order;
}

/** Changes an order; `updatedAt` moves to now unless the patch sets it. */
export function updateOrder(state: ShopState, nowMs: number, id: string, patch: Partial<Order>): Order {
  const current = state.orderById(id);
  if (!current) throw new NotFoundError(`No order ${id}`);
  const order = { ...current, updatedAt: new Date(nowMs).toISOString(), ...patch, id: current.id };
  state.putOrder(order, false);
  return order;
}

/** Creates a customer (the store's first customer is the template for fields not given). */
export function createCustomer(state: ShopState, nowMs: number, patch: Partial<Customer> = {}): Customer {
  const list = state.customers();
  const numeric = ID_BASE.customer + list.length + 1 + 1_000_000_000;
  const at = new Date(nowMs).toISOString();
  const template = list[0];
  const customer: Customer = {
    firstName: 'New', lastName: 'Customer', displayName: 'New Customer', email: null, phone: null, verifiedEmail: false, state: 'ENABLED',
    locale: 'en', note: null, tags: [], defaultAddress: template?.defaultAddress ?? null, addresses: template ? [...template.addresses] : [], metafields: [],
    ...patch,
    id: gid('Customer', numeric),
    legacyResourceId: String(numeric),
    createdAt: patch.createdAt ?? at,
    updatedAt: patch.updatedAt ?? at,
  };
  state.putCustomer(customer);
  return customer;
}

/** Changes a customer; `updatedAt` moves to now unless the patch sets it. */
export function updateCustomer(state: ShopState, nowMs: number, id: string, patch: Partial<Customer>): Customer {
  const current = state.customerById(id);
  if (!current) throw new NotFoundError(`No customer ${id}`);
  const customer = { ...current, updatedAt: new Date(nowMs).toISOString(), ...patch, id: current.id };
  state.putCustomer(customer);
  return customer;
}
