import type { Customer, Order, Product } from '../demo-store';
import { paginate, type PageArgs } from './connection';
import type { ExecContext } from './exec-context';
import { CUSTOMER_FIELDS, ORDER_FIELDS, PRODUCT_FIELDS } from './search-fields';
import { parseSearch, searchPredicate } from './search-query';

type Args = PageArgs & { query?: string | null; sortKey?: string | null };

function sortReader<T extends { createdAt: string; updatedAt: string }>(sortKey: string | null | undefined, extra: Record<string, (t: T) => string | number> = {}) {
  if (!sortKey || sortKey === 'ID' || sortKey === 'RELEVANCE') return undefined;
  if (sortKey === 'CREATED_AT') return (t: T) => Date.parse(t.createdAt);
  if (sortKey === 'UPDATED_AT') return (t: T) => Date.parse(t.updatedAt);
  return extra[sortKey];
}

function filterFor<T>(ctx: ExecContext, query: string | null | undefined, fields: Parameters<typeof searchPredicate<T>>[1]) {
  const unknown: string[] = [];
  const parsed = parseSearch(query);
  const predicate = searchPredicate<T>(parsed, fields, unknown);
  for (const f of unknown) ctx.searchWarnings.push(`Invalid search field for this query: ${f}`);
  return predicate;
}

/** `orders(first, after, query, sortKey, reverse)` */
export function ordersConnection(ctx: ExecContext, args: Args) {
  return paginate<Order>(ctx.state.orders(), args, {
    filter: filterFor(ctx, args.query, ORDER_FIELDS),
    sortValue: sortReader<Order>(args.sortKey, { PROCESSED_AT: (o) => Date.parse(o.processedAt), NAME: (o) => o.name, TOTAL_PRICE: (o) => Number(o.totalPriceSet.shopMoney.amount) }),
    unlimited: ctx.bulk,
  });
}

/** `customers(...)` */
export function customersConnection(ctx: ExecContext, args: Args) {
  return paginate<Customer>(ctx.state.customers(), args, {
    filter: filterFor(ctx, args.query, CUSTOMER_FIELDS),
    sortValue: sortReader<Customer>(args.sortKey, { NAME: (c) => c.displayName }),
    unlimited: ctx.bulk,
  });
}

/** `products(...)` */
export function productsConnection(ctx: ExecContext, args: Args) {
  return paginate<Product>(ctx.state.products, args, {
    filter: filterFor(ctx, args.query, PRODUCT_FIELDS),
    sortValue: sortReader<Product>(args.sortKey, { TITLE: (p) => p.title, VENDOR: (p) => p.vendor, PRODUCT_TYPE: (p) => p.productType, INVENTORY_TOTAL: (p) => p.totalInventory }),
    unlimited: ctx.bulk,
  });
}

/** Finds any object the fake serves by GID (for `node(id:)`). */
export function findNode(ctx: ExecContext, id: string): unknown {
  const type = /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(id)?.[1];
  switch (type) {
    case 'Order': return ctx.state.orderById(id);
    case 'Customer': return ctx.state.customerById(id);
    case 'Product': return ctx.state.productById(id);
    case 'BulkOperation': return ctx.state.bulkOperations.find((b) => b.id === id) ?? null;
    case 'Segment': return ctx.state.segments.find((s) => s.id === id) ?? null;
    case 'Shop': return ctx.state.shop.id === id ? ctx.state.shop : null;
    default: return null;
  }
}

/** Query root fields. */
export const QUERY_ROOT: Record<string, (args: Record<string, unknown>, ctx: ExecContext) => unknown> = {
  shop: (_a, ctx) => ctx.state.shop,
  orders: (a, ctx) => ordersConnection(ctx, a),
  customers: (a, ctx) => customersConnection(ctx, a),
  products: (a, ctx) => productsConnection(ctx, a),
  order: (a, ctx) => (String(a.id).startsWith('gid://shopify/Order/') ? ctx.state.orderById(String(a.id)) : null),
  customer: (a, ctx) => (String(a.id).startsWith('gid://shopify/Customer/') ? ctx.state.customerById(String(a.id)) : null),
  product: (a, ctx) => (String(a.id).startsWith('gid://shopify/Product/') ? ctx.state.productById(String(a.id)) : null),
  node: (a, ctx) => findNode(ctx, String(a.id)),
  nodes: (a, ctx) => (a.ids as string[]).map((id) => findNode(ctx, id)),
  currentBulkOperation: (_a, ctx) => ctx.state.bulkOperations[ctx.state.bulkOperations.length - 1] ?? null,
  bulkOperation: (a, ctx) => ctx.state.bulkOperations.find((b) => b.id === a.id) ?? null,
  segment: (a, ctx) => ctx.state.segments.find((s) => s.id === a.id) ?? null,
  // Without an id, the calling app's pixel.
  webPixel: (a, ctx) => (a.id === undefined || a.id === null || a.id === ctx.state.webPixel?.id ? ctx.state.webPixel : null),
};
