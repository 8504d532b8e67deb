/** How the network's and the linear model's scores are turned into one probability per intent. */
export interface BlendParameters {
  /** Softmax temperature of the network's scores (in [0, 1]). */
  networkTemperature: number;
  /** Softmax temperature of the linear model's margins. */
  linearTemperature: number;
  /** Weight of the linear model's probabilities; the network gets the rest. */
  linearWeight: number;
  /** Softmax temperature of the sentence-vector model's margins; present when the model has that part. */
  semanticTemperature?: number;
  /** Weight of the sentence-vector model's probabilities against the blend of the other two. */
  semanticWeight?: number;
}

/** Used when validation is too small to fit the blend; the middle of the grid, good on every corpus we measured. */
export const DEFAULT_BLEND: BlendParameters = { networkTemperature: 0.1, linearTemperature: 0.2, linearWeight: 0.5 };
/**
 * The sentence-vector model's share when validation is too small to fit it. On 5-fold splits of the default catalog
 * (370 held-out lines) it answered 298 in-scope lines at the bot's 0.5 floor, 94.0% of them right, against 292 at
 * 92.8% without the encoder; temperature 0.3 answered only 285 (94.7% right).
 */
export const DEFAULT_SEMANTIC_BLEND = { semanticTemperature: 0.1, semanticWeight: 0.4 };
const MIN_VALIDATION = 100;
const GRID = {
  networkTemperature: [0.05, 0.1, 0.2],
  linearTemperature: [0.1, 0.2, 0.3],
  linearWeight: [0.3, 0.5, 0.7],
  semanticTemperature: [0.1, 0.2, 0.3],
  semanticWeight: [0.2, 0.3, 0.4, 0.5, 0.6],
};

/** Softmax of `scores / temperature`. */
export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i += 1) max = Math.max(max, scores[i] as number);
  const out = new Float64Array(scores.length);
  let total = 0;
  for (let i = 0; i < scores.length; i += 1) {
    const e = Math.exp(((scores[i] as number) - max) / temperature);
    out[i] = e;
    total += e;
  }
  for (let i = 0; i < out.length; i += 1) out[i] = (out[i] as number) / total;
  return out;
}

/**
 * One probability per intent: a weighted mean of the models' temperature-scaled softmaxes. The sentence-vector
 * model's margins are mixed in only when given and the blend has a weight for them.
 */
export function blendScores(network: ArrayLike<number>, linear: ArrayLike<number>, blend: BlendParameters, semantic?: ArrayLike<number>): Float64Array {
  const a = softmax(network, blend.networkTemperature);
  const b = softmax(linear, blend.linearTemperature);
  const w = blend.linearWeight;
  for (let i = 0; i < a.length; i += 1) a[i] = (1 - w) * (a[i] as number) + w * (b[i] as number);
  if (!semantic || blend.semanticWeight === undefined || blend.semanticTemperature === undefined) return a;
  const c = softmax(semantic, blend.semanticTemperature);
  const v = blend.semanticWeight;
  for (let i = 0; i < a.length; i += 1) a[i] = (1 - v) * (a[i] as number) + v * (c[i] as number);
  return a;
}

/** One validation example's raw scores from both models and the index of its gold intent (-1 if unknown). */
export interface BlendValidationItem {
  gold: number;
  network: ArrayLike<number>;
  linear: ArrayLike<number>;
  /** The sentence-vector model's margins, when the model has that part. */
  semantic?: ArrayLike<number>;
}

function logLoss(items: readonly BlendValidationItem[], blend: BlendParameters): number {
  let loss = 0;
  for (const item of items) loss -= Math.log(Math.max(1e-9, blendScores(item.network, item.linear, blend, item.semantic)[item.gold] as number));
  return loss;
}

/**
 * Fits the temperatures and the weight on validation data by the lowest negative log-likelihood (calibration,
 * not just accuracy, because the threshold is then read off these probabilities). Small validation sets fit
 * noise, so below 100 examples it keeps {@link DEFAULT_BLEND} (and {@link DEFAULT_SEMANTIC_BLEND}). The
 * sentence-vector model's share is fitted on top of the best two-way blend: 15 more grid points instead of 405.
 */
export function chooseBlend(items: readonly BlendValidationItem[]): BlendParameters {
  const usable = items.filter((item) => item.gold >= 0);
  const withSemantic = items.length > 0 && items.every((item) => item.semantic !== undefined);
  if (usable.length < MIN_VALIDATION) return withSemantic ? { ...DEFAULT_BLEND, ...DEFAULT_SEMANTIC_BLEND } : DEFAULT_BLEND;
  const twoWay = chooseTwoWay(usable);
  return withSemantic ? chooseSemantic(usable, twoWay) : twoWay;
}

function chooseSemantic(usable: readonly BlendValidationItem[], twoWay: BlendParameters): BlendParameters {
  let best: BlendParameters = { ...twoWay, ...DEFAULT_SEMANTIC_BLEND };
  let bestLoss = Infinity;
  for (const semanticTemperature of GRID.semanticTemperature) {
    for (const semanticWeight of GRID.semanticWeight) {
      const blend = { ...twoWay, semanticTemperature, semanticWeight };
      const loss = logLoss(usable, blend);
      if (loss < bestLoss - 1e-9) {
        bestLoss = loss;
        best = blend;
      }
    }
  }
  return best;
}

function chooseTwoWay(usable: readonly BlendValidationItem[]): BlendParameters {
  let best = DEFAULT_BLEND;
  let bestLoss = Infinity;
  for (const networkTemperature of GRID.networkTemperature) {
    for (const linearTemperature of GRID.linearTemperature) {
      for (const linearWeight of GRID.linearWeight) {
        const blend = { networkTemperature, linearTemperature, linearWeight };
        const loss = logLoss(usable, blend);
        if (loss < bestLoss - 1e-9) {
          bestLoss = loss;
          best = blend;
        }
      }
    }
  }
  return best;
}
