import { DEFAULT_RULES, LearnedModel, parseRulesDocument, type LearnedModelJson, type RulesDocument } from '../scoring';
import { RunningAmountStats } from '../signals';
import type { Queryable } from '../store';

/** What scoring needs of one shop: its rules (with thresholds), its model, its order-value statistics. */
export interface ShopRiskConfig {
  rules: RulesDocument;
  model?: LearnedModel;
  amountStats: RunningAmountStats;
}

const CONFIG_TTL_MS = 30_000;
const AMOUNTS_TTL_MS = 5 * 60_000;
const AMOUNT_SAMPLE = 5_000;

/**
 * Per-shop settings cached in the process: rules and model change rarely (and a write clears the
 * cache here), and the amount statistics barely move between orders, so the hot path reads neither.
 */
export function createShopConfigCache(db: Queryable, now: () => number) {
  const cache = new Map<string, { config: ShopRiskConfig; loadedAt: number; amountsAt: number }>();

  async function loadAmounts(shopId: string): Promise<RunningAmountStats> {
    const { rows } = await db.query<{ amount: number }>({
      text: `SELECT amount FROM risk_orders WHERE shop_id = $1 AND amount IS NOT NULL AND NOT payment_failed ORDER BY at DESC LIMIT ${AMOUNT_SAMPLE}`,
      values: [shopId],
    });
    const stats = new RunningAmountStats();
    for (const row of rows) stats.observe(row.amount);
    return stats;
  }

  async function load(shopId: string): Promise<ShopRiskConfig> {
    const { rows } = await db.query<{ rules: unknown; model: LearnedModelJson | null }>({
      text: 'SELECT rules, model FROM risk_shop_state WHERE shop_id = $1',
      values: [shopId],
    });
    const parsed = rows[0]?.rules ? parseRulesDocument(rows[0].rules) : undefined;
    const model = rows[0]?.model ? LearnedModel.fromJSON(rows[0].model) : undefined;
    return { rules: parsed?.ok ? parsed.rules : DEFAULT_RULES, model, amountStats: new RunningAmountStats() };
  }

  return {
    async get(shopId: string): Promise<ShopRiskConfig> {
      const at = now();
      let entry = cache.get(shopId);
      if (!entry || at - entry.loadedAt > CONFIG_TTL_MS) {
        const config = await load(shopId);
        const keepAmounts = entry && at - entry.amountsAt <= AMOUNTS_TTL_MS;
        config.amountStats = keepAmounts ? entry!.config.amountStats : await loadAmounts(shopId);
        entry = { config, loadedAt: at, amountsAt: keepAmounts ? entry!.amountsAt : at };
        cache.set(shopId, entry);
      }
      return entry.config;
    },
    forget(shopId: string): void {
      cache.delete(shopId);
    },
  };
}

/** The cache of {@link createShopConfigCache}. */
export type ShopConfigCache = ReturnType<typeof createShopConfigCache>;
