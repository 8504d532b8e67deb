import { and, eq, isNotNull, lt } from 'drizzle-orm';
import { systemClock, type Clock } from '../../core/clock';
import { schema, type Db } from '../../db';
import type { RetentionTarget } from './retention-target';

const s = schema;

function target(name: string, purge: RetentionTarget['purge']): RetentionTarget {
  return { name, purge };
}

const count = (result: { rowCount: number | null }) => result.rowCount ?? 0;

/**
 * Retention targets for the raw-data tables that exist today. Redacted data (review items, corpus turns),
 * models, settings and the audit log are not raw personal data and are kept.
 */
export function tableRetentionTargets(db: Db, clock: Clock = systemClock): RetentionTarget[] {
  return [
    target('bot_transcripts', async (shopId, olderThan) =>
      count(await db.delete(s.botTranscripts).where(and(eq(s.botTranscripts.shopId, shopId), lt(s.botTranscripts.createdAt, olderThan))))),
    // A handoff still open but untouched for the whole retention period is abandoned; its reference goes too.
    target('bot_handoffs', async (shopId, olderThan) =>
      count(await db.delete(s.botHandoffs).where(and(eq(s.botHandoffs.shopId, shopId), lt(s.botHandoffs.updatedAt, olderThan))))),
    target('bot_conversations', async (shopId, olderThan) =>
      count(await db.delete(s.botConversations).where(and(eq(s.botConversations.shopId, shopId), lt(s.botConversations.lastActivityAt, olderThan))))),
    target('bot_state', async (shopId, olderThan) =>
      count(await db.delete(s.botState).where(and(eq(s.botState.shopId, shopId), lt(s.botState.updatedAt, olderThan))))),
    target('direct_line_activities', async (shopId, olderThan) =>
      count(await db.delete(s.directLineActivities).where(and(eq(s.directLineActivities.shopId, shopId), lt(s.directLineActivities.createdAt, olderThan))))),
    target('direct_line_conversations', async (shopId, olderThan) =>
      count(await db.delete(s.directLineConversations).where(and(eq(s.directLineConversations.shopId, shopId), lt(s.directLineConversations.lastActivityAt, olderThan))))),
    target('messenger_threads', async (shopId, olderThan) =>
      count(await db.delete(s.messengerThreads).where(and(eq(s.messengerThreads.shopId, shopId), lt(s.messengerThreads.updatedAt, olderThan))))),
    // Processed webhook payloads carry buyers' addresses; unprocessed ones are still work to do.
    target('webhook_deliveries', async (shopId, olderThan) =>
      count(
        await db
          .delete(s.webhookDeliveries)
          .where(and(eq(s.webhookDeliveries.shopId, shopId), isNotNull(s.webhookDeliveries.processedAt), lt(s.webhookDeliveries.receivedAt, olderThan))),
      )),
    // Data-request exports expire on their own date (30 days), whatever the shop's retention.
    target('subject_request_exports', async (shopId) =>
      count(
        await db
          .update(s.subjectRequests)
          .set({ exportSealed: null })
          .where(and(eq(s.subjectRequests.shopId, shopId), isNotNull(s.subjectRequests.exportSealed), lt(s.subjectRequests.exportExpiresAt, clock.now()))),
      )),
  ];
}
