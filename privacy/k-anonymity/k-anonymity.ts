/** The privacy floor when a shop sets none. */
export const DEFAULT_K = 10;
/** No shop setting may go below this (PDPC's guide names 3-5 as the industry floor; we go higher). */
export const MIN_K = 5;

/** Outcome of {@link checkKAnonymity}. */
export interface KAnonymityResult {
  /** True when every group has at least `k` rows (an empty table passes). */
  ok: boolean;
  k: number;
  /** Size of the smallest group; 0 for no rows. */
  smallestGroup: number;
  groups: number;
  /** Groups, and rows in them, that are smaller than `k`. */
  groupsBelowK: number;
  rowsBelowK: number;
}

function groupSizes(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  quasiIdentifiers: readonly string[],
): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(quasiIdentifiers.map((q) => (row[q] === undefined ? null : row[q])));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

/** The size of the smallest group of rows that share all quasi-identifier values (0 for no rows). */
export function smallestGroupSize(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  quasiIdentifiers: readonly string[],
): number {
  let smallest = 0;
  for (const size of groupSizes(rows, quasiIdentifiers).values())
    if (smallest === 0 || size < smallest) smallest = size;
  return smallest;
}

/** Checks that every quasi-identifier group has at least `k` rows; returns a value, never throws. */
export function checkKAnonymity(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  quasiIdentifiers: readonly string[],
  k: number,
): KAnonymityResult {
  const sizes = groupSizes(rows, quasiIdentifiers);
  let smallestGroup = 0;
  let groupsBelowK = 0;
  let rowsBelowK = 0;
  for (const size of sizes.values()) {
    if (smallestGroup === 0 || size < smallestGroup) smallestGroup = size;
    if (size < k) {
      groupsBelowK++;
      rowsBelowK += size;
    }
  }
  return { ok: groupsBelowK === 0, k, smallestGroup, groups: sizes.size, groupsBelowK, rowsBelowK };
}

/** The k to enforce for a shop setting: default 10, whole numbers only, never below 5. */
export function effectiveK(setting?: number | null): number {
  if (setting === null || setting === undefined || !Number.isFinite(setting)) return DEFAULT_K;
  return Math.max(MIN_K, Math.floor(setting));
}
