import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';

/** Where a handoff stands. */
export type HandoffStatus = 'waiting' | 'connected' | 'closed';

/** A handoff row. */
export type Handoff = typeof schema.botHandoffs.$inferSelect;

/** Opens a handoff for the conversation, or returns the one already open. */
export async function openHandoff(
  db: Db,
  input: { shopId: string; channelId: string; conversationId: string; reason: string; language: string; reference: Record<string, unknown> },
): Promise<Handoff> {
  const table = schema.botHandoffs;
  const [created] = await db
    .insert(table)
    .values({ ...input, status: 'waiting' })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [open] = await db
    .select()
    .from(table)
    .where(and(eq(table.shopId, input.shopId), eq(table.channelId, input.channelId), eq(table.conversationId, input.conversationId), ne(table.status, 'closed')));
  return open!;
}

/** The status of one of the shop's handoffs, or undefined when there is none. */
export async function handoffStatus(db: Db, shopId: string, handoffId: string): Promise<HandoffStatus | undefined> {
  const table = schema.botHandoffs;
  const [row] = await db.select({ status: table.status }).from(table).where(and(eq(table.shopId, shopId), eq(table.id, handoffId)));
  return row?.status as HandoffStatus | undefined;
}

/** One of the shop's handoffs. */
export async function findHandoff(db: Db, shopId: string, handoffId: string): Promise<Handoff | undefined> {
  const table = schema.botHandoffs;
  const [row] = await db.select().from(table).where(and(eq(table.shopId, shopId), eq(table.id, handoffId)));
  return row;
}

/** The shop's handoffs still waiting for or owned by a person, oldest first. */
export async function listOpenHandoffs(db: Db, shopId: string, limit = 100): Promise<Handoff[]> {
  const table = schema.botHandoffs;
  return db
    .select()
    .from(table)
    .where(and(eq(table.shopId, shopId), ne(table.status, 'closed')))
    .orderBy(asc(table.createdAt))
    .limit(limit);
}

/**
 * Moves an open handoff to `connected` (staff took it) or `closed`. Returns the row as it was before,
 * or undefined when it is not open; a closed handoff never reopens.
 */
export async function moveHandoff(db: Db, shopId: string, handoffId: string, to: 'connected' | 'closed', actor: string): Promise<{ before: HandoffStatus } | undefined> {
  const table = schema.botHandoffs;
  const [before] = await db.select({ status: table.status }).from(table).where(and(eq(table.shopId, shopId), eq(table.id, handoffId)));
  if (!before || before.status === 'closed') return undefined;
  const set =
    to === 'closed'
      ? { status: to, closedBy: actor, closedAt: sql`now()`, updatedAt: sql`now()` }
      : { status: to, assignedTo: actor, updatedAt: sql`now()` };
  const updated = await db
    .update(table)
    .set(set)
    .where(and(eq(table.shopId, shopId), eq(table.id, handoffId), ne(table.status, 'closed')))
    .returning({ id: table.id });
  return updated.length > 0 ? { before: before.status as HandoffStatus } : undefined;
}
