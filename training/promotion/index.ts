export { decidePromotion, DEFAULT_PROMOTION_RULE } from './promotion-gate';
export type { PromotionRule, GateInput, GateDecision } from './promotion-gate';
export { evaluateModel, summarizeMetrics } from './evaluate-model';
export type { Classifier, ModelEvaluation } from './evaluate-model';
