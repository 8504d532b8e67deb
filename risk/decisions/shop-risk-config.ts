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
 * Only a shop's first order waits for them; after that a stale entry is served while it is
 * reloaded in the background, so scoring never waits on the reload (or on the 5,000-row sample).
 */
export function createShopConfigCache(db: Queryable, now: () => number, onError?: (error: unknown, context: string) => void) {
  const cache = new Map<string, { config: ShopRiskConfig; loadedAt: number; amountsAt: number }>();
  const reloading = new Map<string, Promise<ShopRiskConfig>>();
  // Bumped by `forget`, so that a reload begun before a settings write never lands after it.
  const generations = new Map<string, number>();

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

  async function refresh(shopId: string): Promise<ShopRiskConfig> {
    const at = now();
    const generation = generations.get(shopId) ?? 0;
    const entry = cache.get(shopId);
    const config = await load(shopId);
    const keepAmounts = entry !== undefined && at - entry.amountsAt <= AMOUNTS_TTL_MS;
    config.amountStats = keepAmounts ? entry.config.amountStats : await loadAmounts(shopId);
    if ((generations.get(shopId) ?? 0) === generation) cache.set(shopId, { config, loadedAt: at, amountsAt: keepAmounts ? entry.amountsAt : at });
    return config;
  }

  /** One reload per shop at a time. */
  function reload(shopId: string): Promise<ShopRiskConfig> {
    let pending = reloading.get(shopId);
    if (!pending) {
      pending = refresh(shopId).finally(() => {
        if (reloading.get(shopId) === pending) reloading.delete(shopId);
      });
      reloading.set(shopId, pending);
    }
    return pending;
  }

  return {
    async get(shopId: string): Promise<ShopRiskConfig> {
      const entry = cache.get(shopId);
      if (!entry) return reload(shopId);
      if (now() - entry.loadedAt > CONFIG_TTL_MS) reload(shopId).catch((error) => onError?.(error, 'risk.config-reload'));
      return entry.config;
    },
    forget(shopId: string): void {
      cache.delete(shopId);
      reloading.delete(shopId);
      generations.set(shopId, (generations.get(shopId) ?? 0) + 1);
    },
  };
}

/** The cache of {@link createShopConfigCache}. */
export type ShopConfigCache = ReturnType<typeof createShopConfigCache>;
