import { legacyId, type Customer, type Order, type Product } from '../demo-store';
import { paginate, type PageArgs } from './connection';
import type { ExecContext } from './exec-context';
import { ordersConnection } from './root-resolvers';

type Args = Record<string, unknown>;
type Resolver = (source: never, args: Args, ctx: ExecContext) => unknown;

function riskSummary(order: Order, ctx: ExecContext): unknown {
  const assessments = (ctx.state.risk.get(order.id) ?? []).map((a) => ({
    riskLevel: a.riskLevel,
    facts: a.facts,
    provider: { id: 'gid://shopify/App/1', title: 'storedesk', apiKey: ctx.apiKey },
  }));
  const levels = new Set(assessments.map((a) => a.riskLevel));
  const recommendation = assessments.length === 0 ? 'NONE' : levels.has('HIGH') ? 'CANCEL' : levels.has('MEDIUM') ? 'INVESTIGATE' : 'ACCEPT';
  return { assessments, recommendation };
}

const slice = <T>(list: T[], args: Args): T[] => (typeof args.first === 'number' ? list.slice(0, args.first) : list);
const nested = <T extends { id: string }>(list: T[], args: Args, ctx: ExecContext) =>
  paginate(list, args as PageArgs, { unlimited: ctx.bulk });

/** Fields that are not plain properties of the stored records. */
const RESOLVERS: Record<string, Record<string, Resolver>> = {
  Order: {
    customer: (o: Order, _a, ctx) => (o.customerId ? ctx.state.customerById(o.customerId) : null),
    risk: (o: Order, _a, ctx) => riskSummary(o, ctx),
    lineItems: (o: Order, a, ctx) => nested(o.lineItems, a, ctx),
    fulfillments: (o: Order, a) => slice(o.fulfillments, a),
    discountCode: (o: Order) => o.discountCodes[0] ?? null,
  },
  LineItem: {
    product: (li: Order['lineItems'][number], _a, ctx) => ctx.state.productById(li.productId),
    variant: (li: Order['lineItems'][number], _a, ctx) => ctx.state.productById(li.productId)?.variants.find((v) => v.id === li.variantId) ?? null,
  },
  Customer: {
    numberOfOrders: (c: Customer, _a, ctx) => String(ctx.state.customerStats(c.id).count),
    amountSpent: (c: Customer, _a, ctx) => ({ amount: (ctx.state.customerStats(c.id).spentCents / 100).toFixed(2), currencyCode: ctx.state.shop.currencyCode }),
    addresses: (c: Customer, a) => slice(c.addresses, a),
    defaultEmailAddress: (c: Customer) => (c.email ? { emailAddress: c.email, marketingState: c.tags.includes('newsletter') ? 'SUBSCRIBED' : 'NOT_SUBSCRIBED' } : null),
    defaultPhoneNumber: (c: Customer) => (c.phone ? { phoneNumber: c.phone } : null),
    metafield: (c: Customer, a) => {
      const m = c.metafields.find((x) => x.key === a.key && (a.namespace == null || x.namespace === a.namespace));
      return m ? { ...m, id: `gid://shopify/Metafield/${legacyId(c.id) * 10 + 1}` } : null;
    },
    orders: (c: Customer, a, ctx) => ordersConnection(ctx, { ...a, query: `customer_id:${legacyId(c.id)} ${String(a.query ?? '')}` }),
  },
  Product: {
    variants: (p: Product, a, ctx) => nested(p.variants, a, ctx),
  },
  ProductVariant: {
    product: (v: { id: string }, _a, ctx) => ctx.state.products.find((p) => p.variants.some((x) => x.id === v.id)) ?? null,
  },
  Fulfillment: {
    trackingInfo: (f: { trackingInfo: unknown[] }, a) => slice(f.trackingInfo, a),
  },
};

/** Resolves `typeName.fieldName` on a stored record; shared by the GraphQL executor and the bulk writer. */
export function resolveField(typeName: string, source: unknown, fieldName: string, args: Args, ctx: ExecContext): unknown {
  const custom = RESOLVERS[typeName]?.[fieldName];
  if (custom) return custom(source as never, args, ctx);
  return (source as Record<string, unknown> | null)?.[fieldName];
}
