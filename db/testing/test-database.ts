import { openDatabase, type Database } from '../open-database';
import { createScratchDatabase } from './scratch-database';
import { ensurePgliteTemplate } from '../pglite-template';

/**
 * A fresh, migrated database for one test file. With `TEST_DATABASE_URL` it is a new database on that
 * PostgreSQL server (dropped on close), otherwise an in-memory PGlite. The same suite runs on both.
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ poolSize: options.poolSize ?? 5, loadDataDir: await ensurePgliteTemplate() });

  const scratch = await createScratchDatabase(serverUrl);
  const database = await openDatabase({ url: scratch.url, poolSize: options.poolSize ?? 5 });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** Which engine the suite runs on, for test names. */
export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
