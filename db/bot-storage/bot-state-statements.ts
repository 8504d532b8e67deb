import type { Pool } from 'pg';
import { runNamedStatement as run } from './named-statement';

/** One state document to read: the shop it belongs to and its storage key. */
export interface StateKey {
  shopId: string;
  key: string;
}

/** One state document to write; `expected` is the eTag it must still have (none: write regardless). */
export interface StateWrite extends StateKey {
  document: Record<string, unknown>;
  etag: string;
  expected: string | null;
}

// Named statements are parsed and planned once per connection. Every row is matched on shop_id and key.
const READ = {
  name: 'storedesk_bot_state_read',
  text: `SELECT v.i, s.document, s.etag
    FROM jsonb_to_recordset($1::jsonb) AS v(i int, shop_id uuid, key text)
    JOIN bot_state s ON s.shop_id = v.shop_id AND s.key = v.key`,
};

const WRITE = {
  name: 'storedesk_bot_state_write',
  text: `WITH v AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(i int, shop_id uuid, key text, document jsonb, etag text, expected text)
    ), updated AS (
      UPDATE bot_state s SET document = v.document, etag = v.etag, updated_at = now()
      FROM v WHERE v.expected IS NOT NULL AND s.shop_id = v.shop_id AND s.key = v.key AND s.etag = v.expected
      RETURNING v.i
    ), upserted AS (
      INSERT INTO bot_state (shop_id, key, document, etag)
      SELECT shop_id, key, document, etag FROM v WHERE v.expected IS NULL
      ON CONFLICT (shop_id, key) DO UPDATE SET document = excluded.document, etag = excluded.etag, updated_at = now()
      RETURNING 1
    )
    SELECT i FROM updated`,
};

/** One state document to store whatever eTag it has now (botbuilder's `*` write), as a statement part writes it. */
export interface StateUpsert extends StateKey {
  document: Record<string, unknown>;
}

/**
 * The upsert of a batch of state documents given as one JSON parameter ({@link stateUpsertsJson}), each under a
 * new eTag, for a writer that puts it in a statement of its own (the bot writes a turn's state and its log in one).
 * `placeholder` is that parameter's, e.g. `$3`. A batch may hold each (shop, key) once.
 */
export function stateUpsertSql(placeholder: string): string {
  return `INSERT INTO bot_state (shop_id, key, document, etag)
      SELECT shop_id, key, document, gen_random_uuid()::text FROM jsonb_to_recordset(${placeholder}::jsonb) AS v(shop_id uuid, key text, document jsonb)
      ON CONFLICT (shop_id, key) DO UPDATE SET document = excluded.document, etag = excluded.etag, updated_at = now()`;
}

/** A batch of state documents as the JSON parameter of {@link stateUpsertSql}. */
export function stateUpsertsJson(upserts: readonly StateUpsert[]): string {
  return JSON.stringify(upserts.map((u) => ({ shop_id: u.shopId, key: u.key, document: u.document })));
}

/** Reads many shops' documents in one statement; the result holds one entry (or none) per key, by position. */
export async function readStates(pool: Pool, keys: readonly StateKey[]): Promise<Array<{ document: Record<string, unknown>; etag: string } | undefined>> {
  const payload = keys.map((k, i) => ({ i, shop_id: k.shopId, key: k.key }));
  const rows = await run<{ i: number; document: Record<string, unknown>; etag: string }>(pool, READ, [JSON.stringify(payload)]);
  const found: Array<{ document: Record<string, unknown>; etag: string } | undefined> = new Array(keys.length).fill(undefined);
  for (const row of rows) found[row.i] = { document: row.document, etag: row.etag };
  return found;
}

/**
 * Writes many documents in one statement. Writes without `expected` always land; a write with one lands
 * only if the stored eTag still matches. Resolves with whether each write landed, by position.
 * The caller keeps each (shop, key) to one write per call.
 */
export async function writeStates(pool: Pool, writes: readonly StateWrite[]): Promise<boolean[]> {
  const payload = writes.map((w, i) => ({ i, shop_id: w.shopId, key: w.key, document: w.document, etag: w.etag, expected: w.expected }));
  const rows = await run<{ i: number }>(pool, WRITE, [JSON.stringify(payload)]);
  const landed = writes.map((w) => w.expected === null);
  for (const row of rows) landed[row.i] = true;
  return landed;
}
