import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { chatTopicTagsSql } from './chat-topic-sql';
import { orderStatsSql, thresholdsSql } from './order-stats-sql';
import { pruneChatTopics, rekeyChatTopics } from './refresh-chat-topics';
import { asNumbers, inTransaction, pseudonymsOf, thresholdParams, tuneForBulk, withClient, type TagRefreshDeps } from './refresh-support';
import { DEFINITIONS_VERSION } from './tag-definitions';
import { profilesSql, type Thresholds } from './tag-sql';

/** Outcome of a full refresh. */
export interface FullRefreshReport {
  refreshId: string;
  profiles: number;
  durationMs: number;
  keyVersion: number;
  thresholds: Thresholds;
}

/** Per-customer order figures once (thresholds come from them), then every customer's tags, into temp tables. */
async function computeShopTags(client: PoolClient, shopId: string, asOf: Date, stats: string, tags: string): Promise<Thresholds> {
  const thresholds = await inTransaction(client, async () => {
    await tuneForBulk(client);
    await client.query(`CREATE TEMP TABLE ${stats} AS ${orderStatsSql('shop')}`, [shopId, asOf]);
    await client.query(`ANALYZE ${stats}`);
    const { rows: [t] } = await client.query<Record<keyof Thresholds, unknown>>(thresholdsSql(stats), [shopId, asOf]);
    return { recency: asNumbers(t?.recency), frequency: asNumbers(t?.frequency), monetary: asNumbers(t?.monetary), spend: asNumbers(t?.spend) };
  });
  await inTransaction(client, async () => {
    await tuneForBulk(client);
    await client.query(`CREATE TEMP TABLE ${tags} AS ${profilesSql('shop', stats)}`, [shopId, asOf, ...thresholdParams(thresholds)]);
  });
  return thresholds;
}

/**
 * Replaces the shop's profiles by those in `computed` (customer_id, subject, tags), writing only rows that
 * change: a nightly refresh that finds most tags as they were rewrites few rows, leaving little for vacuum and
 * the GIN index to do. `computed_at` thus says when a row's tags last changed. Returns the number of profiles.
 */
async function swapInProfiles(client: PoolClient, shopId: string, asOf: Date, keyVersion: number, computed: string): Promise<number> {
  // Customers redacted while the tags were computed get no profile.
  await client.query(`DELETE FROM ${computed} n USING customers c WHERE c.shop_id = $1 AND c.id = n.customer_id AND c.redacted_at IS NOT NULL`, [shopId]);
  await client.query(`DELETE FROM audience_profiles a WHERE a.shop_id = $1 AND NOT EXISTS (SELECT 1 FROM ${computed} n WHERE n.subject = a.subject)`, [shopId]);
  await client.query(
    `INSERT INTO audience_profiles (shop_id, subject, tags, key_version, computed_at) SELECT $1, subject, tags, $3::int, $2::timestamptz FROM ${computed}
     ON CONFLICT (shop_id, subject) DO UPDATE SET tags = EXCLUDED.tags, key_version = EXCLUDED.key_version, computed_at = EXCLUDED.computed_at
     WHERE audience_profiles.tags IS DISTINCT FROM EXCLUDED.tags OR audience_profiles.key_version <> EXCLUDED.key_version`,
    [shopId, asOf, keyVersion],
  );
  const { rows: [count] } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${computed}`);
  return Number(count?.n ?? 0);
}

/**
 * After a full refresh: fresh statistics for segment plans, and the GIN index's pending entries merged so that
 * segment sizes need not scan them (neither happens by itself where autovacuum is off, as on embedded PGlite).
 */
async function tidyAfterFullRefresh(pool: Pool): Promise<void> {
  await pool.query('ANALYZE audience_profiles').catch(() => undefined);
  await pool.query(`SELECT gin_clean_pending_list('audience_profiles_tags_idx'::regclass)`).catch(() => undefined);
}

/**
 * Recomputes every customer's tags in set-based SQL and replaces the shop's profiles in one short transaction,
 * so readers see the old set or the new one. Tags are computed by customer id into temp tables while the
 * pseudonyms are derived in the app (keys never reach the database); only changed rows are written.
 * Redacted customers get no profile, and their chat topics go (as do topics older than their window).
 * Thresholds (RFM quintiles, spend percentiles) are derived here and stored for incremental refreshes.
 */
export async function refreshAllTags(deps: TagRefreshDeps, shopId: string, onProgress?: (fraction: number) => void): Promise<FullRefreshReport> {
  const started = Date.now();
  const asOf = deps.clock.now();
  const keyVersion = await deps.pseudonymizer.currentVersion(shopId);
  const { rows: [refresh] } = await deps.pool.query<{ id: string }>(
    `INSERT INTO audience_refreshes (shop_id, kind, status, definitions_version, key_version, as_of) VALUES ($1, 'full', 'running', $2, $3, $4) RETURNING id`,
    [shopId, DEFINITIONS_VERSION, keyVersion, asOf],
  );
  const { rows: idRows } = await deps.pool.query<{ id: string }>('SELECT id FROM customers WHERE shop_id = $1 AND redacted_at IS NULL ORDER BY id', [shopId]);
  const ids = idRows.map((r) => Number(r.id));
  const suffix = randomBytes(6).toString('hex');
  const [stats, tags, computed] = ['stats', 'tags', 'profiles'].map((name) => `audience_refresh_${name}_${suffix}`) as [string, string, string];
  const { profiles, thresholds } = await withClient(deps.pool, async (client) => {
    try {
      const [thresholds, subjects] = await Promise.all([
        computeShopTags(client, shopId, asOf, stats, tags),
        pseudonymsOf(deps, shopId, ids, (f) => onProgress?.(f * 0.6)),
      ]);
      onProgress?.(0.7);
      await rekeyChatTopics(deps, shopId, { keyVersion, ids, subjects });
      // Chat topics are stored by pseudonym, so they join here, once each customer's pseudonym is known.
      await client.query(
        `CREATE TEMP TABLE ${computed} AS SELECT p.customer_id, p.subject, t.tags || coalesce(c.tags, '{}'::text[]) AS tags FROM ${tags} t
         JOIN unnest($1::bigint[], $2::text[]) AS p(customer_id, subject) ON p.customer_id = t.customer_id
         LEFT JOIN (${chatTopicTagsSql({ shop: '$3::uuid', asOf: '$4' })}) c ON c.subject = p.subject`,
        [ids, subjects, shopId, asOf],
      );
      return await inTransaction(client, async () => {
        await tuneForBulk(client);
        const profiles = await swapInProfiles(client, shopId, asOf, keyVersion, computed);
        await pruneChatTopics(client, shopId, asOf, computed);
        const counts = await client.query<{ tag: string; n: string }>(`SELECT tag, count(*) AS n FROM ${computed}, unnest(tags) AS tag GROUP BY tag`);
        const tagCounts = Object.fromEntries(counts.rows.map((row) => [row.tag, Number(row.n)]));
        await client.query(
          `UPDATE audience_refreshes SET status = 'done', thresholds = $2, tag_counts = $3, profiles = $4, duration_ms = $5, finished_at = $6 WHERE id = $1`,
          [refresh!.id, JSON.stringify(thresholds), JSON.stringify(tagCounts), profiles, Date.now() - started, deps.clock.now()],
        );
        return { profiles, thresholds };
      });
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${stats}, ${tags}, ${computed}`).catch(() => undefined);
    }
  });
  await tidyAfterFullRefresh(deps.pool);
  onProgress?.(1);
  return { refreshId: refresh!.id, profiles, durationMs: Date.now() - started, keyVersion, thresholds };
}

