import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';

/** A transcript line as the inbox and the handoff event show it. */
export interface TranscriptEntry {
  sender: string;
  text: string;
  at: Date;
}

/** The last `limit` lines of a conversation of this shop, oldest first. */
export async function readTranscript(db: Db, shopId: string, channelId: string, conversationId: string, limit = 50): Promise<TranscriptEntry[]> {
  const table = schema.botTranscripts;
  const rows = await db
    .select({ sender: table.sender, text: table.text, at: table.createdAt, id: table.id })
    .from(table)
    .where(and(eq(table.shopId, shopId), eq(table.channelId, channelId), eq(table.conversationId, conversationId)))
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(limit);
  return rows.reverse().map(({ sender, text, at }) => ({ sender, text, at }));
}

