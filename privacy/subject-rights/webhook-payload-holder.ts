import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { isEmptySubject, type Subject, type SubjectDataHolder } from './subject';

function mentions(subject: Subject): SQL | undefined {
  const match: SQL[] = [];
  if (subject.customerId !== undefined) {
    const id = String(subject.customerId);
    match.push(sql`(payload->'customer'->>'id' = ${id} or (topic like 'customers/%' and payload->>'id' = ${id}))`);
  }
  if (subject.orderIds?.length) {
    const ids = subject.orderIds.map(String);
    match.push(sql`(topic like 'orders/%' and payload->>'id' in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}))`);
  }
  if (subject.email) {
    const email = subject.email.toLowerCase();
    match.push(sql`(lower(payload->>'email') = ${email} or lower(payload->>'contact_email') = ${email} or lower(payload->'customer'->>'email') = ${email})`);
  }
  return match.length ? sql.join(match, sql` or `) : undefined;
}

/**
 * Stored webhook payloads (orders, customers, compliance requests) that mention the buyer. Only processed
 * deliveries are blanked: a pending one is still work to do, and the one being processed right now is
 * locked by its own transaction, so it is skipped rather than waited for.
 */
export function webhookPayloadHolder(deps: { db: Db }): SubjectDataHolder {
  const { db } = deps;
  return {
    name: 'webhook_deliveries',
    async export(shopId, subject) {
      const where = isEmptySubject(subject) ? undefined : mentions(subject);
      if (!where) return { deliveries: [] };
      const result = await db.execute<{ topic: string; received_at: string }>(
        sql`select topic, received_at from webhook_deliveries where shop_id = ${shopId} and (${where}) order by received_at`,
      );
      // The payloads repeat the mirror's data; the export lists what was received and when.
      return { deliveries: result.rows.map((row) => ({ topic: row.topic, receivedAt: row.received_at })) };
    },
    async erase(shopId, subject) {
      const where = isEmptySubject(subject) ? undefined : mentions(subject);
      if (!where) return 0;
      const result = await db.execute(sql`
        update webhook_deliveries set payload = '{"redacted":true}'::jsonb
        where id in (
          select id from webhook_deliveries
          where shop_id = ${shopId} and processed_at is not null and payload <> '{"redacted":true}'::jsonb and (${where})
          for update skip locked
        )`);
      return result.rowCount ?? 0;
    },
  };
}
