import { NotFoundError } from '../../core/errors';
import type { RiskServiceDeps } from '../ports';
import { toShopifyRiskAssessment, type ShopifyRiskAssessment } from '../scoring';
import { findVerdict, type VerdictRecord } from './verdict-record';

/** Tags written to risky customers in Shopify. */
export const RISK_TAGS = { review: 'storedesk:risk-review', deny: 'storedesk:risk-high' } as const;

/** What the write-back did. */
export interface WriteBackResult {
  assessment?: ShopifyRiskAssessment;
  tags: string[];
  skipped?: 'no-write-back' | 'not-an-order';
}

/** The assessment for Shopify, with a reviewer's later decision taking precedence over the score. */
function assessmentOf(verdict: VerdictRecord): ShopifyRiskAssessment {
  const base = toShopifyRiskAssessment({ ...verdict, modelScore: verdict.modelScore ?? undefined });
  if (verdict.outcome === 'review-cleared' || verdict.outcome === 'appeal-lifted')
    return { riskLevel: 'LOW', facts: [{ description: "The shop's staff reviewed this order and cleared it.", sentiment: 'POSITIVE' as const }, ...base.facts].slice(0, 20) };
  if (verdict.outcome === 'review-confirmed-fraud')
    return { riskLevel: 'HIGH', facts: [{ description: "The shop's staff reviewed this order and confirmed the risk.", sentiment: 'NEGATIVE' as const }, ...base.facts].slice(0, 20) };
  return base;
}

/**
 * Writes a verdict to Shopify: the order's risk assessment (level and up to 20 plain-word facts) and a
 * tag on risky customers. Idempotent: each (verdict, decision, outcome) is written once.
 */
export async function writeBackVerdict(deps: RiskServiceDeps, shopId: string, verdictId: string): Promise<WriteBackResult> {
  const verdict = await findVerdict(deps.db, shopId, { id: verdictId });
  if (!verdict) throw new NotFoundError('No such verdict');
  if (!deps.writeBackFor) return { tags: [], skipped: 'no-write-back' };
  const writeBack = await deps.writeBackFor(shopId);
  const result: WriteBackResult = { tags: [] };
  if (verdict.subjectType === 'order') {
    result.assessment = assessmentOf(verdict);
    const key = `verdict:${verdict.id}:${verdict.decision}:${verdict.outcome ?? 'scored'}`;
    await writeBack.createOrderRiskAssessment(Number(verdict.subjectId), { riskLevel: result.assessment.riskLevel, facts: [...result.assessment.facts] }, key);
  }
  const cleared = verdict.outcome === 'review-cleared' || verdict.outcome === 'appeal-lifted';
  if (verdict.customerId !== null && verdict.decision !== 'allow' && !cleared) {
    result.tags = [verdict.decision === 'deny' || verdict.outcome === 'review-confirmed-fraud' ? RISK_TAGS.deny : RISK_TAGS.review];
    await writeBack.addCustomerTags(verdict.customerId, result.tags);
  }
  await deps.db.query({ text: 'UPDATE risk_verdicts SET written_back_at = $3 WHERE shop_id = $1 AND id = $2', values: [shopId, verdict.id, deps.clock.now()] });
  return result;
}
