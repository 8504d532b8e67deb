import type { Pool, PoolClient } from 'pg';
import type { Pseudonymizer } from '../../privacy';
import { WINDOWS } from './tag-definitions';

/**
 * After a key rotation: moves chat topics stored under an older key version to the customers' current
 * pseudonyms (`subjects[i]` is the current pseudonym of `ids[i]`), then deletes what is left under old
 * versions (its key retired, or its customer gone): nothing links to those rows any more. Costs one HMAC per
 * customer and live old version, and only when such rows exist. Returns the rows moved.
 */
export async function rekeyChatTopics(
  deps: { pool: Pool; pseudonymizer: Pseudonymizer },
  shopId: string,
  current: { keyVersion: number; ids: number[]; subjects: string[] },
): Promise<number> {
  const { rows } = await deps.pool.query<{ v: number }>('SELECT DISTINCT key_version AS v FROM audience_chat_topics WHERE shop_id = $1 AND key_version <> $2', [shopId, current.keyVersion]);
  if (rows.length === 0) return 0;
  const stale = new Set(rows.map((r) => Number(r.v)));
  const from: string[] = [];
  const to: string[] = [];
  for (let i = 0; i < current.ids.length; i++) {
    for (const { version, pseudonym } of await deps.pseudonymizer.pseudonymizeAllVersions(shopId, 'customer', current.ids[i]!)) {
      if (stale.has(version)) {
        from.push(pseudonym);
        to.push(current.subjects[i]!);
      }
    }
    if (i % 2000 === 1999) await new Promise((resolve) => setImmediate(resolve));
  }
  const moved = await deps.pool.query(
    `UPDATE audience_chat_topics t SET subject = m.to_subject, key_version = $2 FROM unnest($3::text[], $4::text[]) AS m(from_subject, to_subject)
     WHERE t.shop_id = $1 AND t.key_version <> $2 AND t.subject = m.from_subject`,
    [shopId, current.keyVersion, from, to],
  );
  await deps.pool.query('DELETE FROM audience_chat_topics WHERE shop_id = $1 AND key_version <> $2', [shopId, current.keyVersion]);
  return moved.rowCount ?? 0;
}

/**
 * Inside a full refresh's swap: deletes chat topics older than the window, and those (asked up to the
 * refresh's as-of date) of pseudonyms the refresh gave no profile: customers redacted or gone.
 */
export async function pruneChatTopics(client: PoolClient, shopId: string, asOf: Date, computedTable: string): Promise<number> {
  const result = await client.query(
    `DELETE FROM audience_chat_topics t WHERE t.shop_id = $1 AND t.asked_at <= $2::timestamptz
       AND (t.asked_at <= $2::timestamptz - interval '${WINDOWS.chatTopics} days' OR NOT EXISTS (SELECT 1 FROM ${computedTable} n WHERE n.subject = t.subject))`,
    [shopId, asOf],
  );
  return result.rowCount ?? 0;
}
