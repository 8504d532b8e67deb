import type { Pool } from 'pg';
import type { Db } from '../open-database';

/** A statement with a stable name, parsed and planned once per connection. */
export interface NamedStatement {
  name: string;
  text: string;
}

const unnamed = new WeakSet<Pool>();

/** The node-postgres pool under a drizzle handle, for hot paths that skip the query builder. */
export function poolOf(db: Db): Pool {
  const pool = (db as Db & { $client?: Pool }).$client;
  if (!pool || typeof pool.query !== 'function') throw new TypeError('Expected a drizzle node-postgres handle with its pool');
  return pool;
}

/**
 * Runs a statement under its name, so each connection parses and plans it once. Embedded PGlite shares one
 * session between connections, where a second connection's PREPARE collides (42P05): from then on, that
 * pool's statements go unnamed.
 */
export async function runNamedStatement<R extends object>(pool: Pool, statement: NamedStatement, values: unknown[]): Promise<R[]> {
  if (!unnamed.has(pool)) {
    try {
      return (await pool.query<R>({ name: statement.name, text: statement.text, values })).rows;
    } catch (error) {
      // The failed PREPARE ran nothing, so running the statement again is safe.
      if ((error as { code?: unknown }).code !== '42P05') throw error;
      unnamed.add(pool);
    }
  }
  return (await pool.query<R>({ text: statement.text, values })).rows;
}
