import type { Pool } from 'pg';
import type { Db } from '../../db';
import { poolOf, runNamedStatement } from '../../db';
import { createSubjectHasher } from '../../db/rate-limits';

/** A fixed window: at most `max` failures per `windowMs`. */
export interface LimitRule {
  max: number;
  windowMs: number;
}

// A window that ran out starts again at this failure.
const FAIL = {
  name: 'storedesk_bot_limits_fail',
  text: `INSERT INTO bot_rate_limits AS l (shop_id, key, window_start, count) VALUES ($1, $2, $3, 1)
    ON CONFLICT (shop_id, key) DO UPDATE SET
      count = CASE WHEN l.window_start <= $4::timestamptz THEN 1 ELSE l.count + 1 END,
      window_start = CASE WHEN l.window_start <= $4::timestamptz THEN excluded.window_start ELSE l.window_start END`,
};

/** A key's failures in its current window, as stored. */
export interface LimitRow {
  key: string;
  window_start: Date;
  count: number;
}

/** True when any of the rows has used up its key's failures in the current window. */
export function limitReached(rows: readonly LimitRow[], keys: ReadonlyArray<{ key: string; rule: LimitRule }>, now: Date): boolean {
  return rows.some((row) => {
    const rule = keys.find((k) => k.key === row.key)?.rule;
    return rule !== undefined && now.getTime() - row.window_start.getTime() < rule.windowMs && row.count >= rule.max;
  });
}

/**
 * Counts failed order lookups in the database, so limits hold across bot processes and restarts.
 * Keys are the caller's (per conversation, per shop and IP); every row is scoped by shop.
 */
export class FailureLimiter {
  private readonly pool: Pool;
  private readonly hashSubject: (scope: string, subject: string) => string;

  /** `secret` keys the hash of IPs in keys (the installation's `ENCRYPTION_KEY`, so every process counts alike). */
  constructor(db: Db, secret: string | Buffer) {
    this.pool = poolOf(db);
    this.hashSubject = createSubjectHasher(secret);
  }

  /** The key of a shop-and-IP limit: a keyed hash, never the IP itself. */
  ipKey(ip: string): string {
    return `order-lookup:ip:${this.hashSubject('order-lookup.ip', ip)}`;
  }

  /** Records one failure against every key, starting a new window where the old one ran out. */
  async fail(shopId: string, keys: ReadonlyArray<{ key: string; rule: LimitRule }>, now: Date): Promise<void> {
    for (const { key, rule } of keys) {
      await runNamedStatement(this.pool, FAIL, [shopId, key, now, new Date(now.getTime() - rule.windowMs)]);
    }
  }
}
