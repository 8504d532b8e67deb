import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Pool } from 'pg';

/** Where drizzle-kit writes the committed SQL migrations. */
export const migrationsFolder = join(__dirname, 'migrations');

// Any constant works; it only has to be the same in every storedesk process.
const MIGRATION_LOCK_ID = 7_305_811_842;

/**
 * Applies pending migrations under a session advisory lock, so several processes starting
 * against one PostgreSQL server migrate once.
 */
export async function applyMigrations(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    client.release();
  }
}

/** Whether every committed migration is recorded as applied. */
export async function migrationsApplied(pool: Pool): Promise<boolean> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const expected = readMigrationFiles({ migrationsFolder }).length;
  const result = await pool.query<{ count: string }>(
    'SELECT count(*)::text AS count FROM drizzle.__drizzle_migrations',
  );
  return Number(result.rows[0]?.count ?? 0) >= expected;
}
