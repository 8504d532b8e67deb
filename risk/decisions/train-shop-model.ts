import { auditQuietly, type RiskServiceDeps } from '../ports';
import { isFraudOutcome, trainRiskModel, type LabelledExample, type Outcome } from '../scoring';
import { FEATURE_NAMES, type Features } from '../signals';
import { getShopRules } from './risk-rules-settings';

/** What training did: a new model, or why there is none yet. */
export type TrainShopModelResult =
  | { trained: true; labelCount: number; frauds: number }
  | { trained: false; reason: string; labelCount: number };

const SETTLED_AFTER_DAYS = 30;

function toFeatures(stored: Record<string, number | null>): Features {
  return Object.fromEntries(FEATURE_NAMES.map((name) => [name, stored[name] ?? Number.NaN])) as Features;
}

/**
 * Trains the shop's model on its own outcomes: review decisions, appeal outcomes, orders cancelled
 * as fraud (marked as labels here), and orders fulfilled long enough ago without dispute.
 */
export async function trainShopModel(deps: RiskServiceDeps, shopId: string): Promise<TrainShopModelResult> {
  const now = deps.clock.now();
  await deps.db.query({
    text: `UPDATE risk_verdicts v SET outcome = 'cancelled-as-fraud', outcome_at = $2 FROM orders o
           WHERE v.shop_id = $1 AND v.subject_type = 'order' AND v.outcome IS NULL
             AND o.shop_id = v.shop_id AND o.id::text = v.subject_id AND o.cancel_reason = 'fraud'`,
    values: [shopId, now],
  });
  const { rows } = await deps.db.query<{ features: Record<string, number | null>; outcome: Outcome }>({
    text: `SELECT v.features, COALESCE(v.outcome, 'fulfilled-without-dispute') AS outcome FROM risk_verdicts v
           LEFT JOIN orders o ON v.subject_type = 'order' AND o.shop_id = v.shop_id AND o.id::text = v.subject_id
           WHERE v.shop_id = $1 AND (v.outcome IS NOT NULL OR (o.fulfillment_status = 'fulfilled' AND o.cancelled_at IS NULL
             AND o.created_at < $2::timestamptz - interval '${SETTLED_AFTER_DAYS} days'))`,
    values: [shopId, now],
  });
  const examples: LabelledExample[] = rows.map((row) => ({ features: toFeatures(row.features), fraud: isFraudOutcome(row.outcome) }));
  const { rules } = await getShopRules(deps, shopId);
  const result = trainRiskModel(examples, { minLabels: rules.model.minLabels });
  if (!result.trained) return { trained: false, reason: result.reason, labelCount: result.labelCount };
  await deps.db.query({
    text: `INSERT INTO risk_shop_state (shop_id, model, model_label_count, model_trained_at, updated_at) VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (shop_id) DO UPDATE SET model = EXCLUDED.model, model_label_count = EXCLUDED.model_label_count,
             model_trained_at = EXCLUDED.model_trained_at`,
    values: [shopId, JSON.stringify(result.model.toJSON()), examples.length, now],
  });
  const frauds = examples.filter((example) => example.fraud).length;
  await auditQuietly(deps.audit, { shopId, actor: { kind: 'system', id: 'risk.train-model' }, action: 'risk.model.train', detail: { labels: examples.length, frauds } }, (e) => deps.onError?.(e, 'audit'));
  return { trained: true, labelCount: examples.length, frauds };
}
