import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { schema, type Db } from '../../../db';

const { syncRuns } = schema;

/** Records a sync's progress so the CLI, the admin overview and the next incremental run can see it. */
export async function startSyncRun(db: Db, shopId: string, kind: string): Promise<string> {
  const [row] = await db.insert(syncRuns).values({ shopId, kind, status: 'running' }).returning({ id: syncRuns.id });
  return row!.id;
}

export async function updateSyncRun(db: Db, shopId: string, id: string, patch: Partial<typeof syncRuns.$inferInsert>): Promise<void> {
  await db.update(syncRuns).set(patch).where(and(eq(syncRuns.id, id), eq(syncRuns.shopId, shopId)));
}

export async function finishSyncRun(db: Db, shopId: string, id: string, outcome: { status: 'completed' | 'failed'; error?: string; cursorUpdatedAt?: Date | null; objectsDone?: number }): Promise<void> {
  await db
    .update(syncRuns)
    .set({ status: outcome.status, error: outcome.error ?? null, cursorUpdatedAt: outcome.cursorUpdatedAt ?? null, finishedAt: sql`now()`, ...(outcome.objectsDone === undefined ? {} : { objectsDone: outcome.objectsDone }) })
    .where(and(eq(syncRuns.id, id), eq(syncRuns.shopId, shopId)));
}

/** Where incremental sync of a resource resumes: the newest change any finished run of it saw. */
export async function lastCursor(db: Db, shopId: string, resource: string): Promise<Date | null> {
  const [row] = await db
    .select({ cursor: syncRuns.cursorUpdatedAt })
    .from(syncRuns)
    .where(and(eq(syncRuns.shopId, shopId), sql`${syncRuns.kind} LIKE ${'%:' + resource}`, eq(syncRuns.status, 'completed'), isNotNull(syncRuns.cursorUpdatedAt)))
    .orderBy(desc(syncRuns.cursorUpdatedAt))
    .limit(1);
  return row?.cursor ?? null;
}
