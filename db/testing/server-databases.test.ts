import { Client } from 'pg';
import { createScratchDatabase } from './scratch-database';
import { openKeptDatabase } from './kept-database';
import { onServer } from './server-connection';

// Whole databases exist only on a PostgreSQL server; on PGlite there is nothing to create or drop.
const serverUrl = process.env.TEST_DATABASE_URL;
const onPostgres = serverUrl ? describe : describe.skip;

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const databaseExists = (name: string) =>
  onServer(serverUrl!, async (server) => (await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rows.length > 0);

onPostgres('databases made on a PostgreSQL server for tests and benchmarks', () => {
  const keptName = `storedesk_test_kept_${process.pid}`;
  afterAll(async () => {
    if (serverUrl) await onServer(serverUrl, (server) => server.query(`DROP DATABASE IF EXISTS ${keptName} WITH (FORCE)`));
  });

  it('a scratch database starts empty, or as a copy of a template, and is gone after drop', async () => {
    const template = await createScratchDatabase(serverUrl!);
    await query(template.url, 'CREATE TABLE planted (n int); INSERT INTO planted VALUES (7)');
    const templateName = new URL(template.url).pathname.slice(1);

    const copy = await createScratchDatabase(serverUrl!, 'storedesk_test_copy', { template: templateName });
    expect(await query(copy.url, 'SELECT n FROM planted')).toEqual([{ n: 7 }]);
    const empty = await createScratchDatabase(serverUrl!);
    expect(await query(empty.url, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'planted'")).toEqual([{ n: 0 }]);

    for (const scratch of [copy, empty, template]) await scratch.drop();
    expect(await databaseExists(templateName)).toBe(false);
  });

  it('a kept database is reused only once marked ready; an unmarked leftover starts again empty', async () => {
    const first = await openKeptDatabase(serverUrl!, keptName);
    expect(first.ready).toBe(false);
    await query(first.url, 'CREATE TABLE planted (n int)');

    const unmarked = await openKeptDatabase(serverUrl!, keptName);
    expect(unmarked.ready).toBe(false);
    expect(await query(unmarked.url, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'planted'")).toEqual([{ n: 0 }]);
    await query(unmarked.url, 'CREATE TABLE planted (n int)');
    await unmarked.markReady();

    const later = await openKeptDatabase(serverUrl!, keptName);
    expect(later.ready).toBe(true);
    expect(await query(later.url, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'planted'")).toEqual([{ n: 1 }]);
  });

  it('refuses a name that is not a plain identifier', async () => {
    await expect(openKeptDatabase(serverUrl!, 'x; DROP DATABASE postgres')).rejects.toThrow(/plain database name/);
  });
});
