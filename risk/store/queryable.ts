import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** What the Postgres stores need from node-postgres: a pool or a checked-out client. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

/**
 * A statement with its name kept for readability only. Named (server-prepared) statements can't be
 * used: embedded PGlite serves every pool connection from one session, where the names collide.
 */
export function named(_name: string, text: string, values: unknown[]): QueryConfig {
  return { text, values };
}
