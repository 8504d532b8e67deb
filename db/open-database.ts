import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { findRunningEmbeddedServer, startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { applyMigrations } from './migrate';
import * as schema from './schema';

/** The drizzle handle typed with storedesk's schema. */
export type Db = NodePgDatabase<typeof schema>;

/** An open database: the pool, the drizzle handle, and how to close both. */
export interface Database {
  db: Db;
  pool: Pool;
  /** `embedded` is PGlite in this process; `postgres` is a real server. */
  engine: 'embedded' | 'postgres';
  connectionString: string;
  close(): Promise<void>;
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** A postgres:// URL; without one, PGlite runs embedded. */
  url?: string;
  /** Where embedded PGlite persists; omit for an in-memory database (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Apply committed migrations before returning (default true). */
  migrate?: boolean;
  /** Told about pool errors, which otherwise would crash the process when a server goes away. */
  onPoolError?: (error: Error) => void;
  /**
   * When another storedesk process already serves the embedded `dataDir`, connect to it rather than
   * refuse (the CLI next to `npm start`). Servers leave this off: a second server must refuse.
   */
  attachToRunning?: boolean;
}

/** Opens the system of record, embedded or real, and migrates it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const poolSize = options.poolSize ?? 10;
  let embedded: EmbeddedServer | undefined;
  let connectionString = options.url;
  if (!connectionString && options.attachToRunning && options.dataDir) {
    connectionString = findRunningEmbeddedServer(options.dataDir);
  }
  if (!connectionString) {
    // Agenda's backend and a migration client come on top of the pool.
    embedded = await startEmbeddedServer({ dataDir: options.dataDir, maxConnections: poolSize + 8 });
    connectionString = embedded.connectionString;
  }
  const pool = new Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: embedded ? 0 : 30_000,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  const close = async () => {
    await pool.end().catch(() => undefined);
    await embedded?.close();
  };
  try {
    if (options.migrate ?? true) await applyMigrations(pool);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    db: drizzle(pool, { schema }),
    pool,
    engine: embedded || !options.url ? 'embedded' : 'postgres',
    connectionString,
    close,
  };
}
