import { computeIntentMetrics, quantile } from './metrics';
import type { IntentMetrics } from './metrics';
import type { LabelledText } from './parse-examples';

/** Anything that classifies a text into an intent with a score (the intent model does). */
export interface TextClassifier {
  classify(text: string): Promise<{ intent: string; score: number }>;
}

/** One prediction, in test order. */
export interface Prediction {
  text: string;
  intent: string;
  score: number;
}

/** Result of {@link evaluateClassifier}. */
export interface ClassifierEvaluation {
  predictions: Prediction[];
  metrics: IntentMetrics;
  latencyMs: { p50: number; p99: number; mean: number };
}

/** Classifies every test line in order, one at a time so each query's time is its own, and scores the result. */
export async function evaluateClassifier(classifier: TextClassifier, test: readonly LabelledText[]): Promise<ClassifierEvaluation> {
  const predictions: Prediction[] = [];
  const timings: number[] = [];
  for (const example of test) {
    const start = process.hrtime.bigint();
    const result = await classifier.classify(example.text);
    timings.push(Number(process.hrtime.bigint() - start) / 1e6);
    predictions.push({ text: example.text, intent: result.intent, score: Number(result.score.toFixed(4)) });
  }
  const metrics = computeIntentMetrics(
    test.map((e) => e.intent),
    predictions.map((p) => p.intent),
  );
  const mean = timings.length === 0 ? 0 : timings.reduce((s, t) => s + t, 0) / timings.length;
  return { predictions, metrics, latencyMs: { p50: quantile(timings, 0.5), p99: quantile(timings, 0.99), mean } };
}
