/** One budget: at most `max` attempts per fixed window of `windowMs`, under a stable scope name. */
export interface RateLimit {
  /** Names the budget in the table, e.g. `admin.login` or `direct-line.ip`; never personal. */
  scope: string;
  max: number;
  windowMs: number;
}

/** One attempt against one budget, by one subject (an address, a token's conversation, an identifier). */
export interface RateLimitAttempt {
  limit: RateLimit;
  /** Hashed with the installation's key before it is stored; the table never holds it. */
  subject: string;
}

/** Whether an attempt may go ahead; when not, the seconds until the fullest window ends, and its scope. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: string };

/** Shared attempt counters: every process using the same database spends one budget. */
export interface RateLimits {
  /**
   * Counts one attempt against each budget in one statement; refused when any is over its maximum.
   * Refused attempts count too, but never extend a window.
   */
  take(attempts: readonly RateLimitAttempt[], now: Date): Promise<RateLimitDecision>;
  /** Forgets a subject's count in a budget (a staff member signed in: their failures no longer count). */
  reset(attempt: RateLimitAttempt): Promise<void>;
  /** Deletes up to `batch` windows that ended before `now`; returns how many went. */
  sweep(now: Date, batch?: number): Promise<number>;
}
