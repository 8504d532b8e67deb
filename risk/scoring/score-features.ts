import type { Features } from '../signals';
import { applyRules } from './apply-rules';
import { decide } from './decide';
import type { LearnedModel } from './learned-model';
import type { RulesDocument } from './rules-document';
import type { Reason, Verdict } from './types';

/** Shopify accepts at most 20 facts per risk assessment. */
export const MAX_REASONS = 20;

const sigmoid = (logOdds: number): number => 1 / (1 + Math.exp(-logOdds));

/**
 * Scores a feature vector: the rules' log-odds, blended with a trained model's log-odds when one
 * is given (share `rules.model.blendWeight`), then decided by the shop's thresholds.
 */
export function scoreFeatures(features: Features, rules: RulesDocument, model?: LearnedModel): Verdict {
  const fromRules = applyRules(features, rules);
  const reasons: Reason[] = [...fromRules.reasons];
  let logOdds = fromRules.logOdds;
  let modelScore: number | undefined;
  if (model && rules.model.blendWeight > 0) {
    const modelLogOdds = model.predictLogOdds(features);
    modelScore = sigmoid(modelLogOdds);
    const shift = rules.model.blendWeight * (modelLogOdds - fromRules.logOdds);
    logOdds += shift;
    const direction = shift >= 0 ? 'raised' : 'lowered';
    reasons.push({
      code: 'learned-model',
      description: `The model trained on this shop's ${model.labelCount} past outcomes ${direction} the risk (its own estimate: ${Math.round(modelScore * 100)}%).`,
      contribution: shift,
    });
  }
  const score = sigmoid(logOdds);
  reasons.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return {
    score,
    decision: decide(score, rules.thresholds),
    reasons: reasons.slice(0, MAX_REASONS),
    ruleScore: sigmoid(fromRules.logOdds),
    modelScore,
  };
}
