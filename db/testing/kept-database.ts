import { assertDatabaseName, databaseUrl, onServer } from './server-connection';

/** The comment that marks a kept database as completely prepared. */
const READY = 'storedesk bench: seeded';

/** A named database that outlives the run, for benchmarks that keep prepared data between runs. */
export interface KeptDatabase {
  readonly name: string;
  readonly url: string;
  /** True when an earlier run prepared it completely; false when it was just created empty. */
  readonly ready: boolean;
  /** Records that it is completely prepared, so later runs reuse it. */
  markReady(): Promise<void>;
}

/**
 * Database `name` on a PostgreSQL server as an earlier run left it, when that run marked it ready;
 * otherwise created empty, dropping whatever a run cut short left behind. Nothing drops it later:
 * drop it by hand when the schema changes.
 */
export async function openKeptDatabase(serverUrl: string, name: string): Promise<KeptDatabase> {
  assertDatabaseName(name);
  const ready = await onServer(serverUrl, async (server) => {
    const { rows } = await server.query<{ comment: string | null }>('SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1', [name, 'pg_database']);
    if (rows[0]?.comment === READY) return true;
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.query(`CREATE DATABASE ${name}`);
    return false;
  });
  return {
    name,
    url: databaseUrl(serverUrl, name),
    ready,
    async markReady() {
      await onServer(serverUrl, (server) => server.query(`COMMENT ON DATABASE ${name} IS '${READY}'`));
    },
  };
}
