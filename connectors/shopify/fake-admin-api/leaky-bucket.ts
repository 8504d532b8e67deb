/** Shopify's cost bucket: drains by query cost, refills at `restoreRate` points a second up to `maximumAvailable`. */
export class LeakyBucket {
  private level: number;
  private at: number;

  constructor(
    readonly maximumAvailable: number,
    readonly restoreRate: number,
    private readonly now: () => number,
  ) {
    this.level = maximumAvailable;
    this.at = now();
  }

  /** Points available right now. */
  available(): number {
    const t = this.now();
    this.level = Math.min(this.maximumAvailable, this.level + ((t - this.at) / 1000) * this.restoreRate);
    this.at = t;
    return this.level;
  }

  /** Takes `cost` points if there are enough; otherwise takes nothing and answers false. */
  take(cost: number): boolean {
    if (this.available() < cost) return false;
    this.level -= cost;
    return true;
  }

  /** Gives back what a query did not use (requested minus actual). */
  refund(points: number): void {
    this.level = Math.min(this.maximumAvailable, this.available() + Math.max(0, points));
  }

  /** The `throttleStatus` object of `extensions.cost`. */
  status(): { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } {
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.available()), restoreRate: this.restoreRate };
  }
}
