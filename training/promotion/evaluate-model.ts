import type { IntentMetrics } from '../evaluation';
import { computeIntentMetrics } from '../evaluation';
import type { IntentExample } from '../intent-model';

/** Anything that classifies text the way `IntentModel` does. */
export interface Classifier {
  classify(text: string): Promise<{ intent: string; score: number }>;
}

/** A model's metrics on labelled examples, with its confidence on each (for the confidence chart). */
export interface ModelEvaluation {
  metrics: IntentMetrics;
  scores: number[];
}

/** Classifies every example and scores the predictions against the labels. */
export async function evaluateModel(model: Classifier, examples: readonly IntentExample[]): Promise<ModelEvaluation> {
  // All at once, so the texts the sentence encoder must see are encoded in batches.
  const results = await Promise.all(examples.map((example) => model.classify(example.text)));
  return { metrics: computeIntentMetrics(examples.map((e) => e.intent), results.map((r) => r.intent)), scores: results.map((r) => r.score) };
}

/** The headline figures of an evaluation, small enough to store with every version. */
export function summarizeMetrics(metrics: IntentMetrics, perIntentLimit = 60) {
  const r = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
  return {
    count: metrics.count,
    accuracy: r(metrics.accuracy),
    macroF1: r(metrics.macroF1),
    inScopeAccuracy: r(metrics.inScopeAccuracy),
    outOfScopeRecall: r(metrics.outOfScopeRecall),
    perIntent: metrics.perIntent.slice(0, perIntentLimit).map((x) => ({ intent: x.intent, f1: r(x.f1), support: x.support })),
  };
}
