import type { Pool } from 'pg';
import { migrationsApplied } from '../../db';

/**
 * Checks the database with a short timeout. The migration check is remembered once it passes,
 * since migrations never un-apply while the process runs.
 */
export function databaseProbe(pool: Pool, timeoutMs = 2_000): () => Promise<void> {
  let migrated = false;
  return async () => {
    const timeout = new Promise<never>((_, reject) => {
      const timer = setTimeout(() => reject(new Error('database did not answer in time')), timeoutMs);
      timer.unref();
    });
    const check = async () => {
      await pool.query('SELECT 1');
      if (!migrated) {
        migrated = await migrationsApplied(pool);
        if (!migrated) throw new Error('migrations not applied');
      }
    };
    try {
      await Promise.race([check(), timeout]);
    } catch (error) {
      const message = (error as Error).message;
      throw new Error(/migrations|in time/.test(message) ? message : 'database unreachable', { cause: error });
    }
  };
}
