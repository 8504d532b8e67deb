/** Shopify's `extensions.cost.throttleStatus`. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * Our estimate of a shop's leaky bucket, from the last throttle status Shopify reported.
 * Waiting for points before a request avoids THROTTLED answers instead of reacting to them.
 */
export class CostBucket {
  private status: ThrottleStatus | undefined;
  private observedAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  observe(status: ThrottleStatus): void {
    this.status = status;
    this.observedAt = this.now();
  }

  /** Points available now, assuming the bucket refilled at the restore rate since we last heard. */
  available(): number {
    if (!this.status) return Number.POSITIVE_INFINITY;
    const refilled = ((this.now() - this.observedAt) / 1000) * this.status.restoreRate;
    return Math.min(this.status.maximumAvailable, this.status.currentlyAvailable + refilled);
  }

  /** Milliseconds to wait before a query of `cost` points fits. */
  waitMsFor(cost: number): number {
    if (!this.status) return 0;
    const needed = Math.min(cost, this.status.maximumAvailable) - this.available();
    return needed <= 0 ? 0 : Math.ceil((needed / this.status.restoreRate) * 1000);
  }
}
