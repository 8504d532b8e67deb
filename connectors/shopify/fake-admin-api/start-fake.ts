import { ValidationError } from '../../../core/errors';
import type { Customer, Order } from '../demo-store';
import { issueToken, type OAuthDeps } from './oauth-routes';
import { customerToRest, orderToRest } from './rest-payloads';
import { mintSessionToken } from './session-token';
import { ShopState } from './shop-state';
import { listen, type Fault, type FakeCore } from './start-fake-admin-api';
import { createCustomer, createOrder, updateCustomer, updateOrder } from './store-changes';
import type { BulkOperationRecord, FakeAdminApiOptions, WebhookDelivery, WriteRecord } from './types';
import { WebhookSender } from './webhook-sender';

/** A running fake Admin API. `shop` arguments default to the first store's domain. */
export interface FakeAdminApi {
  /** Base URL, e.g. `http://127.0.0.1:41234`; a shop lives under `${url}/shops/${shop}`. */
  url: string;
  port: number;
  /** Domain of the first store, e.g. `storedesk-demo.myshopify.com`. */
  shop: string;
  shops: string[];
  /** `${url}/shops/${shop}/admin/api/2025-10/graphql.json` */
  graphqlUrl(shop?: string): string;
  /** Rewrites `https://{shop}.myshopify.com/...` to this fake, for a custom fetch; other URLs pass unchanged. */
  rewriteUrl(url: string): string;
  /** A fetch that sends myshopify.com requests to the fake (for shopify-api's `setAbstractFetchFunc`). */
  fetch: typeof fetch;
  close(): Promise<void>;
  issueAccessToken(shop?: string, options?: { online?: boolean }): string;
  mintSessionToken(shop?: string, options?: { userId?: string | number; ttlSeconds?: number; nowSeconds?: number }): string;
  state(shop?: string): ShopState;
  writes(shop?: string): WriteRecord[];
  bulkOperations(shop?: string): BulkOperationRecord[];
  /** The next `times` GraphQL requests answer `status` (e.g. 503) before any other check. */
  injectFault(fault: { status?: number; times?: number; body?: unknown }): void;
  deliverWebhook(topic: string, payload: unknown, options?: { shop?: string; target?: string }): Promise<WebhookDelivery>;
  redeliverWebhook(webhookId: string): Promise<WebhookDelivery>;
  webhookDeliveries(): WebhookDelivery[];
  setWebhookTarget(url: string | undefined): void;
  createOrder(patch?: Partial<Order>, shop?: string): Promise<Order>;
  updateOrder(id: string, patch: Partial<Order>, shop?: string): Promise<Order>;
  createCustomer(patch?: Partial<Customer>, shop?: string): Promise<Customer>;
  updateCustomer(id: string, patch: Partial<Customer>, shop?: string): Promise<Customer>;
}

function restPayload(state: ShopState, topic: string, record: unknown): unknown {
  if (topic.startsWith('orders/')) {
    const o = record as Order;
    return orderToRest(o, o.customerId ? state.customerById(o.customerId) : null);
  }
  if (topic.startsWith('customers/')) return customerToRest(record as Customer);
  if (topic === 'bulk_operations/finish') {
    const op = record as BulkOperationRecord;
    return { admin_graphql_api_id: op.id, completed_at: op.completedAt, created_at: op.createdAt, error_code: op.errorCode?.toLowerCase() ?? null, status: op.status.toLowerCase(), type: 'query' };
  }
  return record;
}

/** Starts the fake Shopify Admin API on 127.0.0.1 (port 0 by default) for one or more demo stores. */
export async function startFakeAdminApi(options: FakeAdminApiOptions): Promise<FakeAdminApi> {
  const problems = [!options.apiKey && 'apiKey is required', !options.apiSecret && 'apiSecret is required', !options.store && 'store is required'].filter(Boolean) as string[];
  if (problems.length) throw new ValidationError(`Invalid fake Admin API options: ${problems.join('; ')}`);
  const now = options.now ?? Date.now;
  const states = new Map<string, ShopState>();
  for (const store of [options.store, ...(options.stores ?? [])]) {
    states.set(store.shop.myshopifyDomain, new ShopState(store, { maxInMemoryOrders: options.maxInMemoryOrders ?? 200_000, maximumAvailable: options.maximumAvailable ?? 2000, restoreRate: options.restoreRate ?? 100, now }));
  }
  const oauth: OAuthDeps = { apiKey: options.apiKey, apiSecret: options.apiSecret, scopes: options.scopes ?? ['read_orders', 'write_orders', 'read_customers', 'write_customers', 'read_products'], now, tokens: new Map(), codes: new Map() };
  const sender = new WebhookSender(options.apiSecret, now, options.webhookTarget);
  const faults: Fault[] = [];
  const stateOf = (shop?: string): ShopState => {
    const s = states.get(shop ?? options.store.shop.myshopifyDomain);
    if (!s) throw new ValidationError(`The fake serves no shop ${shop}`);
    return s;
  };
  const core: FakeCore = {
    states, oauth, faults, sender,
    emit: (shop, topic, record) => void sender.deliver(topic, shop, restPayload(stateOf(shop), topic, record)).catch(() => undefined),
  };
  const server = await listen(options, core);
  const first = options.store.shop.myshopifyDomain;
  const rewriteUrl = (u: string): string => {
    const m = /^https?:\/\/([a-z0-9-]+\.myshopify\.com)(\/.*)?$/i.exec(u);
    return m ? `${server.baseUrl}/shops/${m[1]!.toLowerCase()}${m[2] ?? '/'}` : u;
  };
  const fire = async (shop: string, topic: string, record: unknown) => sender.deliver(topic, shop, restPayload(stateOf(shop), topic, record));
  return {
    url: server.baseUrl,
    port: server.port,
    shop: first,
    shops: [...states.keys()],
    graphqlUrl: (shop = first) => `${server.baseUrl}/shops/${shop}/admin/api/2025-10/graphql.json`,
    rewriteUrl,
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      if (input instanceof Request) return fetch(new Request(rewriteUrl(input.url), input), init);
      return fetch(rewriteUrl(String(input)), init);
    }) as typeof fetch,
    close: server.close,
    issueAccessToken: (shop = first, o = {}) => (stateOf(shop), issueToken(oauth, shop, o.online ?? false).token),
    mintSessionToken: (shop = first, o = {}) => mintSessionToken({ shop, apiKey: options.apiKey, apiSecret: options.apiSecret, nowSeconds: o.nowSeconds ?? Math.floor(now() / 1000), ...o }),
    state: stateOf,
    writes: (shop) => stateOf(shop).writes,
    bulkOperations: (shop) => stateOf(shop).bulkOperations,
    injectFault: (f) => void faults.push({ status: f.status ?? 503, times: f.times ?? 1, body: f.body }),
    deliverWebhook: (topic, payload, o = {}) => sender.deliver(topic, o.shop ?? first, payload, { target: o.target }),
    redeliverWebhook: (id) => sender.redeliver(id),
    webhookDeliveries: () => sender.deliveries,
    setWebhookTarget: (url) => void (sender.target = url),
    createOrder: async (patch, shop = first) => {
      const o = createOrder(stateOf(shop), now(), patch);
      await fire(shop, 'orders/create', o);
      return o;
    },
    updateOrder: async (id, patch, shop = first) => {
      const o = updateOrder(stateOf(shop), now(), id, patch);
      await fire(shop, 'orders/updated', o);
      return o;
    },
    createCustomer: async (patch, shop = first) => {
      const c = createCustomer(stateOf(shop), now(), patch);
      await fire(shop, 'customers/create', c);
      return c;
    },
    updateCustomer: async (id, patch, shop = first) => {
      const c = updateCustomer(stateOf(shop), now(), id, patch);
      await fire(shop, 'customers/update', c);
      return c;
    },
  };
}
