/** A chart bucket that is safe to show: every count is at least k. */
export interface SafeBucket {
  value: string;
  count: number;
}

/** A distribution with every bucket under k merged into "other", and "other" itself dropped if still under k. */
export interface GatedDistribution {
  buckets: SafeBucket[];
  /** Values merged into the `other` bucket (shown as one bucket, count ≥ k), or hidden. */
  mergedValues: number;
  /** True when a remainder under k was left out entirely. */
  hiddenRemainder: boolean;
}

/** The label of the merged bucket. */
export const OTHER_BUCKET = 'other';

/**
 * Applies the k-floor to a distribution: no bucket under k is ever returned. Small values are pooled into
 * "other"; when even the pool is under k it is dropped, and the caller says some values are hidden.
 */
export function gateDistribution(counts: ReadonlyArray<SafeBucket>, k: number): GatedDistribution {
  const sorted = [...counts].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const buckets = sorted.filter((b) => b.count >= k);
  const small = sorted.filter((b) => b.count < k && b.count > 0);
  const pooled = small.reduce((sum, b) => sum + b.count, 0);
  if (pooled >= k) buckets.push({ value: OTHER_BUCKET, count: pooled });
  return { buckets, mergedValues: small.length, hiddenRemainder: pooled > 0 && pooled < k };
}

/** A count as shown to people: itself when at least k, otherwise nothing. */
export function gateCount(count: number, k: number): number | null {
  return count >= k ? count : null;
}
