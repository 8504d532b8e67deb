import type { Verdict } from './types';

/** The input of Shopify's `orderRiskAssessmentCreate` (without the order id). */
export interface ShopifyRiskAssessment {
  readonly riskLevel: 'HIGH' | 'MEDIUM' | 'LOW';
  readonly facts: readonly { description: string; sentiment: 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE' }[];
}

/** deny → HIGH, review → MEDIUM, allow → LOW; each reason a fact of at most 256 characters, at most 20. */
export function toShopifyRiskAssessment(verdict: Verdict): ShopifyRiskAssessment {
  const riskLevel = verdict.decision === 'deny' ? 'HIGH' : verdict.decision === 'review' ? 'MEDIUM' : 'LOW';
  const facts = verdict.reasons.slice(0, 20).map((reason) => ({
    description:
      reason.description.length <= 256 ? reason.description : `${reason.description.slice(0, 255)}…`,
    sentiment:
      reason.contribution > 0.05
        ? ('NEGATIVE' as const)
        : reason.contribution < -0.05
          ? ('POSITIVE' as const)
          : ('NEUTRAL' as const),
  }));
  if (facts.length === 0)
    facts.push({ description: 'No risk signals found for this order.', sentiment: 'POSITIVE' });
  return { riskLevel, facts };
}
