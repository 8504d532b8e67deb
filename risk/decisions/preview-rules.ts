import type { RiskServiceDeps } from '../ports';
import { LearnedModel, scoreFeatures, type LearnedModelJson, type RulesDocument } from '../scoring';
import { FEATURE_NAMES, type Features } from '../signals';
import { getShopRules, parseRulesOrThrow } from './risk-rules-settings';
import type { DecisionCounts, RulesPreview } from './rules-view-types';

/** The most recent orders a preview replays: enough to show a shop's mix, few enough to answer at once. */
export const PREVIEW_ORDERS = 2_000;
const EXAMPLES = 10;

function toFeatures(stored: Record<string, number | null>): Features {
  return Object.fromEntries(FEATURE_NAMES.map((name) => [name, stored[name] ?? Number.NaN])) as Features;
}

const emptyCounts = (): DecisionCounts => ({ allow: 0, review: 0, deny: 0 });

/**
 * Replays the shop's recent orders under edited rules without saving them. Each order is scored from
 * the features stored with its verdict, i.e. what was known when it was placed (as in a backtest),
 * by the same `scoreFeatures` the live path uses, under the saved rules and under the edited ones.
 */
export async function previewShopRules(deps: Pick<RiskServiceDeps, 'db'>, shopId: string, input: unknown, limit = PREVIEW_ORDERS): Promise<RulesPreview> {
  const edited = parseRulesOrThrow(input, 'The rules cannot be tried');
  const [{ rules: current }, model, orders] = await Promise.all([getShopRules(deps, shopId), loadModel(deps, shopId), recentOrders(deps, shopId, Math.min(limit, PREVIEW_ORDERS))]);
  return replay(orders, current, edited, model);
}

function replay(orders: RecentOrder[], current: RulesDocument, edited: RulesDocument, model: LearnedModel | undefined): RulesPreview {
  const preview: RulesPreview = { orders: orders.length, from: null, to: null, current: emptyCounts(), edited: emptyCounts(), changed: 0, examples: [], modelBlended: model !== undefined };
  const changes: RulesPreview['examples'] = [];
  for (const order of orders) {
    const before = scoreFeatures(order.features, current, model).decision;
    const after = scoreFeatures(order.features, edited, model);
    preview.current[before] += 1;
    preview.edited[after.decision] += 1;
    if (before !== after.decision) changes.push({ orderId: order.orderId, from: before, to: after.decision, score: after.score });
  }
  preview.changed = changes.length;
  preview.examples = changes.sort((a, b) => b.score - a.score).slice(0, EXAMPLES);
  if (orders.length > 0) {
    preview.from = new Date(orders.at(-1)!.at).toISOString();
    preview.to = new Date(orders[0]!.at).toISOString();
  }
  return preview;
}

interface RecentOrder {
  orderId: string;
  at: number;
  features: Features;
}

// The newest orders come from `risk_orders_recent_idx`; each verdict then by its subject index. The
// LIMIT 1 keeps the lateral lookup a per-order index probe, whatever the statistics say: a hash join
// would read every verdict of the shop.
async function recentOrders(deps: Pick<RiskServiceDeps, 'db'>, shopId: string, limit: number): Promise<RecentOrder[]> {
  const { rows } = await deps.db.query<{ order_id: string; at: string | number; features: Record<string, number | null> }>({
    text: `SELECT o.order_id, o.at, v.features
           FROM (SELECT order_id, at FROM risk_orders WHERE shop_id = $1 ORDER BY at DESC LIMIT $2) o
           CROSS JOIN LATERAL (SELECT features FROM risk_verdicts WHERE shop_id = $1 AND subject_type = 'order' AND subject_id = o.order_id LIMIT 1) v
           ORDER BY o.at DESC`,
    values: [shopId, limit],
  });
  return rows.map((row) => ({ orderId: row.order_id, at: Number(row.at), features: toFeatures(row.features) }));
}

async function loadModel(deps: Pick<RiskServiceDeps, 'db'>, shopId: string): Promise<LearnedModel | undefined> {
  const { rows } = await deps.db.query<{ model: LearnedModelJson | null }>({ text: 'SELECT model FROM risk_shop_state WHERE shop_id = $1', values: [shopId] });
  return rows[0]?.model ? LearnedModel.fromJSON(rows[0].model) : undefined;
}
