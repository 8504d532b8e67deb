import { and, desc, eq, lt } from 'drizzle-orm';
import { ConflictError } from '../../core/errors';
import type { Db } from '../../db';
import { schema } from '../../db';

const table = schema.trainingRuns;

/** What started a run. */
export type TrainingTrigger = 'nightly' | 'cli' | 'admin';

/**
 * Opens a run. A run still marked `running` after `staleMs` belongs to a process that died mid-training:
 * it is marked `abandoned` so this run starts clean. A younger one means training is in progress: 409.
 */
export async function startTrainingRun(db: Db, input: { shopId: string; language: string; trigger: TrainingTrigger; now: Date; staleMs: number }): Promise<string> {
  const scope = and(eq(table.shopId, input.shopId), eq(table.language, input.language), eq(table.status, 'running'));
  await db
    .update(table)
    .set({ status: 'abandoned', finishedAt: input.now, error: 'the process stopped before the run finished' })
    .where(and(scope, lt(table.startedAt, new Date(input.now.getTime() - input.staleMs))));
  const [row] = await db
    .insert(table)
    .values({ shopId: input.shopId, language: input.language, trigger: input.trigger, status: 'running', startedAt: input.now })
    .onConflictDoNothing()
    .returning({ id: table.id });
  if (!row) throw new ConflictError(`A training run for language "${input.language}" is already in progress`);
  return row.id;
}

/** What a finished run records. */
export interface RunOutcome {
  corpusSize: number;
  heldOutSize: number;
  trainingMs: number;
  modelBytes: number;
  evaluation: Record<string, unknown>;
  promoted: boolean;
  versionId: string;
}

/** Closes a run that produced a stored version. */
export async function finishTrainingRun(db: Db, shopId: string, runId: string, outcome: RunOutcome, now: Date): Promise<void> {
  await db
    .update(table)
    .set({ status: 'succeeded', finishedAt: now, ...outcome })
    .where(and(eq(table.shopId, shopId), eq(table.id, runId)));
}

/** Closes a run that failed; the message is the error's own (training input is redacted text only). */
export async function failTrainingRun(db: Db, shopId: string, runId: string, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await db
    .update(table)
    .set({ status: 'failed', finishedAt: now, error: message.slice(0, 500) })
    .where(and(eq(table.shopId, shopId), eq(table.id, runId)));
}

/** The shop's recent runs, newest first. */
export async function listTrainingRuns(db: Db, shopId: string, options: { language?: string; limit?: number } = {}) {
  const where = options.language ? and(eq(table.shopId, shopId), eq(table.language, options.language)) : eq(table.shopId, shopId);
  return db.select().from(table).where(where).orderBy(desc(table.startedAt)).limit(Math.min(options.limit ?? 20, 200));
}
