/** Limits failed admin logins per client, in a sliding window. */
export interface LoginRateLimiter {
  /** Seconds to wait before the next try, or 0 when the client may try now. */
  retryAfter(client: string, now: Date): number;
  recordFailure(client: string, now: Date): void;
  recordSuccess(client: string): void;
}

/**
 * In-process limiter: `maxFailures` failed logins per client in `windowSeconds`. Each process keeps its
 * own count, so N processes allow N times the budget; still far too few tries to guess a 12+ character
 * password. The map is bounded so a flood of addresses can't grow memory without limit.
 */
export function createLoginRateLimiter(options: { maxFailures?: number; windowSeconds?: number; maxClients?: number } = {}): LoginRateLimiter {
  const maxFailures = options.maxFailures ?? 5;
  const windowMs = (options.windowSeconds ?? 15 * 60) * 1000;
  const maxClients = options.maxClients ?? 10_000;
  const failures = new Map<string, number[]>();

  function recent(client: string, now: Date): number[] {
    const kept = (failures.get(client) ?? []).filter((at) => now.getTime() - at < windowMs);
    if (kept.length) failures.set(client, kept);
    else failures.delete(client);
    return kept;
  }

  return {
    retryAfter(client, now) {
      const kept = recent(client, now);
      if (kept.length < maxFailures) return 0;
      const oldest = kept[kept.length - maxFailures] ?? now.getTime();
      return Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
    },
    recordFailure(client, now) {
      const kept = recent(client, now);
      kept.push(now.getTime());
      failures.set(client, kept);
      if (failures.size > maxClients) {
        const oldestClient = failures.keys().next().value;
        if (oldestClient !== undefined) failures.delete(oldestClient);
      }
    },
    recordSuccess(client) {
      failures.delete(client);
    },
  };
}
