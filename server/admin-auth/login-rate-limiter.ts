import { UnavailableError } from '../../core/errors';
import type { RateLimit, RateLimits } from '../../db/rate-limits';

/** Limits staff sign-in attempts per client address, in a budget every web process shares. */
export interface LoginRateLimiter {
  /** Counts one sign-in attempt; the seconds to wait when the client is over its budget, else 0. */
  attempt(client: string, now: Date): Promise<number>;
  /** The right password: the client's earlier failures stop counting. */
  succeeded(client: string): Promise<void>;
}

/** Options of {@link createLoginRateLimiter}. */
export interface LoginRateLimiterOptions {
  rateLimits: RateLimits;
  /** Sign-ins without success allowed per window (default 5). */
  maxFailures?: number;
  /** Fixed window from the first attempt, in seconds (default 15 minutes). */
  windowSeconds?: number;
}

/**
 * `maxFailures` sign-ins per client per window, counted in the database so N web processes still allow
 * `maxFailures`, not N times as many; a success clears the client's count. Every attempt costs one
 * statement; a success costs one more. When the count can't be taken the sign-in is refused with a 503
 * (fail closed): this budget guards the admin password, and someone who can make the database stall
 * must not get unlimited guesses out of it. Staff can sign in again when the database answers.
 */
export function createLoginRateLimiter(options: LoginRateLimiterOptions): LoginRateLimiter {
  const limit: RateLimit = { scope: 'admin.login', max: options.maxFailures ?? 5, windowMs: (options.windowSeconds ?? 15 * 60) * 1000 };
  return {
    async attempt(client, now) {
      let decision;
      try {
        decision = await options.rateLimits.take([{ limit, subject: client }], now);
      } catch (error) {
        throw new UnavailableError('Sign-in is unavailable for a moment; please try again shortly', { cause: error });
      }
      return decision.allowed ? 0 : decision.retryAfterSeconds;
    },
    async succeeded(client) {
      // The session is what matters now; a failed reset only leaves the count to run out with its window.
      await options.rateLimits.reset({ limit, subject: client }).catch(() => undefined);
    },
  };
}
