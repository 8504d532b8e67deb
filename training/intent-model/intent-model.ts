import { blendScores } from './blend';
import type { BlendParameters } from './blend';
import { featurize } from './featurize';
import { scoreSparse } from './int8-codec';
import type { QuantizedMatrix } from './int8-codec';
import type { FeatureOptions } from './featurize';
import { getLanguageTools } from './language-tools';
import type { LanguageTools } from './language-tools';
import { LinearScorer } from './linear-scorer';
import type { LinearParameters } from './linear-scorer';
import { intentModelFromJson, intentModelToJson } from './intent-model-json';
import { semanticMargins } from './semantic-scorer';
import type { SemanticParameters } from './semantic-scorer';
import { encodeSentence } from './sentence-encoder';
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
  /** Feature-major int8 weights (features x intents), so a query touches only the rows of its own features. */
  weights: QuantizedMatrix;
  /** The linear TF-IDF model blended with the network; absent in models trained before it existed. */
  linear?: LinearParameters;
  /** How the models' scores are blended; required with `linear`. */
  blend?: BlendParameters;
  /** The linear model over pretrained sentence vectors (English); needs `linear` and the blend's semantic share. */
  semantic?: SemanticParameters;
}

// The sentence encoder costs ~5-15 ms of CPU a text, the n-gram models ~0.1 ms, so a text is encoded only when the
// n-gram blend is unsure. On held-out splits of Banking77 and CLINC150 train (n-gram and sentence-vector SVMs),
// encoding below 0.8 (10-16% of texts) kept all but 0.1 point of the gain of encoding every text.
const SEMANTIC_GATE = 0.8;

let encoderWarned = false;

function warnEncoderFailure(error: unknown): void {
  if (encoderWarned) return;
  encoderWarned = true;
  const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
  process.emitWarning(`sentence encoder unavailable, English intents answered by the n-gram models alone: ${reason}`, { code: 'STOREDESK_SENTENCE_ENCODER' });
}

interface NgramScores {
  network: Float64Array;
  linear?: Float64Array;
  blended: Float64Array;
}

/**
 * A trained intent classifier: NLP.js's network, blended with a linear TF-IDF model when it has one, and with a
 * linear model over pretrained sentence vectors when the n-gram models are unsure (English).
 * It abstains (`None`) when the best probability is below its threshold.
 */
export class IntentModel {
  readonly lang: string;
  readonly threshold: number;
  readonly intents: readonly string[];
  private readonly params: IntentModelParameters;
  private readonly tools: LanguageTools;
  private readonly featureIndex: Map<string, number>;
  private readonly linear?: LinearScorer;

  constructor(params: IntentModelParameters) {
    this.params = params;
    this.lang = params.lang;
    this.threshold = params.threshold;
    this.intents = params.intents;
    this.tools = getLanguageTools(params.lang);
    this.featureIndex = new Map(params.features.map((f, i) => [f, i]));
    if (params.linear) this.linear = new LinearScorer(params.linear);
  }

  /** The network's score per intent (NLP.js's leaky-ReLU output clipped to [0, 1]), in `intents` order. */
  networkScores(text: string): Float64Array {
    const { intents, bias, weights, alpha } = this.params;
    const count = intents.length;
    const rows: number[] = [];
    const values: number[] = [];
    for (const [name, value] of featurize(text, this.tools, this.params.featureOptions)) {
      const row = this.featureIndex.get(name);
      if (row === undefined) continue;
      rows.push(row);
      values.push(value);
    }
    const sums = scoreSparse(weights, bias, rows, values);
    for (let i = 0; i < count; i += 1) {
      const sum = sums[i] as number;
      sums[i] = sum <= 0 ? 0 : Math.min(1, alpha * sum);
    }
    return sums;
  }

  /** The linear model's raw margin per intent, or undefined when the model has no linear part. */
  linearMargins(text: string): Float64Array | undefined {
    return this.linear?.margins(text, this.tools);
  }

  /** The sentence-vector model's raw margin per intent, or undefined when the model has no such part. */
  semanticMargins(vector: Float32Array): Float64Array | undefined {
    return this.params.semantic ? semanticMargins(this.params.semantic, vector) : undefined;
  }

  /**
   * Scores every intent for a text; `None` means the model abstains. Encodes the text only when it must (`encode`
   * is the sentence encoder; if it fails, the n-gram models answer alone).
   */
  async classify(text: string, encode: (text: string) => Promise<Float32Array> = encodeSentence): Promise<IntentClassification> {
    const scores = this.ngramScores(text);
    if (!this.wantsVector(scores)) return this.decide(scores.blended);
    let vector: Float32Array;
    try {
      vector = await encode(text);
    } catch (error) {
      // A buyer still gets the n-gram models' answer; the failure is reported once, without the text.
      warnEncoderFailure(error);
      return this.decide(scores.blended);
    }
    return this.decide(this.withSemantic(scores, vector));
  }

  /** {@link classify} with the text's sentence vector already at hand (training encodes in batches). */
  classifyEncoded(text: string, vector: Float32Array | undefined): IntentClassification {
    const scores = this.ngramScores(text);
    return this.decide(vector && this.wantsVector(scores) ? this.withSemantic(scores, vector) : scores.blended);
  }

  private ngramScores(text: string): NgramScores {
    const network = this.networkScores(text);
    const linear = this.linearMargins(text);
    const { blend } = this.params;
    return { network, linear, blended: linear && blend ? blendScores(network, linear, blend) : network };
  }

  private wantsVector(scores: NgramScores): boolean {
    return this.params.semantic !== undefined && scores.linear !== undefined && Math.max(...scores.blended) < SEMANTIC_GATE;
  }

  private withSemantic(scores: NgramScores, vector: Float32Array): Float64Array {
    const { blend, semantic } = this.params;
    if (!blend || !semantic || !scores.linear) return scores.blended;
    return blendScores(scores.network, scores.linear, blend, semanticMargins(semantic, vector));
  }

  private decide(scores: Float64Array): IntentClassification {
    const { intents } = this.params;
    const scored: IntentScore[] = intents.map((intent, i) => ({ intent, score: scores[i] as number }));
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

  /** The same model with another blend of its parts (ignored without a linear part). */
  withBlend(blend: BlendParameters): IntentModel {
    return new IntentModel({ ...this.params, blend });
  }

  /** Compact JSON (int8 weights with a per-intent scale, deflated) for storage as a database row. */
  toJSON(): IntentModelJson {
    return intentModelToJson(this.params);
  }
}

/** Rebuilds a model from {@link IntentModel.toJSON} output (this version's or the previous), so serving never needs to train. */
export function loadIntentModel(json: unknown): IntentModel {
  return new IntentModel(intentModelFromJson(json));
}
