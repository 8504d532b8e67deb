import type { Queryable } from './queryable';

/** At most `max` attempts per `windowMs` for one key. */
export interface WindowLimit {
  key: string;
  max: number;
  windowMs: number;
}

/** Whether an attempt may go ahead; when not, the seconds until the fullest window ends. */
export type WindowDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// One statement counts the attempt against every key: a window that has ended starts again here.
const TAKE = `INSERT INTO risk_rate_limits AS l (shop_id, key, count, expires_at)
  SELECT $1, k.key, 1, $2::timestamptz + k.window_ms::float8 * interval '1 millisecond' FROM unnest($3::text[], $4::bigint[]) AS k(key, window_ms)
  ON CONFLICT (shop_id, key) DO UPDATE SET
    count = CASE WHEN l.expires_at <= $2::timestamptz THEN 1 ELSE l.count + 1 END,
    expires_at = CASE WHEN l.expires_at <= $2::timestamptz THEN excluded.expires_at ELSE l.expires_at END
  RETURNING l.key, l.count, l.expires_at`;

const PRUNE_EVERY = 200;
const PRUNE_BATCH = 1_000;

/**
 * Fixed-window attempt counters in Postgres, so every web process spends one shared budget and a
 * restart forgets nothing. Keys are scoped by shop; callers hash anything personal before it
 * becomes a key. Every attempt counts, refused ones too, but a refused one never extends a window.
 */
export function createWindowCounters(db: Queryable) {
  let takes = 0;
  async function prune(now: Date): Promise<void> {
    await db.query({
      text: `DELETE FROM risk_rate_limits WHERE ctid IN (SELECT ctid FROM risk_rate_limits WHERE expires_at < $1 LIMIT ${PRUNE_BATCH})`,
      values: [now],
    });
  }
  return {
    /** Counts one attempt against each limit; refused when any of them is over its maximum. */
    async take(shopId: string, limits: readonly WindowLimit[], now: Date): Promise<WindowDecision> {
      const unique = [...new Map(limits.map((limit) => [limit.key, limit])).values()];
      if (unique.length === 0) return { allowed: true };
      const { rows } = await db.query<{ key: string; count: number; expires_at: Date }>({
        text: TAKE,
        values: [shopId, now, unique.map((l) => l.key), unique.map((l) => l.windowMs)],
      });
      takes += 1;
      // Expired rows only cost space; clearing some now and then keeps the table to live windows.
      if (takes % PRUNE_EVERY === 0) await prune(now).catch(() => undefined);
      let wait = 0;
      for (const row of rows) {
        const limit = unique.find((l) => l.key === row.key);
        if (limit && row.count > limit.max) wait = Math.max(wait, Math.ceil((row.expires_at.getTime() - now.getTime()) / 1000));
      }
      return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
    },
    prune,
  };
}

/** The counters of {@link createWindowCounters}. */
export type WindowCounters = ReturnType<typeof createWindowCounters>;
