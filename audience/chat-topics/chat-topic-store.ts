import type { Pool } from 'pg';

const MAX_INT4 = 2_147_483_647;

/**
 * The customer of the shop's order named `#number` (else numbered `number`), when it has one who is not
 * redacted; the id as text (bigint). The name is looked up first, through `orders_shop_name_idx`.
 */
export async function customerOfOrder(pool: Pool, shopId: string, orderNumber: number): Promise<string | undefined> {
  if (!Number.isSafeInteger(orderNumber) || orderNumber < 0) return undefined;
  const { rows } = await pool.query<{ id: string }>(
    `SELECT c.id FROM (
       (SELECT customer_id FROM orders WHERE shop_id = $1 AND name = $3 AND customer_id IS NOT NULL LIMIT 1)
       UNION ALL
       (SELECT customer_id FROM orders WHERE shop_id = $1 AND order_number = $2 AND customer_id IS NOT NULL LIMIT 1)
       LIMIT 1) o
     JOIN customers c ON c.shop_id = $1 AND c.id = o.customer_id AND c.redacted_at IS NULL`,
    [shopId, orderNumber <= MAX_INT4 ? orderNumber : null, `#${orderNumber}`],
  );
  return rows[0]?.id;
}

/**
 * Topics of one customer (by pseudonym under `keyVersion`), each with when it was asked. Nothing is stored for a
 * customer erased since the conversation was linked: the erasure's record names the same pseudonym.
 */
export async function insertChatTopics(pool: Pool, shopId: string, link: { subject: string; keyVersion: number }, topics: ReadonlyArray<readonly [string, Date]>): Promise<number> {
  if (topics.length === 0) return 0;
  const result = await pool.query(
    `INSERT INTO audience_chat_topics (shop_id, subject, key_version, topic, asked_at)
     SELECT $1, $2, $3, t.topic, t.asked_at FROM unnest($4::text[], $5::timestamptz[]) AS t(topic, asked_at)
     WHERE NOT EXISTS (SELECT 1 FROM subject_requests r WHERE r.shop_id = $1 AND r.kind = 'customer_redact' AND r.subject_ref = $2)`,
    [shopId, link.subject, link.keyVersion, topics.map(([topic]) => topic), topics.map(([, at]) => at)],
  );
  return result.rowCount ?? 0;
}

/** The chat topics stored under any of `subjects`, oldest first (a buyer's data export). */
export async function chatTopicsOf(pool: Pool, shopId: string, subjects: string[]): Promise<Array<{ topic: string; askedAt: Date }>> {
  const { rows } = await pool.query<{ topic: string; asked_at: Date }>(
    'SELECT topic, asked_at FROM audience_chat_topics WHERE shop_id = $1 AND subject = ANY($2::text[]) ORDER BY asked_at',
    [shopId, subjects],
  );
  return rows.map((r) => ({ topic: r.topic, askedAt: r.asked_at }));
}

/** Deletes the chat topics stored under any of `subjects` (erasure). */
export async function deleteChatTopicsOf(pool: Pool, shopId: string, subjects: string[]): Promise<number> {
  const result = await pool.query('DELETE FROM audience_chat_topics WHERE shop_id = $1 AND subject = ANY($2::text[])', [shopId, subjects]);
  return result.rowCount ?? 0;
}
