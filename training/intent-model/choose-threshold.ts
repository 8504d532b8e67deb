import { NONE_INTENT } from './types';
import type { IntentScore } from './types';

const SHRINK_EXAMPLES = 30;
// Below this many out-of-scope validation lines, each is a 10-point step of recall: too coarse to aim at.
const MIN_OUT_OF_SCOPE_EVIDENCE = 10;
const CONFIDENCE_Z = 1.645;

/** One validation prediction before abstention, with its gold label. */
export interface ScoredValidationItem {
  gold: string;
  best: IntentScore;
}

/** What the decision threshold trades: in-scope answers lost against out-of-scope lines caught. */
export interface ThresholdObjective {
  /** Most of the in-scope validation answers the threshold may turn from correct into `None`. */
  maxInScopeLoss: number;
  /**
   * Share of out-of-scope lines the model should catch; a lower threshold keeps more answers. Validation is a
   * sample, so the threshold aims a confidence margin above it (see {@link recallToAimAt}).
   */
  minOutOfScopeRecall?: number;
  /** The threshold to use with no validation evidence at all. */
  prior?: number;
}

// Any threshold up to the (budget)-th lowest correct score rejects at most `budget` correct answers.
function inScopeLossLimit(inScope: ScoredValidationItem[], maxInScopeLoss: number): number {
  const correctScores = inScope
    .filter((item) => item.best.intent === item.gold)
    .map((item) => item.best.score)
    .sort((a, b) => a - b);
  const budget = Math.floor(maxInScopeLoss * inScope.length);
  return correctScores[budget] ?? correctScores[correctScores.length - 1] ?? 0;
}

/**
 * The recall to aim at on `count` validation lines so that the true recall is at least `recall` with ~95%
 * confidence (one-sided normal bound of a binomial share): 50 lines aim 0.6 at 0.714, 100 lines at 0.681.
 */
export function recallToAimAt(recall: number, count: number): number {
  return Math.min(1, recall + CONFIDENCE_Z * Math.sqrt((recall * (1 - recall)) / count));
}

// The lowest threshold that catches `recall` of the out-of-scope lines: those the model already answers `None`
// count as caught, the others are caught from the lowest score up.
function outOfScopeRecallLimit(outOfScope: ScoredValidationItem[], recall: number): number {
  const caughtAlready = outOfScope.filter((item) => item.best.intent === NONE_INTENT).length;
  const needed = Math.ceil(recallToAimAt(recall, outOfScope.length) * outOfScope.length - 1e-9) - caughtAlready;
  if (needed <= 0) return 0;
  const answered = outOfScope
    .filter((item) => item.best.intent !== NONE_INTENT)
    .map((item) => item.best.score)
    .sort((a, b) => a - b);
  const last = answered[needed - 1] ?? answered[answered.length - 1] ?? 0;
  // Just above the needed line's score, so that line abstains too.
  return last + 1e-6;
}

/**
 * Chooses the decision threshold on validation data only. The in-scope budget caps it: it is never higher than
 * what turns `maxInScopeLoss` of the correct in-scope answers into `None`. Below that cap, with
 * `minOutOfScopeRecall` and at least 10 out-of-scope validation lines, it is the lowest threshold that still
 * catches that share of them plus a confidence margin: catching more would cost in-scope answers for no need.
 * Without out-of-scope validation examples there is no evidence that abstaining helps, so it returns 0
 * (never abstain); the default catalog ships `None` examples, so shop corpora always have some.
 * Small validation sets are shrunk toward `prior`, the threshold to use with no evidence at all.
 */
export function chooseThreshold(items: ScoredValidationItem[], objective: ThresholdObjective): number {
  const inScope = items.filter((item) => item.gold !== NONE_INTENT);
  const outOfScope = items.filter((item) => item.gold === NONE_INTENT);
  if (inScope.length === 0 || outOfScope.length === 0) return 0;
  let limit = inScopeLossLimit(inScope, objective.maxInScopeLoss);
  if (objective.minOutOfScopeRecall !== undefined && outOfScope.length >= MIN_OUT_OF_SCOPE_EVIDENCE) limit = Math.min(limit, outOfScopeRecallLimit(outOfScope, objective.minOutOfScopeRecall));
  // With few validation examples the lowest correct score is mostly noise, so shrink toward the prior.
  const evidence = inScope.length / (inScope.length + SHRINK_EXAMPLES);
  const prior = objective.prior ?? 0;
  return Math.max(0, Math.min(0.9, Math.floor((limit * evidence + prior * (1 - evidence)) * 1000) / 1000));
}
