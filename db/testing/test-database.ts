import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type Database } from '../open-database';
import { ensurePgliteTemplate } from '../pglite-template';

/**
 * A fresh, migrated database for one test file. With `TEST_DATABASE_URL` it is a new database on that
 * PostgreSQL server (dropped on close), otherwise an in-memory PGlite. The same suite runs on both.
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ poolSize: options.poolSize ?? 5, loadDataDir: await ensurePgliteTemplate() });

  const name = `storedesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: options.poolSize ?? 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** Which engine the suite runs on, for test names. */
export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
