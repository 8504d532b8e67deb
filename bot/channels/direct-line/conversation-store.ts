import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../../db';
import { schema } from '../../../db';

/** A Direct Line conversation as stored. */
export type DirectLineConversation = typeof schema.directLineConversations.$inferSelect;

/** A stored activity with its watermark. */
export interface StoredActivity {
  watermark: number;
  activity: Record<string, unknown>;
}

const table = schema.directLineConversations;
const log = schema.directLineActivities;

/** Creates a conversation for a shop. */
export async function createConversation(
  db: Db,
  input: { id: string; shopId: string; userId: string; deviceId?: string; locale?: string },
): Promise<DirectLineConversation> {
  const [row] = await db
    .insert(table)
    .values({ id: input.id, shopId: input.shopId, userId: input.userId, deviceId: input.deviceId ?? null, locale: input.locale ?? null })
    .returning();
  if (!row) throw new Error('createConversation returned no row');
  return row;
}

/** The shop's conversation by id; `undefined` when it does not exist for that shop. */
export async function findConversation(db: Db, shopId: string, id: string): Promise<DirectLineConversation | undefined> {
  const [row] = await db.select().from(table).where(and(eq(table.shopId, shopId), eq(table.id, id)));
  return row;
}

/**
 * The shop a conversation belongs to; the one lookup not scoped by shop, used only for proactive sends
 * where the caller holds a conversation reference and nothing else.
 */
export async function shopOfConversation(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ shopId: table.shopId }).from(table).where(eq(table.id, id));
  return row?.shopId;
}

/** Marks the conversation started; true only for the call that started it (so the greeting runs once). */
export async function markStarted(db: Db, shopId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(table)
    .set({ startedAt: at })
    .where(and(eq(table.shopId, shopId), eq(table.id, id), sql`${table.startedAt} IS NULL`))
    .returning({ id: table.id });
  return rows.length === 1;
}

/**
 * Appends activities and gives each the next watermark and its Direct Line id (`<conversation>|<watermark>`).
 * One statement: the counter's row lock is held until the rows are in, so readers never see a later
 * watermark before an earlier one and skip it.
 */
export async function appendActivities(db: Db, shopId: string, conversationId: string, activities: readonly Record<string, unknown>[]): Promise<StoredActivity[]> {
  if (activities.length === 0) return [];
  const n = activities.length;
  const result = await db.execute(sql`
    WITH bumped AS (
      UPDATE direct_line_conversations SET last_watermark = last_watermark + ${n}, last_activity_at = now()
      WHERE id = ${conversationId} AND shop_id = ${shopId}
      RETURNING last_watermark
    ), numbered AS (
      SELECT (bumped.last_watermark - ${n} + a.ord)::int AS watermark, a.activity
      FROM bumped, jsonb_array_elements(${JSON.stringify(activities)}::jsonb) WITH ORDINALITY AS a(activity, ord)
    )
    INSERT INTO direct_line_activities (shop_id, conversation_id, watermark, activity)
    SELECT ${shopId}, ${conversationId}, watermark,
      activity || jsonb_build_object('id', ${conversationId}::text || '|' || lpad(watermark::text, 7, '0'))
    FROM numbered
    RETURNING watermark, activity`);
  const rows = result.rows as unknown as StoredActivity[];
  return rows.sort((a, b) => a.watermark - b.watermark);
}

/** Activities after a watermark, oldest first, at most `limit`. */
export async function activitiesSince(db: Db, shopId: string, conversationId: string, watermark: number, limit = 500): Promise<StoredActivity[]> {
  return db
    .select({ watermark: log.watermark, activity: log.activity })
    .from(log)
    .where(and(eq(log.shopId, shopId), eq(log.conversationId, conversationId), gt(log.watermark, watermark)))
    .orderBy(asc(log.watermark))
    .limit(limit);
}
