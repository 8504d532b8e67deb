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

const revealsSmallGroup = (count: number, k: number) => count > 0 && count < k;
const sum = (buckets: readonly SafeBucket[]) => buckets.reduce((n, b) => n + b.count, 0);

/**
 * Applies the k-floor to a distribution: no bucket under k is ever returned. Small values are pooled into
 * "other"; when even the pool is under k it is dropped, and the caller says some values are hidden.
 *
 * With `total` (the size of the group charted), no shown count may differ from it by 1 to k-1 either, since
 * the difference is a group too: a value held by all but a few is pooled. For kinds where each customer has
 * at most one value (not `multiValued`), what the chart leaves unaccounted (customers without a value, and a
 * pool too small to show) is kept at 0 or at least k, pooling the smallest shown values until it is.
 */
export function gateDistribution(counts: ReadonlyArray<SafeBucket>, k: number, options: { total?: number; multiValued?: boolean } = {}): GatedDistribution {
  const { total } = options;
  const singlesOut = (count: number) => total !== undefined && revealsSmallGroup(total - count, k);
  const sorted = [...counts].filter((b) => b.count > 0).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const shown = sorted.filter((b) => b.count >= k && !singlesOut(b.count));
  // With several values each, pooling a value would only relabel its count: it is left out instead.
  const dropped = options.multiValued ? sorted.filter((b) => b.count >= k && singlesOut(b.count)) : [];
  const small = sorted.filter((b) => !shown.includes(b) && !dropped.includes(b));
  const otherOf = () => (sum(small) >= k ? sum(small) : 0);
  if (total !== undefined && !options.multiValued) {
    while (shown.length > 0 && revealsSmallGroup(total - sum(shown) - otherOf(), k)) small.push(shown.pop()!);
  }
  const pooled = sum(small);
  const showOther = pooled >= k && !singlesOut(pooled);
  const buckets = [...shown];
  if (showOther) buckets.push({ value: OTHER_BUCKET, count: pooled });
  return { buckets, mergedValues: small.length, hiddenRemainder: (pooled > 0 && !showOther) || dropped.length > 0 };
}

/** A count as shown to people: itself when at least k, otherwise nothing. */
export function gateCount(count: number, k: number): number | null {
  return count >= k ? count : null;
}
