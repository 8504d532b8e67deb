import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** What the Postgres stores need from node-postgres: a pool or a checked-out client. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

/** A named (prepared) statement: planned once per connection, which keeps p99 latency flat. */
export function named(name: string, text: string, values: unknown[]): QueryConfig {
  return { name: `risk_${name}`, text, values };
}
