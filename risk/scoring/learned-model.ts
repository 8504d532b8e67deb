import type { Features } from '../signals';
import { FEATURE_NAMES } from '../signals';
import { toModelInputs } from './feature-transform';
import { solveLinear } from './solve-linear';

/** Fewest labelled outcomes before a model is trained (see `RulesDocument.model.minLabels`). */
export const DEFAULT_MIN_LABELS = 200;
/** Fewest outcomes of each kind (fraud, not fraud): a model that never saw fraud learns nothing. */
export const MIN_LABELS_PER_CLASS = 20;

/** One scored order with its known outcome. */
export interface LabelledExample {
  readonly features: Features;
  readonly fraud: boolean;
}

/** The serialised model, as stored beside the shop's rules. */
export interface LearnedModelJson {
  readonly kind: 'logistic-regression';
  readonly features: readonly string[];
  readonly means: readonly number[];
  readonly scales: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  readonly labelCount: number;
}

/** A logistic regression over the signal features, trained on the shop's own outcomes. */
export class LearnedModel {
  constructor(private readonly json: LearnedModelJson) {}

  get labelCount(): number {
    return this.json.labelCount;
  }

  /** Log-odds of fraud for one feature vector. */
  predictLogOdds(features: Features): number {
    const inputs = toModelInputs(features);
    let sum = this.json.bias;
    inputs.forEach((value, index) => {
      sum +=
        (this.json.weights[index] ?? 0) *
        ((value - (this.json.means[index] ?? 0)) / (this.json.scales[index] ?? 1));
    });
    return sum;
  }

  toJSON(): LearnedModelJson {
    return this.json;
  }

  /** Restores a model; undefined when it was trained on a different feature list. */
  static fromJSON(json: LearnedModelJson): LearnedModel | undefined {
    const same =
      json.features.length === FEATURE_NAMES.length &&
      json.features.every((name, i) => name === FEATURE_NAMES[i]);
    return same ? new LearnedModel(json) : undefined;
  }
}

/** Outcome of {@link trainRiskModel}: a model, or why there is none yet. */
export type TrainResult =
  | { readonly trained: true; readonly model: LearnedModel }
  | { readonly trained: false; readonly reason: string; readonly labelCount: number };

function standardise(rows: number[][]): { means: number[]; scales: number[] } {
  const width = FEATURE_NAMES.length;
  const means = new Array<number>(width).fill(0);
  const scales = new Array<number>(width).fill(0);
  for (const row of rows) row.forEach((value, i) => (means[i]! += value / rows.length));
  for (const row of rows) row.forEach((value, i) => (scales[i]! += (value - means[i]!) ** 2 / rows.length));
  return { means, scales: scales.map((variance) => Math.sqrt(variance) || 1) };
}

/**
 * Trains an L2-regularised logistic regression by Newton's method (a few passes suffice for this
 * many features). Refuses, as a value, below `minLabels` outcomes or {@link MIN_LABELS_PER_CLASS} of a kind.
 */
export function trainRiskModel(
  examples: readonly LabelledExample[],
  options: { minLabels?: number; l2?: number; iterations?: number } = {},
): TrainResult {
  const minLabels = options.minLabels ?? DEFAULT_MIN_LABELS;
  const frauds = examples.filter((example) => example.fraud).length;
  if (examples.length < minLabels) {
    return {
      trained: false,
      reason: `needs at least ${minLabels} labelled outcomes, has ${examples.length}`,
      labelCount: examples.length,
    };
  }
  if (Math.min(frauds, examples.length - frauds) < MIN_LABELS_PER_CLASS) {
    return {
      trained: false,
      reason: `needs at least ${MIN_LABELS_PER_CLASS} fraud and ${MIN_LABELS_PER_CLASS} genuine outcomes`,
      labelCount: examples.length,
    };
  }
  const raw = examples.map((example) => toModelInputs(example.features));
  const { means, scales } = standardise(raw);
  const rows = raw.map((row) => [1, ...row.map((value, i) => (value - means[i]!) / scales[i]!)]);
  const labels = examples.map((example) => (example.fraud ? 1 : 0));
  const width = FEATURE_NAMES.length + 1;
  const l2 = options.l2 ?? 1;
  let beta = new Array<number>(width).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 12); iteration++) {
    const gradient = beta.map((b, j) => (j === 0 ? 0 : l2 * b));
    const hessian = Array.from({ length: width }, (_, j) =>
      Array.from({ length: width }, (_, k) => (j === k && j > 0 ? l2 : j === k ? 1e-6 : 0)),
    );
    rows.forEach((row, index) => {
      const z = row.reduce((sum, value, j) => sum + value * beta[j]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const w = Math.max(p * (1 - p), 1e-9);
      const error = p - labels[index]!;
      for (let j = 0; j < width; j++) {
        const rj = row[j]!;
        if (rj === 0) continue;
        gradient[j]! += error * rj;
        const hj = hessian[j]!;
        for (let k = j; k < width; k++) hj[k]! += w * rj * row[k]!;
      }
    });
    for (let j = 0; j < width; j++) for (let k = 0; k < j; k++) hessian[j]![k] = hessian[k]![j]!;
    const step = solveLinear(hessian, gradient);
    beta = beta.map((b, j) => b - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  const [bias = 0, ...weights] = beta;
  return {
    trained: true,
    model: new LearnedModel({
      kind: 'logistic-regression',
      features: [...FEATURE_NAMES],
      means,
      scales,
      weights,
      bias,
      labelCount: examples.length,
    }),
  };
}
