import type { PoolClient } from 'pg';
import type { Queryable } from './queryable';

/** A pool that can hand out a client for a transaction (node-postgres `Pool`). */
interface Connectable extends Queryable {
  connect(): Promise<PoolClient>;
}

/** Runs `work` in one transaction when `db` is a pool; on a single client it just runs it. */
export async function inTransaction<T>(db: Queryable, work: (db: Queryable) => Promise<T>): Promise<T> {
  if (typeof (db as Partial<Connectable>).connect !== 'function') return work(db);
  const client = await (db as Connectable).connect();
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
