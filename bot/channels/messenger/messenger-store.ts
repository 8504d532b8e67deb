import { and, eq, sql } from 'drizzle-orm';
import type { SecretBox } from '../../../core/crypto';
import type { Db } from '../../../db';
import { schema } from '../../../db';

/** A connected page, with its access token opened. */
export interface MessengerPage {
  pageId: string;
  shopId: string;
  accessToken: string;
  humanAppId: string;
}

/** A thread's window and owner. */
export type MessengerThread = typeof schema.messengerThreads.$inferSelect;

const pages = schema.messengerPages;
const threads = schema.messengerThreads;

/** Connects a page to a shop (or re-points it), sealing its access token. */
export async function registerMessengerPage(
  db: Db,
  box: SecretBox,
  input: { pageId: string; shopId: string; accessToken: string; humanAppId?: string },
): Promise<void> {
  const values = { pageId: input.pageId, shopId: input.shopId, accessTokenSealed: box.seal(input.accessToken), ...(input.humanAppId ? { humanAppId: input.humanAppId } : {}) };
  await db.insert(pages).values(values).onConflictDoUpdate({ target: pages.pageId, set: values });
}

/** The page by id; the one lookup not scoped by shop, because a webhook names only the page. */
export async function findMessengerPage(db: Db, box: SecretBox, pageId: string): Promise<MessengerPage | undefined> {
  const [row] = await db.select().from(pages).where(eq(pages.pageId, pageId));
  if (!row) return undefined;
  return { pageId: row.pageId, shopId: row.shopId, accessToken: box.open(row.accessTokenSealed), humanAppId: row.humanAppId };
}

/** Records that the person wrote (opens the 24-hour window). */
export async function touchThread(db: Db, shopId: string, pageId: string, psid: string, at: Date): Promise<void> {
  await db
    .insert(threads)
    .values({ shopId, pageId, psid, lastUserMessageAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: [threads.pageId, threads.psid], set: { lastUserMessageAt: sql`greatest(${threads.lastUserMessageAt}, excluded.last_user_message_at)`, updatedAt: at } });
}

/** The thread, if the person ever wrote. */
export async function findThread(db: Db, shopId: string, pageId: string, psid: string): Promise<MessengerThread | undefined> {
  const [row] = await db.select().from(threads).where(and(eq(threads.shopId, shopId), eq(threads.pageId, pageId), eq(threads.psid, psid)));
  return row;
}

/** Records who owns the thread after a handover. */
export async function setThreadOwner(db: Db, shopId: string, pageId: string, psid: string, owner: 'bot' | 'human', at: Date): Promise<void> {
  await db
    .insert(threads)
    .values({ shopId, pageId, psid, owner, updatedAt: at })
    .onConflictDoUpdate({ target: [threads.pageId, threads.psid], set: { owner, updatedAt: at } });
}
