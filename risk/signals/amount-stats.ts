const LOG_MIN = Math.log(0.01);
const BIN_WIDTH = 0.05;
const BINS = 340; // up to about 240,000 in the shop's currency

/** Robust summary of a shop's order amounts on the log scale. */
export interface AmountSummary {
  readonly count: number;
  /** Median of log(amount). */
  readonly logMedian: number;
  /** Median absolute deviation of log(amount), scaled by 1.4826 to read like a standard deviation. */
  readonly logSpread: number;
}

function binOf(amount: number): number {
  const bin = Math.floor((Math.log(Math.max(amount, 0.01)) - LOG_MIN) / BIN_WIDTH);
  return Math.min(BINS - 1, Math.max(0, bin));
}

function centre(bin: number): number {
  return LOG_MIN + (bin + 0.5) * BIN_WIDTH;
}

function medianBin(counts: ArrayLike<number>, total: number): number {
  let seen = 0;
  for (let bin = 0; bin < counts.length; bin++) {
    seen += counts[bin] as number;
    if (seen * 2 >= total) return bin;
  }
  return counts.length - 1;
}

/**
 * A running histogram of log order amounts: constant memory, serialisable with toJSON/fromJSON,
 * and robust to the outliers fraud itself produces (median and MAD, not mean and variance).
 */
export class RunningAmountStats {
  private readonly counts: Float64Array;
  private total = 0;
  private cached: { total: number; summary: AmountSummary } | undefined;

  constructor(counts?: readonly number[]) {
    this.counts = new Float64Array(BINS);
    if (counts) counts.slice(0, BINS).forEach((count, bin) => (this.counts[bin] = count));
    this.total = this.counts.reduce((sum, count) => sum + count, 0);
  }

  observe(amount: number): void {
    if (!Number.isFinite(amount) || amount <= 0) return;
    this.counts[binOf(amount)]! += 1;
    this.total += 1;
  }

  /** The current summary; recomputed after every 1% (at least 5) new observations, as it barely moves. */
  summary(): AmountSummary | undefined {
    if (this.total === 0) return undefined;
    const cached = this.cached;
    if (cached && this.total - cached.total < Math.max(5, cached.total / 100)) return cached.summary;
    const summary = this.compute();
    this.cached = { total: this.total, summary };
    return summary;
  }

  private compute(): AmountSummary {
    const middle = medianBin(this.counts, this.total);
    const deviations = new Float64Array(BINS);
    for (let bin = 0; bin < BINS; bin++) deviations[Math.abs(bin - middle)]! += this.counts[bin] as number;
    const mad = (medianBin(deviations, this.total) + 0.5) * BIN_WIDTH;
    return { count: this.total, logMedian: centre(middle), logSpread: Math.max(0.1, 1.4826 * mad) };
  }

  toJSON(): { counts: number[] } {
    return { counts: [...this.counts] };
  }

  static fromJSON(json: { counts: readonly number[] }): RunningAmountStats {
    return new RunningAmountStats(json.counts);
  }
}
