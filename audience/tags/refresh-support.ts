import type { Pool, PoolClient } from 'pg';
import type { Clock } from '../../core/clock';
import type { Pseudonymizer } from '../../privacy';
import { SECTOR_DISTRICTS, type Thresholds } from './tag-sql';

/** What tag refreshes need. */
export interface TagRefreshDeps {
  pool: Pool;
  pseudonymizer: Pseudonymizer;
  clock: Clock;
}

/** Runs `work` in a transaction on `client`. */
export async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
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

/** Runs `work` on a client of the pool, released afterwards. */
export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

// JIT compilation costs more than it saves on these one-off statements; sorts and hashes fit in memory at 128 MB.
export async function tuneForBulk(client: PoolClient): Promise<void> {
  await client.query(`SET LOCAL work_mem = '128MB'`);
  await client.query('SET LOCAL jit = off');
}

/** The customers' pseudonyms, yielding now and then so database replies are handled meanwhile. */
export async function pseudonymsOf(deps: TagRefreshDeps, shopId: string, ids: number[], onProgress?: (fraction: number) => void): Promise<string[]> {
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

export const asNumbers = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number).filter((n) => Number.isFinite(n)) : []);
/** Parameters $3-$7 of profilesSql. */
export const thresholdParams = (t: Thresholds) => [t.recency, t.frequency, t.monetary, t.spend, SECTOR_DISTRICTS];

