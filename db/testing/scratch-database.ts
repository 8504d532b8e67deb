import { randomBytes } from 'node:crypto';
import { assertDatabaseName, databaseUrl, onServer } from './server-connection';

/** A database made for one run, and how to drop it. */
export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A new database on a PostgreSQL server, for one test file or benchmark run: empty, or a copy of
 * `template` (which nobody may be connected to meanwhile).
 */
export async function createScratchDatabase(serverUrl: string, prefix = 'storedesk_test', options: { template?: string } = {}): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  assertDatabaseName(name);
  if (options.template !== undefined) assertDatabaseName(options.template);
  await onServer(serverUrl, (server) => server.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`));
  return {
    url: databaseUrl(serverUrl, name),
    async drop() {
      await onServer(serverUrl, (server) => server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
