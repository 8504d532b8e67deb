import type { BlendParameters } from './blend';
import type { FeatureOptions } from './featurize';
import type { Int8Matrix } from './int8-codec';
import type { TermOptions } from './term-features';

/** One labelled utterance; `None` marks out-of-scope. */
export interface IntentExample {
  text: string;
  intent: string;
}

/** The label the model gives when it abstains, and the label of out-of-scope examples. */
export const NONE_INTENT = 'None';

/** A scored candidate intent. */
export interface IntentScore {
  intent: string;
  score: number;
}

/** What {@link IntentModel.classify} returns. */
export interface IntentClassification {
  /** The recognised intent, or `None` when the model abstains. */
  intent: string;
  /** Confidence in [0, 1] of the best candidate (also when abstaining, so callers can see how close it was). */
  score: number;
  /** The three best candidates, best first, before abstention. */
  top: IntentScore[];
}

/** Options of {@link trainIntentModel}. */
export interface TrainIntentModelOptions {
  lang: string;
  /** Seed of every random choice (shuffle, validation carve-out); defaults to 42. */
  seed?: number;
  /** Labelled examples for choosing the decision threshold; carved out of training data when absent. */
  validation?: IntentExample[];
  /** Called with the finished fraction in [0, 1]. */
  onProgress?: (fraction: number) => void;
  /** Share of in-scope validation answers the threshold may turn into `None`; defaults to 0.015. */
  maxInScopeLoss?: number;
  /**
   * Share of out-of-scope lines the model should catch. Below the `maxInScopeLoss` cap, the threshold is the
   * lowest that catches this share of the out-of-scope validation lines plus a 95% confidence margin for their
   * number, so no in-scope answer is given up beyond need. Defaults to 0.6; used only with at least 10
   * out-of-scope validation lines (fewer say little about recall).
   */
  minOutOfScopeRecall?: number;
  /** Training epochs of the network; defaults to a count scaled to the corpus size. */
  iterations?: number;
  /**
   * Blend a linear TF-IDF model (one-vs-rest linear SVM on stem and character n-grams) with the network;
   * defaults to true. Off, the model is the network alone: smaller, slightly less accurate.
   */
  linear?: boolean;
  /**
   * Blend a linear model over pretrained sentence vectors too, where the language has an encoder (English);
   * defaults to true. It needs `linear`. Training then encodes every text once (~10 ms each).
   */
  semantic?: boolean;
}

/** The serialised model of the first release (network only, int8 intent-major, not deflated); still loadable. */
export interface IntentModelJsonV1 {
  format: 'storedesk-intent-model';
  version: 1;
  lang: string;
  featureOptions: FeatureOptions;
  threshold: number;
  alpha: number;
  intents: string[];
  features: string[];
  bias: number[];
  /** Per-intent scale of the int8 weights. */
  scales: number[];
  /** Base64 of int8 weights, intent-major (intents x features). */
  weights: string;
}

/** The serialised model, stored as a JSON row. */
export interface IntentModelJson {
  format: 'storedesk-intent-model';
  version: 2;
  lang: string;
  featureOptions: FeatureOptions;
  threshold: number;
  alpha: number;
  intents: string[];
  features: string[];
  bias: number[];
  /** The network's weights (features x intents). */
  weights: Int8Matrix;
  /** How the network and the linear model are blended; present with `linear`. */
  blend?: BlendParameters;
  /** The linear TF-IDF model; absent when the model was trained without it. */
  linear?: {
    termOptions: TermOptions;
    terms: string[];
    idf: number[];
    bias: number[];
    weights: Int8Matrix;
  };
  /** The linear model over pretrained sentence vectors (dimensions x intents); English models only. */
  semantic?: {
    encoder: string;
    bias: number[];
    weights: Int8Matrix;
  };
}
