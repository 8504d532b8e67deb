import { quantizeMatrix, scoreSparse } from './int8-codec';
import type { QuantizedMatrix } from './int8-codec';
import { trainLinearSvm } from './linear-svm';
import { SENTENCE_DIMENSIONS } from './sentence-encoder';
import type { SparseVector } from './tfidf';

// Unit sentence vectors scaled by 3 and C = 0.5: best of a 3 x 3 grid on held-out splits of Banking77 and CLINC150
// train (the bias column of 1 otherwise outweighs the features).
const INPUT_SCALE = 3;
const C = 0.5;
const EPOCHS = 10;
const ALL_DIMENSIONS = Int32Array.from({ length: SENTENCE_DIMENSIONS }, (_, i) => i);

/** The trained parameters of the linear model over pretrained sentence vectors. */
export interface SemanticParameters {
  /** Which encoder made the vectors it was fitted on (see `sentence-encoder.ts`). */
  encoder: string;
  /** Feature-major int8 weights (dimensions x intents), in the intent order of the model it belongs to. */
  weights: QuantizedMatrix;
  bias: Float32Array;
}

function asRow(vector: Float32Array): SparseVector {
  return { indices: ALL_DIMENSIONS, values: vector.map((v) => v * INPUT_SCALE) };
}

/**
 * Trains a one-vs-rest linear SVM on sentence vectors. Word and character n-grams only know the words seen in
 * training; the pretrained encoder also knows their paraphrases, which is where the n-gram models fail.
 */
export function fitSemanticScorer(vectors: readonly Float32Array[], labels: Int32Array, classCount: number, encoder: string, seed: number): SemanticParameters {
  const svm = trainLinearSvm(vectors.map(asRow), labels, classCount, SENTENCE_DIMENSIONS, { c: C, epochs: EPOCHS, seed });
  const weights = new Float32Array(SENTENCE_DIMENSIONS * classCount);
  for (let k = 0; k < classCount; k += 1) {
    for (let d = 0; d < SENTENCE_DIMENSIONS; d += 1) weights[d * classCount + k] = svm.weights[k * SENTENCE_DIMENSIONS + d] as number;
  }
  return { encoder, weights: quantizeMatrix(weights, SENTENCE_DIMENSIONS, classCount), bias: svm.bias };
}

/** Raw margins, one per intent, for a sentence vector. */
export function semanticMargins(params: SemanticParameters, vector: Float32Array): Float64Array {
  return scoreSparse(params.weights, params.bias, ALL_DIMENSIONS, asRow(vector).values);
}
