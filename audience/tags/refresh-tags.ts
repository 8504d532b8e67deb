import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Clock } from '../../core/clock';
import type { Pseudonymizer } from '../../privacy';
import { orderStatsSql, thresholdsSql } from './order-stats-sql';
import { DEFINITIONS_VERSION } from './tag-definitions';
import { profilesSql, SECTOR_DISTRICTS, type Thresholds } from './tag-sql';

/** What tag refreshes need. */
export interface TagRefreshDeps {
  pool: Pool;
  pseudonymizer: Pseudonymizer;
  clock: Clock;
}

/** Outcome of a full refresh. */
export interface FullRefreshReport {
  refreshId: string;
  profiles: number;
  durationMs: number;
  keyVersion: number;
  thresholds: Thresholds;
}

async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

// JIT compilation costs more than it saves on these one-off statements; sorts and hashes fit in memory at 128 MB.
async function tuneForBulk(client: PoolClient): Promise<void> {
  await client.query(`SET LOCAL work_mem = '128MB'`);
  await client.query('SET LOCAL jit = off');
}

async function pseudonymsOf(deps: TagRefreshDeps, shopId: string, ids: number[], onProgress?: (fraction: number) => void): Promise<string[]> {
  const out: string[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    out[i] = await deps.pseudonymizer.pseudonymize(shopId, 'customer', ids[i]!);
    // Let the database connection's replies through, so the SQL of a full refresh runs meanwhile.
    if (i % 2000 === 1999) {
      onProgress?.(i / ids.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return out;
}

const asNumbers = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number).filter((n) => Number.isFinite(n)) : []);
const thresholdParams = (t: Thresholds) => [t.recency, t.frequency, t.monetary, t.spend, SECTOR_DISTRICTS];

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
 * Recomputes every customer's tags in set-based SQL and replaces the shop's profiles in one short transaction,
 * so readers see the old set or the new one. Tags are computed by customer id into temp tables while the
 * pseudonyms are derived in the app (keys never reach the database). Redacted customers get no profile.
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
  const [stats, tags] = [`audience_refresh_stats_${suffix}`, `audience_refresh_tags_${suffix}`];
  const { profiles, thresholds } = await withClient(deps.pool, async (client) => {
    try {
      const [thresholds, subjects] = await Promise.all([
        computeShopTags(client, shopId, asOf, stats, tags),
        pseudonymsOf(deps, shopId, ids, (f) => onProgress?.(f * 0.6)),
      ]);
      onProgress?.(0.7);
      return await inTransaction(client, async () => {
        await tuneForBulk(client);
        await client.query('DELETE FROM audience_profiles WHERE shop_id = $1', [shopId]);
        const inserted = await client.query(
          `INSERT INTO audience_profiles (shop_id, subject, tags, key_version, computed_at)
           SELECT $1, p.subject, t.tags, $3::int, $2::timestamptz FROM ${tags} t
           JOIN unnest($4::bigint[], $5::text[]) AS p(customer_id, subject) ON p.customer_id = t.customer_id
           WHERE EXISTS (SELECT 1 FROM customers c WHERE c.shop_id = $1 AND c.id = t.customer_id AND c.redacted_at IS NULL)`,
          [shopId, asOf, keyVersion, ids, subjects],
        );
        const counts = await client.query<{ tag: string; n: string }>('SELECT tag, count(*) AS n FROM audience_profiles, unnest(tags) AS tag WHERE shop_id = $1 GROUP BY tag', [shopId]);
        const tagCounts = Object.fromEntries(counts.rows.map((row) => [row.tag, Number(row.n)]));
        await client.query(
          `UPDATE audience_refreshes SET status = 'done', thresholds = $2, tag_counts = $3, profiles = $4, duration_ms = $5, finished_at = $6 WHERE id = $1`,
          [refresh!.id, JSON.stringify(thresholds), JSON.stringify(tagCounts), inserted.rowCount ?? 0, Date.now() - started, deps.clock.now()],
        );
        return { profiles: inserted.rowCount ?? 0, thresholds };
      });
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${stats}, ${tags}`).catch(() => undefined);
    }
  });
  onProgress?.(1);
  return { refreshId: refresh!.id, profiles, durationMs: Date.now() - started, keyVersion, thresholds };
}

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
         SELECT $1, p.subject, t.tags, $9::int, $2::timestamptz FROM (${profilesSql('customers')}) t
         JOIN unnest($8::bigint[], $10::text[]) AS p(customer_id, subject) ON p.customer_id = t.customer_id`,
        [shopId, asOf, ...thresholdParams(thresholds), list, keyVersion, subjects],
      );
      return inserted.rowCount ?? 0;
    }),
  );
}
