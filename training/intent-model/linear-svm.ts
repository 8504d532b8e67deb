import { createRandom } from '../evaluation';
import type { SparseVector } from './tfidf';

// liblinear's default stopping tolerance on the projected gradient.
const TOLERANCE = 0.1;

/** Options of {@link trainLinearSvm}. */
export interface LinearSvmOptions {
  /** Inverse regularisation strength (liblinear's C). */
  c: number;
  /** Passes of dual coordinate descent over the data. */
  epochs: number;
  seed: number;
}

/** One-vs-rest linear SVM weights: class-major (classes x features), plus one bias per class. */
export interface LinearSvmWeights {
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * One-vs-rest L2-regularised squared-hinge linear SVM, trained by dual coordinate descent (Hsieh et al. 2008,
 * liblinear's default solver) with a bias column of 1. It is deterministic for a seed, needs no learning rate,
 * and converges in a few passes on sparse TF-IDF rows.
 */
export function trainLinearSvm(rows: readonly SparseVector[], labels: Int32Array, classCount: number, featureCount: number, options: LinearSvmOptions): LinearSvmWeights {
  const n = rows.length;
  const diag = 1 / (2 * options.c);
  const qii = Float64Array.from(rows, (row) => {
    let s = 1 + diag;
    for (const v of row.values) s += v * v;
    return s;
  });
  const weights = new Float32Array(classCount * featureCount);
  const bias = new Float32Array(classCount);
  const active = new Int32Array(n);
  const random = createRandom(options.seed);
  const alpha = new Float64Array(n);
  for (let k = 0; k < classCount; k += 1) {
    alpha.fill(0);
    const offset = k * featureCount;
    let b = 0;
    let size = n;
    for (let i = 0; i < n; i += 1) active[i] = i;
    // liblinear's shrinking: examples far on the right side of the margin leave the active set until convergence.
    let upperOld = Infinity;
    for (let epoch = 0; epoch < options.epochs; epoch += 1) {
      for (let i = size - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        const t = active[i] as number;
        active[i] = active[j] as number;
        active[j] = t;
      }
      let upper = -Infinity;
      let lower = Infinity;
      for (let p = 0; p < size; p += 1) {
        const i = active[p] as number;
        const { indices, values } = rows[i] as SparseVector;
        const y = labels[i] === k ? 1 : -1;
        let dot = b;
        for (let q = 0; q < indices.length; q += 1) dot += (values[q] as number) * (weights[offset + (indices[q] as number)] as number);
        const a = alpha[i] as number;
        const gradient = y * dot - 1 + diag * a;
        let projected = gradient;
        if (a === 0) {
          if (gradient > upperOld) {
            size -= 1;
            active[p] = active[size] as number;
            active[size] = i;
            p -= 1;
            continue;
          }
          if (gradient > 0) projected = 0;
        }
        upper = Math.max(upper, projected);
        lower = Math.min(lower, projected);
        if (projected === 0) continue;
        const next = Math.max(0, a - gradient / (qii[i] as number));
        const step = (next - a) * y;
        alpha[i] = next;
        for (let q = 0; q < indices.length; q += 1) {
          const column = offset + (indices[q] as number);
          weights[column] = (weights[column] as number) + step * (values[q] as number);
        }
        b += step;
      }
      if (upper - lower <= TOLERANCE) {
        if (size === n) break;
        size = n;
        upperOld = Infinity;
        continue;
      }
      upperOld = upper <= 0 ? Infinity : upper;
    }
    bias[k] = b;
  }
  return { weights, bias };
}
