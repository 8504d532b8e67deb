import type { Clock } from '../../../core/clock';
import { systemClock } from '../../../core/clock';

/** How many requests a key may make per window. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The outcome of one request against a limit. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts requests per key in fixed windows; in-process (each web process limits on its own). */
export interface RateLimiter {
  take(key: string): RateDecision;
}

const MAX_KEYS = 100_000;

/** A fixed-window limiter with a bounded key table, so a flood of distinct keys can't exhaust memory. */
export function createRateLimiter(rate: RateLimit, clock: Clock = systemClock): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const now = clock.now().getTime();
      let window = windows.get(key);
      if (!window || now - window.start >= rate.windowMs) {
        if (!window && windows.size >= MAX_KEYS) prune(windows, now, rate.windowMs);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= rate.limit) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + rate.windowMs - now) / 1000)) };
      }
      window.count += 1;
      return { allowed: true };
    },
  };
}

function prune(windows: Map<string, { start: number }>, now: number, windowMs: number): void {
  for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
  // Still full of live keys: drop the oldest half rather than grow without bound.
  if (windows.size >= MAX_KEYS) {
    let drop = Math.floor(windows.size / 2);
    for (const key of windows.keys()) {
      if (drop-- <= 0) break;
      windows.delete(key);
    }
  }
}
