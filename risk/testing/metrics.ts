/** A score and its true label. */
export interface LabelledScore {
  readonly score: number;
  readonly fraud: boolean;
}

/** ROC AUC by the rank-sum method, ties counted as half. NaN without both classes. */
export function rocAuc(items: readonly LabelledScore[]): number {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end < sorted.length && sorted[end]!.score === sorted[start]!.score) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let index = start; index < end; index++) {
      if (sorted[index]!.fraud) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Precision and recall when flagging everything scored above the threshold that lets through
 * at most `fpr` of the genuine orders (ties at the threshold are not flagged).
 */
export function precisionAtFpr(
  items: readonly LabelledScore[],
  fpr: number,
): { precision: number; recall: number; threshold: number } {
  const negatives = items
    .filter((item) => !item.fraud)
    .map((item) => item.score)
    .sort((a, b) => b - a);
  const allowed = Math.floor(negatives.length * fpr);
  const threshold = negatives[allowed] ?? -Infinity;
  const flagged = items.filter((item) => item.score > threshold);
  const caught = flagged.filter((item) => item.fraud).length;
  const positives = items.filter((item) => item.fraud).length;
  return {
    precision: flagged.length ? caught / flagged.length : Number.NaN,
    recall: positives ? caught / positives : Number.NaN,
    threshold,
  };
}
