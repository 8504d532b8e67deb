import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** What the Postgres stores need from node-postgres: a pool or a checked-out client. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

/**
 * A statement with its name kept for readability only: an unnamed statement, planned each time.
 * See {@link runPrepared} for the hot path.
 */
export function named(_name: string, text: string, values: unknown[]): QueryConfig {
  return { text, values };
}

const unnamed = new WeakSet<Queryable>();

/**
 * Runs a hot-path statement under its name, so each connection parses and plans it once (planning
 * the scoring statements cost more than running them). Embedded PGlite serves every connection
 * from one session, where a second connection's PREPARE collides (42P05): from then on that pool's
 * statements go unnamed, as in `runNamedStatement` of `db/`.
 */
export async function runPrepared<R extends QueryResultRow>(
  db: Queryable,
  name: string,
  text: string,
  values: unknown[],
): Promise<QueryResult<R>> {
  if (!unnamed.has(db)) {
    try {
      return await db.query<R>({ name: `storedesk_risk_${name}`, text, values });
    } catch (error) {
      // The failed PREPARE ran nothing, so running the statement again is safe.
      if ((error as { code?: unknown }).code !== '42P05') throw error;
      unnamed.add(db);
    }
  }
  return db.query<R>({ text, values });
}
