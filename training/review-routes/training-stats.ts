import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';
import { listModelVersions } from '../model-versions';

const BUCKETS = 10;

/** What the trainers' charts show: the bot's confidence on recent turns, and each version's held-out figures. */
export interface TrainingStats {
  language: string;
  /** Turns per confidence bucket [i/10, (i+1)/10), last `days` days. */
  confidence: Array<{ from: number; to: number; turns: number }>;
  versions: Array<{ version: number; status: string; accuracy: number | null; macroF1: number | null; heldOutSize: number | null; createdAt: Date }>;
}

const num = (value: unknown) => (typeof value === 'number' ? value : null);

/** Reads {@link TrainingStats} for one shop and language. */
export async function readTrainingStats(db: Db, shopId: string, language: string, now: Date, days = 30): Promise<TrainingStats> {
  const turns = schema.corpusTurns;
  // Constants inlined: bound parameters would make the SELECT and GROUP BY expressions differ.
  const bucket = sql<number>`least(${sql.raw(String(BUCKETS - 1))}, floor(greatest(0, ${turns.score}) * ${sql.raw(String(BUCKETS))}))::int`;
  const rows = await db
    .select({ bucket, turns: sql<number>`count(*)::int` })
    .from(turns)
    .where(and(eq(turns.shopId, shopId), eq(turns.language, language), eq(turns.source, 'bot'), isNotNull(turns.score), gte(turns.createdAt, new Date(now.getTime() - days * 86_400_000))))
    .groupBy(bucket);
  const counts = new Map(rows.map((r) => [Number(r.bucket), Number(r.turns)]));
  const confidence = Array.from({ length: BUCKETS }, (_, i) => ({ from: i / BUCKETS, to: (i + 1) / BUCKETS, turns: counts.get(i) ?? 0 }));
  const versions = (await listModelVersions(db, shopId, { language, limit: 60 }))
    .map((v) => ({ version: v.version, status: v.status, accuracy: num(v.metrics.accuracy), macroF1: num(v.metrics.macroF1), heldOutSize: num(v.metrics.heldOutSize), createdAt: v.createdAt }))
    .sort((a, b) => a.version - b.version);
  return { language, confidence, versions };
}
