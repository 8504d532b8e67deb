import { ValidationError } from '../../core/errors';
import { featurize } from './featurize';
import type { FeatureOptions } from './featurize';
import { getLanguageTools } from './language-tools';
import type { LanguageTools } from './language-tools';
import { NONE_INTENT } from './types';
import type { IntentClassification, IntentModelJson, IntentScore } from './types';

/** The trained parameters an {@link IntentModel} serves from. */
export interface IntentModelParameters {
  lang: string;
  featureOptions: FeatureOptions;
  threshold: number;
  alpha: number;
  intents: string[];
  features: string[];
  bias: Float32Array;
  /** Feature-major weights (features x intents), so a query touches only the rows of its own features. */
  weights: Float32Array;
}

/** A trained intent classifier; it scores like NLP.js's network and abstains below its threshold. */
export class IntentModel {
  readonly lang: string;
  readonly threshold: number;
  readonly intents: readonly string[];
  private readonly params: IntentModelParameters;
  private readonly tools: LanguageTools;
  private readonly featureIndex: Map<string, number>;

  constructor(params: IntentModelParameters) {
    this.params = params;
    this.lang = params.lang;
    this.threshold = params.threshold;
    this.intents = params.intents;
    this.tools = getLanguageTools(params.lang);
    this.featureIndex = new Map(params.features.map((f, i) => [f, i]));
  }

  /** Scores every intent for a text; `None` means the model abstains. */
  classify(text: string): IntentClassification {
    const { intents, bias, weights, alpha } = this.params;
    const count = intents.length;
    const sums = Float64Array.from(bias);
    for (const [name, value] of featurize(text, this.tools, this.params.featureOptions)) {
      const row = this.featureIndex.get(name);
      if (row === undefined) continue;
      const offset = row * count;
      for (let i = 0; i < count; i += 1) sums[i] = (sums[i] as number) + value * (weights[offset + i] as number);
    }
    const scored: IntentScore[] = [];
    for (let i = 0; i < count; i += 1) {
      const sum = sums[i] as number;
      scored.push({ intent: intents[i] as string, score: sum <= 0 ? 0 : Math.min(1, alpha * sum) });
    }
    scored.sort((a, b) => b.score - a.score);
    const top = scored.slice(0, 3);
    const best = top[0] ?? { intent: NONE_INTENT, score: 0 };
    const abstains = best.intent === NONE_INTENT || best.score < this.threshold || best.score === 0;
    return { intent: abstains ? NONE_INTENT : best.intent, score: best.score, top };
  }

  /** The same model with another decision threshold. */
  withThreshold(threshold: number): IntentModel {
    return new IntentModel({ ...this.params, threshold });
  }

  /** Compact JSON (int8 weights with a per-intent scale) for storage as a database row. */
  toJSON(): IntentModelJson {
    const { intents, features, bias, weights } = this.params;
    const count = intents.length;
    const scales: number[] = [];
    const quantised = new Int8Array(count * features.length);
    for (let i = 0; i < count; i += 1) {
      let max = 0;
      for (let f = 0; f < features.length; f += 1) max = Math.max(max, Math.abs(weights[f * count + i] as number));
      const scale = max > 0 ? max / 127 : 1;
      scales.push(scale);
      for (let f = 0; f < features.length; f += 1) {
        quantised[i * features.length + f] = Math.round((weights[f * count + i] as number) / scale);
      }
    }
    return {
      format: 'storedesk-intent-model',
      version: 1,
      lang: this.lang,
      featureOptions: this.params.featureOptions,
      threshold: this.threshold,
      alpha: this.params.alpha,
      intents: [...intents],
      features: [...features],
      bias: Array.from(bias, (b) => Number(b.toPrecision(6))),
      scales: scales.map((s) => Number(s.toPrecision(6))),
      weights: Buffer.from(quantised.buffer).toString('base64'),
    };
  }
}

/** Rebuilds a model from {@link IntentModel.toJSON} output, so serving never needs to train. */
export function loadIntentModel(json: unknown): IntentModel {
  const model = json as Partial<IntentModelJson> | null;
  if (!model || model.format !== 'storedesk-intent-model' || model.version !== 1) {
    throw new ValidationError('Not a storedesk intent model (format/version mismatch)');
  }
  const { intents, features, bias, scales, weights } = model;
  if (!intents || !features || !bias || !scales || typeof weights !== 'string' || !model.lang || !model.featureOptions) {
    throw new ValidationError('Intent model JSON is incomplete');
  }
  const quantised = new Int8Array(Buffer.from(weights, 'base64'));
  if (quantised.length !== intents.length * features.length || bias.length !== intents.length) {
    throw new ValidationError('Intent model JSON has inconsistent sizes');
  }
  const count = intents.length;
  const dense = new Float32Array(count * features.length);
  for (let i = 0; i < count; i += 1) {
    const scale = scales[i] as number;
    for (let f = 0; f < features.length; f += 1) dense[f * count + i] = (quantised[i * features.length + f] as number) * scale;
  }
  return new IntentModel({
    lang: model.lang,
    featureOptions: model.featureOptions,
    threshold: model.threshold ?? 0,
    alpha: model.alpha ?? 0.07,
    intents,
    features,
    bias: Float32Array.from(bias),
    weights: dense,
  });
}
