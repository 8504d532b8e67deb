import { NONE_INTENT } from './types';
import type { IntentScore } from './types';

const SHRINK_EXAMPLES = 30;

/** One validation prediction before abstention, with its gold label. */
export interface ScoredValidationItem {
  gold: string;
  best: IntentScore;
}

/**
 * Chooses the decision threshold on validation data only: the highest threshold that turns at most
 * `maxInScopeLoss` of the in-scope validation examples from correct into `None`. A higher threshold catches
 * more out-of-scope lines, so this buys as much out-of-scope recall as the in-scope budget allows.
 * Without out-of-scope validation examples there is no evidence that abstaining helps, so it returns 0
 * (never abstain); the default catalog ships `None` examples, so shop corpora always have some.
 * Small validation sets are shrunk toward `prior`, the threshold to use with no evidence at all.
 */
export function chooseThreshold(items: ScoredValidationItem[], maxInScopeLoss: number, prior = 0): number {
  const inScope = items.filter((item) => item.gold !== NONE_INTENT);
  if (inScope.length === 0 || inScope.length === items.length) return 0;
  const correctScores = inScope
    .filter((item) => item.best.intent === item.gold)
    .map((item) => item.best.score)
    .sort((a, b) => a - b);
  const budget = Math.floor(maxInScopeLoss * inScope.length);
  // Any threshold up to the (budget)-th lowest correct score rejects at most `budget` correct answers.
  const limit = correctScores[budget] ?? correctScores[correctScores.length - 1] ?? 0;
  // With few validation examples the lowest correct score is mostly noise, so shrink toward the prior.
  const evidence = inScope.length / (inScope.length + SHRINK_EXAMPLES);
  return Math.max(0, Math.min(0.9, Math.floor((limit * evidence + prior * (1 - evidence)) * 1000) / 1000));
}
