/** allow: let it through; review: hold for a person; deny: refuse or cancel. */
export type Decision = 'allow' | 'review' | 'deny';

/** One reason behind a score: a stable code, plain words, and how much it moved the log-odds. */
export interface Reason {
  readonly code: string;
  /** Plain-words fact for the merchant, at most 256 characters. */
  readonly description: string;
  /** Log-odds added to the score (negative lowers the risk). */
  readonly contribution: number;
}

/** The outcome of scoring one order or account. */
export interface Verdict {
  /** Probability-like risk from 0 (safe) to 1 (fraud). */
  readonly score: number;
  readonly decision: Decision;
  /** Largest contributions first, at most 20. */
  readonly reasons: readonly Reason[];
  /** The rules' own score, before blending with a learned model. */
  readonly ruleScore: number;
  /** The learned model's score, when a trained model took part. */
  readonly modelScore?: number;
}
