import type { Pool } from 'pg';
import { chatTopicTagsSql } from './chat-topic-sql';
import { inTransaction, pseudonymsOf, thresholdParams, withClient, type TagRefreshDeps } from './refresh-support';
import { profilesSql, type Thresholds } from './tag-sql';

/** The thresholds of the shop's latest full refresh, or undefined before the first one. */
export async function latestThresholds(pool: Pool, shopId: string): Promise<Thresholds | undefined> {
  const { rows } = await pool.query<{ thresholds: Thresholds }>(
    `SELECT thresholds FROM audience_refreshes WHERE shop_id = $1 AND kind = 'full' AND status = 'done' ORDER BY started_at DESC LIMIT 1`,
    [shopId],
  );
  return rows[0]?.thresholds;
}

/**
 * Recomputes the tags of some customers (new or changed orders, a changed customer) with the thresholds of
 * the last full refresh. Returns the number of profiles written, or `undefined` when no full refresh ran yet.
 */
export async function refreshSomeTags(deps: TagRefreshDeps, shopId: string, input: { customerIds?: number[]; orderIds?: number[] }): Promise<number | undefined> {
  const thresholds = await latestThresholds(deps.pool, shopId);
  if (!thresholds) return undefined;
  const ids = new Set(input.customerIds ?? []);
  if (input.orderIds?.length) {
    const { rows } = await deps.pool.query<{ id: string }>('SELECT DISTINCT customer_id AS id FROM orders WHERE shop_id = $1 AND id = ANY($2::bigint[]) AND customer_id IS NOT NULL', [shopId, input.orderIds]);
    for (const row of rows) ids.add(Number(row.id));
  }
  if (ids.size === 0) return 0;
  const list = [...ids].sort((a, b) => a - b);
  const keyVersion = await deps.pseudonymizer.currentVersion(shopId);
  const subjects = await pseudonymsOf(deps, shopId, list);
  const asOf = deps.clock.now();
  return withClient(deps.pool, (client) =>
    inTransaction(client, async () => {
      await client.query('SET LOCAL jit = off');
      await client.query('DELETE FROM audience_profiles WHERE shop_id = $1 AND subject = ANY($2::text[])', [shopId, subjects]);
      const inserted = await client.query(
        `INSERT INTO audience_profiles (shop_id, subject, tags, key_version, computed_at)
         SELECT $1, p.subject, t.tags || coalesce(c.tags, '{}'::text[]), $9::int, $2::timestamptz FROM (${profilesSql('customers')}) t
         JOIN unnest($8::bigint[], $10::text[]) AS p(customer_id, subject) ON p.customer_id = t.customer_id
         LEFT JOIN (${chatTopicTagsSql({ shop: '$1', asOf: '$2', subjects: '$10' })}) c ON c.subject = p.subject`,
        [shopId, asOf, ...thresholdParams(thresholds), list, keyVersion, subjects],
      );
      return inserted.rowCount ?? 0;
    }),
  );
}
