import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock';
import { findShopById, readShopSettings, type Db } from '../../db';
import { NotFoundError } from '../../core/errors';

/** What the PDPA documents are generated from: settings and row counts, never a record's content. */
export interface RecordFacts {
  shop: { name: string; domain: string };
  retentionDays: number;
  kFloor: number;
  contact: { name: string; email: string } | null;
  /** Rows held per kind of data; a table another capability has not created yet counts as 0. */
  counts: Record<string, number>;
  generatedAt: Date;
}

/** Tables counted in the records, by the name the documents use. */
export const COUNTED_TABLES: Record<string, string> = {
  customers: 'customers',
  orders: 'orders',
  orderLineItems: 'order_line_items',
  chatTranscriptTurns: 'bot_transcripts',
  chatConversations: 'bot_conversations',
  reviewItems: 'review_items',
  trainingTurns: 'corpus_turns',
  riskVerdicts: 'risk_verdicts',
  blocklistEntries: 'risk_blocklist',
  appeals: 'risk_appeals',
  auditEntries: 'audit_log',
  subjectRequests: 'subject_requests',
};

/** Reads the shop's settings and counts what it holds. */
export async function gatherRecordFacts(db: Db, shopId: string, clock: Clock, options: { counts?: boolean } = {}): Promise<RecordFacts> {
  const shop = await findShopById(db, shopId);
  if (!shop) throw new NotFoundError('Unknown shop');
  const settings = readShopSettings(shop);
  const counts: Record<string, number> = {};
  for (const [key, table] of options.counts === false ? [] : Object.entries(COUNTED_TABLES)) {
    const exists = await db.execute<{ present: boolean }>(sql`select to_regclass(${`public.${table}`}) is not null as present`);
    if (!exists.rows[0]?.present) {
      counts[key] = 0;
      continue;
    }
    const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where shop_id = ${shopId}`);
    counts[key] = result.rows[0]?.n ?? 0;
  }
  return {
    shop: { name: shop.name || shop.domain, domain: shop.domain },
    retentionDays: settings.retentionDays,
    kFloor: settings.kFloor,
    contact: settings.dataProtectionContact,
    counts,
    generatedAt: clock.now(),
  };
}
