import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';
import type { RedactedText } from '../../privacy';

/** An intent the model considered, with its score. */
export interface ScoredIntent {
  intent: string;
  score: number;
}

/** What the bot puts in the trainers' queue for a low-confidence turn: redacted text only. */
export interface NewReviewItem {
  shopId: string;
  language: string;
  conversationRef: string;
  text: RedactedText;
  /** The turns before it, redacted, oldest first. */
  context: readonly RedactedText[];
  topIntents: readonly ScoredIntent[];
  /** What the bot answered (the bot's own words, no buyer data). */
  answer: string;
}

/** A queued item as trainers see it. */
export interface ReviewItem extends Omit<NewReviewItem, 'context' | 'topIntents'> {
  id: string;
  context: RedactedText[];
  topIntents: ScoredIntent[];
  status: string;
  createdAt: Date;
}

/** Adds a low-confidence turn to the shop's review queue and returns its id. */
export async function enqueueReviewItem(db: Db, item: NewReviewItem): Promise<string> {
  const [row] = await db
    .insert(schema.reviewItems)
    .values({
      shopId: item.shopId,
      language: item.language,
      conversationRef: item.conversationRef,
      text: String(item.text),
      context: item.context.map(String),
      topIntents: item.topIntents.map(({ intent, score }) => ({ intent, score })),
      answer: item.answer,
    })
    .returning({ id: schema.reviewItems.id });
  return row!.id;
}

/** Options for {@link listReviewItems}: newest first, paged by `before` (the last item of the previous page). */
export interface ListReviewItemsOptions {
  status?: string;
  limit?: number;
  before?: { createdAt: Date; id: string };
}

/** The shop's review items, newest first. */
export async function listReviewItems(db: Db, shopId: string, options: ListReviewItemsOptions = {}): Promise<ReviewItem[]> {
  const table = schema.reviewItems;
  const conditions = [eq(table.shopId, shopId), eq(table.status, options.status ?? 'open')];
  if (options.before) {
    const { createdAt, id } = options.before;
    conditions.push(or(lt(table.createdAt, createdAt), and(eq(table.createdAt, createdAt), lt(table.id, id)))!);
  }
  const rows = await db
    .select()
    .from(table)
    .where(and(...conditions))
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(Math.min(options.limit ?? 50, 500));
  return rows.map((row) => ({
    id: row.id,
    shopId: row.shopId,
    language: row.language,
    conversationRef: row.conversationRef,
    text: row.text as RedactedText,
    context: row.context as RedactedText[],
    topIntents: row.topIntents,
    answer: row.answer,
    status: row.status,
    createdAt: row.createdAt,
  }));
}

/** How many items of the shop wait in the queue. */
export async function countOpenReviewItems(db: Db, shopId: string): Promise<number> {
  const table = schema.reviewItems;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(and(eq(table.shopId, shopId), eq(table.status, 'open')));
  return row?.n ?? 0;
}
