import type { IntentMetrics } from '../evaluation';
import { computeIntentMetrics } from '../evaluation';
import type { IntentExample } from '../intent-model';

/** Anything that classifies text the way `IntentModel` does. */
export interface Classifier {
  classify(text: string): { intent: string; score: number };
}

/** A model's metrics on labelled examples, with its confidence on each (for the confidence chart). */
export interface ModelEvaluation {
  metrics: IntentMetrics;
  scores: number[];
}

/** Classifies every example and scores the predictions against the labels. */
export function evaluateModel(model: Classifier, examples: readonly IntentExample[]): ModelEvaluation {
  const predicted: string[] = [];
  const scores: number[] = [];
  for (const example of examples) {
    const result = model.classify(example.text);
    predicted.push(result.intent);
    scores.push(result.score);
  }
  return { metrics: computeIntentMetrics(examples.map((e) => e.intent), predicted), scores };
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
