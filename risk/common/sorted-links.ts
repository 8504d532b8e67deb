/** Index of the first element of sorted `times` that is >= `at`. */
export function lowerBound(times: readonly number[], at: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] as number) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Time-ordered (time, account) pairs for one identifier, kept sorted even when events arrive late. */
export class SortedLinks {
  readonly times: number[] = [];
  readonly accounts: string[] = [];

  insert(at: number, account: string): void {
    const last = this.times.length - 1;
    if (last < 0 || (this.times[last] as number) <= at) {
      this.times.push(at);
      this.accounts.push(account);
      return;
    }
    const index = lowerBound(this.times, at + 1);
    this.times.splice(index, 0, at);
    this.accounts.splice(index, 0, account);
  }

  /** Distinct accounts within `[since, until)` with their latest time, latest first, stopping at `limit`. */
  distinct(since: number, until: number, limit: number): { account: string; lastSeen: number }[] {
    const seen = new Map<string, number>();
    const start = lowerBound(this.times, since);
    for (let index = lowerBound(this.times, until) - 1; index >= start && seen.size < limit; index--) {
      const account = this.accounts[index] as string;
      if (!seen.has(account)) seen.set(account, this.times[index] as number);
    }
    return [...seen].map(([account, lastSeen]) => ({ account, lastSeen }));
  }
}
