import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { findRunningEmbeddedServer } from './embedded-endpoint';
import type { EmbeddedServer, startEmbeddedServer as StartEmbeddedServer } from './embedded-server';
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
  /** Embedded only: the data directory as a tarball (tests cache a migrated template). */
  dumpEmbedded?: () => Promise<Blob>;
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
  /** For an in-memory embedded database: start from this dumped data directory. */
  loadDataDir?: Blob;
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
    // Loaded only when needed: PGlite costs about 50 MB of memory even when a real server is used.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startEmbeddedServer } = require('./embedded-server') as { startEmbeddedServer: typeof StartEmbeddedServer };
    embedded = await startEmbeddedServer({ dataDir: options.dataDir, maxConnections: poolSize + 8, loadDataDir: options.loadDataDir });
    connectionString = embedded.connectionString;
  }
  const pool = new Pool({
    connectionString,
    max: poolSize,
    // PGlite answers one query at a time, so a busy embedded database makes callers queue for longer.
    connectionTimeoutMillis: embedded || !options.url ? 30_000 : 10_000,
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
  const dump = embedded?.dump;
  return {
    dumpEmbedded: dump,
    db: drizzle(pool, { schema }),
    pool,
    engine: embedded || !options.url ? 'embedded' : 'postgres',
    connectionString,
    close,
  };
}
