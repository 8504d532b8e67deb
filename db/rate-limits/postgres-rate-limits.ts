import { runNamed, type RateLimitsQueryable } from './run-named';
import { createSubjectHasher } from './subject-hash';
import type { RateLimitAttempt, RateLimitDecision, RateLimits } from './types';

// One statement counts the attempt against every budget: a window that has ended starts again here.
const TAKE = `INSERT INTO rate_limits AS l (scope, subject, count, expires_at)
  SELECT a.scope, a.subject, 1, $1::timestamptz + a.window_ms * interval '1 millisecond'
  FROM unnest($2::text[], $3::text[], $4::float8[]) AS a(scope, subject, window_ms)
  ON CONFLICT (scope, subject) DO UPDATE SET
    count = CASE WHEN l.expires_at <= $1::timestamptz THEN 1 ELSE LEAST(l.count + 1, 2147483647) END,
    expires_at = CASE WHEN l.expires_at <= $1::timestamptz THEN excluded.expires_at ELSE l.expires_at END
  RETURNING l.scope, l.subject, l.count, l.expires_at`;

const RESET = 'DELETE FROM rate_limits WHERE scope = $1 AND subject = $2';

const SWEEP = `DELETE FROM rate_limits WHERE (scope, subject) IN (
  SELECT scope, subject FROM rate_limits WHERE expires_at < $1 LIMIT $2)`;

/** Options of {@link createRateLimits}. */
export interface RateLimitsOptions {
  /** The node-postgres pool (`database.pool`, or `poolOf(db)`). */
  db: RateLimitsQueryable;
  /** An installation secret (ENCRYPTION_KEY); subjects are stored as keyed hashes under a key derived from it. */
  secret: string | Buffer;
  /** Sweep expired windows after this many takes in this process (default 500); 0 turns it off. */
  sweepEvery?: number;
  /** Windows deleted per sweep (default 1,000), so a sweep stays one short statement. */
  sweepBatch?: number;
}

/**
 * Fixed-window attempt counters in Postgres (`rate_limits`), so every web process spends one shared
 * budget and a restart forgets nothing. Expired windows only cost space: now and then a take starts a
 * bounded sweep in the background, which the attempt does not wait for.
 */
export function createRateLimits(options: RateLimitsOptions): RateLimits {
  const { db } = options;
  const hash = createSubjectHasher(options.secret);
  const sweepEvery = options.sweepEvery ?? 500;
  const sweepBatch = options.sweepBatch ?? 1_000;
  let takes = 0;
  let sweeping = false;

  async function sweep(now: Date, batch = sweepBatch): Promise<number> {
    const result = await db.query({ text: SWEEP, values: [now, batch] });
    return result.rowCount ?? 0;
  }

  function sweepNowAndThen(now: Date): void {
    takes += 1;
    if (sweepEvery <= 0 || takes % sweepEvery !== 0 || sweeping) return;
    sweeping = true;
    // A failed sweep loses nothing: the rows wait for the next one.
    sweep(now)
      .catch(() => undefined)
      .finally(() => (sweeping = false));
  }

  return {
    async take(attempts: readonly RateLimitAttempt[], now: Date): Promise<RateLimitDecision> {
      const keyed = new Map<string, { scope: string; subject: string; max: number; windowMs: number }>();
      for (const { limit, subject } of attempts) {
        const hashed = hash(limit.scope, subject);
        keyed.set(`${limit.scope}\n${hashed}`, { scope: limit.scope, subject: hashed, max: limit.max, windowMs: limit.windowMs });
      }
      if (keyed.size === 0) return { allowed: true };
      // One order for every caller, so two attempts on the same rows lock them in the same order.
      const rows = [...keyed.values()].sort((a, b) => (a.scope + a.subject < b.scope + b.subject ? -1 : 1));
      const counted = await runNamed<{ scope: string; subject: string; count: number; expires_at: Date }>(db, 'storedesk_rate_limits_take', TAKE, [
        now,
        rows.map((row) => row.scope),
        rows.map((row) => row.subject),
        rows.map((row) => row.windowMs),
      ]);
      sweepNowAndThen(now);
      let refused: { retryAfterSeconds: number; scope: string } | undefined;
      for (const row of counted) {
        const budget = keyed.get(`${row.scope}\n${row.subject}`);
        if (!budget || row.count <= budget.max) continue;
        const wait = Math.max(1, Math.ceil((new Date(row.expires_at).getTime() - now.getTime()) / 1000));
        if (!refused || wait > refused.retryAfterSeconds) refused = { retryAfterSeconds: wait, scope: row.scope };
      }
      return refused ? { allowed: false, ...refused } : { allowed: true };
    },
    async reset({ limit, subject }: RateLimitAttempt): Promise<void> {
      await db.query({ text: RESET, values: [limit.scope, hash(limit.scope, subject)] });
    },
    sweep,
  };
}
