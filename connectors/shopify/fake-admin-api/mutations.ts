import type { ExecContext } from './exec-context';
import type { RiskAssessmentRecord, WriteRecord } from './types';
import { webPixelCreate, webPixelUpdate } from './web-pixels';

type Args = Record<string, unknown>;
type UserError = { field?: string[] | null; message: string; code?: string | null };

const SEGMENT_FILTERS = new Set([
  'customer_tags', 'number_of_orders', 'amount_spent', 'customer_email_domain', 'customer_countries', 'customer_cities',
  'customer_regions', 'last_order_date', 'first_order_date', 'customer_added_date', 'email_subscription_status',
  'sms_subscription_status', 'customer_account_status', 'predicted_spend_tier', 'rfm_group', 'customer_language',
  'products_purchased', 'orders_placed', 'abandoned_checkout_date', 'customer_email_subscription_status', 'anniversary',
]);

function record(ctx: ExecContext, mutation: WriteRecord['mutation'], input: Args, userErrors: UserError[]): void {
  ctx.state.writes.push({ mutation, at: new Date(ctx.now()).toISOString(), input: structuredClone(input), userErrors });
}

function splitTags(tags: unknown): string[] {
  return (tags as string[]).flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t.length > 0);
}

function changeTags(ctx: ExecContext, args: Args, mutation: 'tagsAdd' | 'tagsRemove') {
  const id = String(args.id);
  const tags = splitTags(args.tags);
  const errors: UserError[] = [];
  if (tags.length === 0) errors.push({ field: ['tags'], message: 'Tags can\'t be blank' });
  if (tags.some((t) => t.length > 255)) errors.push({ field: ['tags'], message: 'Tags are too long (maximum is 255 characters)' });
  const apply = (current: string[]): string[] =>
    mutation === 'tagsAdd' ? [...current, ...tags.filter((t) => !current.some((c) => c.toLowerCase() === t.toLowerCase()))] : current.filter((c) => !tags.some((t) => t.toLowerCase() === c.toLowerCase()));
  const at = new Date(ctx.now()).toISOString();
  let node: unknown = null;
  if (errors.length === 0) {
    if (id.startsWith('gid://shopify/Customer/')) {
      const c = ctx.state.customerById(id);
      if (c) ctx.state.putCustomer((node = { ...c, tags: apply(c.tags), updatedAt: at }) as typeof c);
    } else if (id.startsWith('gid://shopify/Order/')) {
      const o = ctx.state.orderById(id);
      if (o) ctx.state.putOrder((node = { ...o, tags: apply(o.tags), updatedAt: at }) as typeof o, false);
    } else if (id.startsWith('gid://shopify/Product/')) {
      const p = ctx.state.productById(id);
      if (p) Object.assign((node = p), { tags: apply(p.tags), updatedAt: at });
    }
    if (!node) errors.push({ field: ['id'], message: 'Resource not found' });
  }
  record(ctx, mutation, { id, tags }, errors);
  if (node && id.startsWith('gid://shopify/Customer/')) ctx.emit('customers/update', node);
  if (node && id.startsWith('gid://shopify/Order/')) ctx.emit('orders/updated', node);
  return { node: errors.length ? null : node, userErrors: errors };
}

function riskCreate(ctx: ExecContext, args: Args) {
  const input = args.orderRiskAssessmentInput as { orderId: string; riskLevel: RiskAssessmentRecord['riskLevel']; facts: RiskAssessmentRecord['facts'] };
  const errors: UserError[] = [];
  const order = ctx.state.orderById(input.orderId);
  if (!order) errors.push({ field: ['orderRiskAssessmentInput', 'orderId'], message: 'Order does not exist', code: 'NOT_FOUND' });
  if (input.facts.length > 20) errors.push({ field: ['orderRiskAssessmentInput', 'facts'], message: 'Facts cannot exceed 20', code: 'TOO_LONG' });
  let created: RiskAssessmentRecord | null = null;
  if (errors.length === 0) {
    created = {
      orderId: input.orderId,
      riskLevel: input.riskLevel,
      facts: input.facts.map((f) => ({ description: f.description.slice(0, 256), sentiment: f.sentiment })),
      createdAt: new Date(ctx.now()).toISOString(),
    };
    ctx.state.risk.set(input.orderId, [...(ctx.state.risk.get(input.orderId) ?? []), created]);
  }
  record(ctx, 'orderRiskAssessmentCreate', { orderRiskAssessmentInput: input }, errors);
  return {
    orderRiskAssessment: created && { riskLevel: created.riskLevel, facts: created.facts, provider: { id: 'gid://shopify/App/1', title: 'storedesk', apiKey: ctx.apiKey } },
    userErrors: errors,
  };
}

function segmentCreate(ctx: ExecContext, args: Args) {
  const name = String(args.name).trim();
  const query = String(args.query).trim();
  const errors: UserError[] = [];
  if (!name) errors.push({ field: ['name'], message: 'Name can\'t be blank' });
  else if (ctx.state.segments.some((s) => s.name === name)) errors.push({ field: ['name'], message: 'Name has already been taken' });
  const clauses = query.split(/\s+(?:AND|OR)\s+/);
  const bad = clauses.map((c) => c.replace(/^\(+/, '').split(/\s/)[0] ?? '').find((f) => !SEGMENT_FILTERS.has(f));
  if (!query) errors.push({ field: ['query'], message: 'Query can\'t be blank' });
  else if (bad !== undefined) errors.push({ field: ['query'], message: `Query Line 1 Column 0: '${bad}' filter cannot be found.` });
  let segment = null;
  if (errors.length === 0) {
    const at = new Date(ctx.now()).toISOString();
    segment = { id: `gid://shopify/Segment/${5_100_000_000 + ctx.state.segments.length + 1}`, name, query, creationDate: at, lastEditDate: at };
    ctx.state.segments.push(segment);
  }
  record(ctx, 'segmentCreate', { name, query }, errors);
  return { segment, userErrors: errors };
}

/** Mutation root fields. */
export const MUTATION_ROOT: Record<string, (args: Args, ctx: ExecContext) => unknown> = {
  tagsAdd: (a, ctx) => changeTags(ctx, a, 'tagsAdd'),
  tagsRemove: (a, ctx) => changeTags(ctx, a, 'tagsRemove'),
  orderRiskAssessmentCreate: (a, ctx) => riskCreate(ctx, a),
  segmentCreate: (a, ctx) => segmentCreate(ctx, a),
  bulkOperationRunQuery: (a, ctx) => ctx.startBulk(String(a.query)),
  webPixelCreate: (a, ctx) => webPixelCreate(ctx, a),
  webPixelUpdate: (a, ctx) => webPixelUpdate(ctx, a),
};
