import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';

/** A fixed window: at most `max` failures per `windowMs`. */
export interface LimitRule {
  max: number;
  windowMs: number;
}

/**
 * Counts failed order lookups in the database, so limits hold across bot processes and restarts.
 * Keys are the caller's (per conversation, per shop and IP); every row is scoped by shop.
 */
export class FailureLimiter {
  constructor(private readonly db: Db) {}

  /** True when any key has used up its failures in the current window. */
  async blocked(shopId: string, keys: ReadonlyArray<{ key: string; rule: LimitRule }>, now: Date): Promise<boolean> {
    if (keys.length === 0) return false;
    const table = schema.botRateLimits;
    const rows = await this.db
      .select({ key: table.key, windowStart: table.windowStart, count: table.count })
      .from(table)
      .where(and(eq(table.shopId, shopId), sql`${table.key} in ${keys.map((k) => k.key)}`));
    return rows.some((row) => {
      const rule = keys.find((k) => k.key === row.key)?.rule;
      return rule !== undefined && now.getTime() - row.windowStart.getTime() < rule.windowMs && row.count >= rule.max;
    });
  }

  /** Records one failure against every key, starting a new window where the old one ran out. */
  async fail(shopId: string, keys: ReadonlyArray<{ key: string; rule: LimitRule }>, now: Date): Promise<void> {
    const table = schema.botRateLimits;
    for (const { key, rule } of keys) {
      const expired = sql`${table.windowStart} <= ${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
      await this.db
        .insert(table)
        .values({ shopId, key, windowStart: now, count: 1 })
        .onConflictDoUpdate({
          target: [table.shopId, table.key],
          set: {
            count: sql`case when ${expired} then 1 else ${table.count} + 1 end`,
            windowStart: sql`case when ${expired} then excluded.window_start else ${table.windowStart} end`,
          },
        });
    }
  }
}
