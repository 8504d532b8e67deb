import type { Pool, PoolClient } from 'pg';
import type { Clock } from '../../core/clock';
import type { Pseudonymizer } from '../../privacy';
import { DEFINITIONS_VERSION } from './tag-definitions';
import { PROFILES_SELECT_SQL, SECTOR_DISTRICTS, THRESHOLDS_SQL, type Thresholds } from './tag-sql';

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

const INSERT_PROFILES = `INSERT INTO audience_profiles (shop_id, subject, tags, key_version, computed_at)
  SELECT $1, subject, tags, $5::int, $2::timestamptz FROM (${PROFILES_SELECT_SQL}) computed`;

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function pseudonymsOf(deps: TagRefreshDeps, shopId: string, ids: number[], onProgress?: (fraction: number) => void): Promise<string[]> {
  const out: string[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    out[i] = await deps.pseudonymizer.pseudonymize(shopId, 'customer', ids[i]!);
    if (onProgress && i % 5000 === 4999) onProgress(i / ids.length);
  }
  return out;
}

const asNumbers = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number).filter((n) => Number.isFinite(n)) : []);

/**
 * Recomputes every customer's tags in set-based SQL and replaces the shop's profiles in one transaction,
 * so readers see the old set or the new one. Redacted customers get no profile. Thresholds (RFM quintiles,
 * spend percentiles) are derived here and stored for incremental refreshes.
 */
export async function refreshAllTags(deps: TagRefreshDeps, shopId: string, onProgress?: (fraction: number) => void): Promise<FullRefreshReport> {
  const started = Date.now();
  const asOf = deps.clock.now();
  const keyVersion = await deps.pseudonymizer.currentVersion(shopId);
  const { rows: idRows } = await deps.pool.query<{ id: string }>('SELECT id FROM customers WHERE shop_id = $1 AND redacted_at IS NULL ORDER BY id', [shopId]);
  const ids = idRows.map((r) => Number(r.id));
  const subjects = await pseudonymsOf(deps, shopId, ids, (f) => onProgress?.(f * 0.3));
  onProgress?.(0.3);
  const { rows: [refresh] } = await deps.pool.query<{ id: string }>(
    `INSERT INTO audience_refreshes (shop_id, kind, status, definitions_version, key_version, as_of) VALUES ($1, 'full', 'running', $2, $3, $4) RETURNING id`,
    [shopId, DEFINITIONS_VERSION, keyVersion, asOf],
  );
  const { rows: [t] } = await deps.pool.query<Record<keyof Thresholds, unknown>>(THRESHOLDS_SQL, [shopId, asOf]);
  const thresholds: Thresholds = { recency: asNumbers(t?.recency), frequency: asNumbers(t?.frequency), monetary: asNumbers(t?.monetary), spend: asNumbers(t?.spend) };
  onProgress?.(0.4);
  const profiles = await inTransaction(deps.pool, async (client) => {
    // JIT compilation costs more than it saves on this one-off statement; sorts fit in memory at 128 MB.
    await client.query(`SET LOCAL work_mem = '128MB'`);
    await client.query('SET LOCAL jit = off');
    await client.query('DELETE FROM audience_profiles WHERE shop_id = $1', [shopId]);
    const inserted = await client.query(INSERT_PROFILES, profileParams(shopId, asOf, ids, subjects, keyVersion, thresholds));
    const counts = await client.query<{ tag: string; n: string }>('SELECT tag, count(*) AS n FROM audience_profiles, unnest(tags) AS tag WHERE shop_id = $1 GROUP BY tag', [shopId]);
    const tagCounts = Object.fromEntries(counts.rows.map((row) => [row.tag, Number(row.n)]));
    const durationMs = Date.now() - started;
    await client.query(
      `UPDATE audience_refreshes SET status = 'done', thresholds = $2, tag_counts = $3, profiles = $4, duration_ms = $5, finished_at = $6 WHERE id = $1`,
      [refresh!.id, JSON.stringify(thresholds), JSON.stringify(tagCounts), inserted.rowCount ?? 0, durationMs, deps.clock.now()],
    );
    return inserted.rowCount ?? 0;
  });
  onProgress?.(1);
  return { refreshId: refresh!.id, profiles, durationMs: Date.now() - started, keyVersion, thresholds };
}

function profileParams(shopId: string, asOf: Date, ids: number[], subjects: string[], keyVersion: number, t: Thresholds): unknown[] {
  return [shopId, asOf, ids, subjects, keyVersion, t.recency, t.frequency, t.monetary, t.spend, SECTOR_DISTRICTS];
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
  return inTransaction(deps.pool, async (client) => {
    await client.query('DELETE FROM audience_profiles WHERE shop_id = $1 AND subject = ANY($2::text[])', [shopId, subjects]);
    const inserted = await client.query(INSERT_PROFILES, profileParams(shopId, deps.clock.now(), list, subjects, keyVersion, thresholds));
    return inserted.rowCount ?? 0;
  });
}
