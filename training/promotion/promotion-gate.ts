import type { IntentMetrics } from '../evaluation';

/**
 * The written promotion rule. A candidate replaces the live model only when, on the same held-out turns:
 * 1. it fits its own training data (accuracy on it at least `minTrainingAccuracy`), so a broken run never ships;
 * 2. there is no live model yet, or no held-out turns to compare on (the live one was trained on less); or
 * 3. its macro-F1 is no more than the noise margin below the live model's, where the margin is the standard
 *    error of the live accuracy on n held-out turns, sqrt(p(1-p)/n), clamped to [`minMargin`, `maxMargin`]; and
 * 4. no intent collapses: no intent with held-out support >= `collapseSupport` loses more than `collapseDrop` F1.
 */
export interface PromotionRule {
  minTrainingAccuracy: number;
  minMargin: number;
  maxMargin: number;
  collapseSupport: number;
  collapseDrop: number;
}

/** The rule storedesk ships with. */
export const DEFAULT_PROMOTION_RULE: PromotionRule = {
  minTrainingAccuracy: 0.8,
  minMargin: 0.01,
  maxMargin: 0.05,
  collapseSupport: 3,
  collapseDrop: 0.25,
};

/** What the gate compares. */
export interface GateInput {
  /** Candidate's accuracy on the examples it was trained on. */
  trainingAccuracy: number;
  /** Candidate on the held-out turns; null when there are none. */
  candidate: IntentMetrics | null;
  /** Live model on the same held-out turns; null when the shop has no live model (or no held-out turns). */
  live: IntentMetrics | null;
  hasLiveModel: boolean;
}

/** The gate's verdict with its reasons, stored with the version. */
export interface GateDecision {
  promote: boolean;
  reasons: string[];
  margin: number | null;
  collapsed: Array<{ intent: string; support: number; liveF1: number; candidateF1: number }>;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Applies {@link PromotionRule} to an evaluation. Pure: the same input always gives the same decision. */
export function decidePromotion(input: GateInput, rule: PromotionRule = DEFAULT_PROMOTION_RULE): GateDecision {
  if (input.trainingAccuracy < rule.minTrainingAccuracy) {
    return { promote: false, reasons: [`the candidate fits only ${round(input.trainingAccuracy)} of its training data (needs ${rule.minTrainingAccuracy})`], margin: null, collapsed: [] };
  }
  if (!input.hasLiveModel) return { promote: true, reasons: ['first model of this shop and language'], margin: null, collapsed: [] };
  if (!input.candidate || !input.live || input.candidate.count === 0) {
    return { promote: true, reasons: ['no held-out turns to compare on yet; the candidate fits its training data'], margin: null, collapsed: [] };
  }
  const p = input.live.accuracy;
  const n = input.live.count;
  const margin = round(Math.min(rule.maxMargin, Math.max(rule.minMargin, Math.sqrt((p * (1 - p)) / n))));
  const reasons: string[] = [];
  const floor = input.live.macroF1 - margin;
  const macroOk = input.candidate.macroF1 >= floor;
  reasons.push(
    `macro-F1 ${round(input.candidate.macroF1)} vs live ${round(input.live.macroF1)} (margin ${margin}): ${macroOk ? 'not worse' : 'worse'}`,
  );
  const candidateF1 = new Map(input.candidate.perIntent.map((x) => [x.intent, x.f1]));
  const collapsed = input.live.perIntent
    .filter((x) => x.support >= rule.collapseSupport)
    .map((x) => ({ intent: x.intent, support: x.support, liveF1: round(x.f1), candidateF1: round(candidateF1.get(x.intent) ?? 0) }))
    .filter((x) => x.liveF1 - x.candidateF1 > rule.collapseDrop);
  if (collapsed.length > 0) reasons.push(`intents collapsed: ${collapsed.map((c) => `${c.intent} ${c.liveF1} -> ${c.candidateF1}`).join(', ')}`);
  return { promote: macroOk && collapsed.length === 0, reasons, margin, collapsed };
}
