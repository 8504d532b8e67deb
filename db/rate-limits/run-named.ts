import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** What the counters need from node-postgres: a pool (or anything that answers like one). */
export interface RateLimitsQueryable {
  query<R extends QueryResultRow = QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

const unnamed = new WeakSet<RateLimitsQueryable>();

/**
 * Runs the per-attempt statement under its name, so each connection plans it once. Embedded PGlite
 * shares one session between connections, where a second PREPARE collides (42P05): from then on that
 * pool's statements go unnamed (as `runNamedStatement` does for bot state).
 */
export async function runNamed<R extends QueryResultRow>(db: RateLimitsQueryable, name: string, text: string, values: unknown[]): Promise<R[]> {
  if (!unnamed.has(db)) {
    try {
      return (await db.query<R>({ name, text, values })).rows;
    } catch (error) {
      // The failed PREPARE ran nothing, so running the statement again is safe.
      if ((error as { code?: unknown }).code !== '42P05') throw error;
      unnamed.add(db);
    }
  }
  return (await db.query<R>({ text, values })).rows;
}
