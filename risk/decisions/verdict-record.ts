import type { Decision, Reason, Verdict } from '../scoring';
import type { EventRecording } from '../engine';
import { RECORDING_CTES, RECORDING_PARAMS, recordingValues, runPrepared, type Queryable } from '../store';

/** A stored verdict as the queue, the write-back and the appeals read it. */
export interface VerdictRecord {
  id: string;
  subjectType: 'order' | 'account';
  subjectId: string;
  customerId: number | null;
  score: number;
  ruleScore: number;
  modelScore: number | null;
  decision: Decision;
  reasons: Reason[];
  features: Record<string, number | null>;
  /** Hashed identifiers by kind. */
  identifiers: Record<string, string>;
  reviewStatus: 'open' | 'decided' | 'none';
  reviewedBy: string | null;
  reviewedAt: string | null;
  outcome: string | null;
  writtenBackAt: string | null;
  createdAt: string;
}

const COLUMNS = `id, subject_type, subject_id, customer_id, score, rule_score, model_score, decision, reasons, features,
  identifiers, review_status, reviewed_by, reviewed_at, outcome, written_back_at, created_at`;

/** Maps a `risk_verdicts` row. */
export function toVerdictRecord(row: Record<string, unknown>): VerdictRecord {
  const date = (value: unknown) => (value instanceof Date ? value.toISOString() : null);
  return {
    id: row.id as string,
    subjectType: row.subject_type as 'order' | 'account',
    subjectId: row.subject_id as string,
    customerId: row.customer_id === null ? null : Number(row.customer_id),
    score: row.score as number,
    ruleScore: row.rule_score as number,
    modelScore: (row.model_score as number | null) ?? null,
    decision: row.decision as Decision,
    reasons: row.reasons as Reason[],
    features: row.features as Record<string, number | null>,
    identifiers: row.identifiers as Record<string, string>,
    reviewStatus: row.review_status as VerdictRecord['reviewStatus'],
    reviewedBy: (row.reviewed_by as string | null) ?? null,
    reviewedAt: date(row.reviewed_at),
    outcome: (row.outcome as string | null) ?? null,
    writtenBackAt: date(row.written_back_at),
    createdAt: date(row.created_at)!,
  };
}

/** Reads one verdict of a shop by id, or by subject. */
export async function findVerdict(db: Queryable, shopId: string, by: { id: string } | { subjectType: string; subjectId: string }): Promise<VerdictRecord | undefined> {
  const { rows } =
    'id' in by
      ? /^[0-9a-f-]{36}$/i.test(by.id)
        ? await db.query({ text: `SELECT ${COLUMNS} FROM risk_verdicts WHERE shop_id = $1 AND id = $2`, values: [shopId, by.id] })
        : { rows: [] }
      : await db.query({
          text: `SELECT ${COLUMNS} FROM risk_verdicts WHERE shop_id = $1 AND subject_type = $2 AND subject_id = $3`,
          values: [shopId, by.subjectType, by.subjectId],
        });
  return rows[0] ? toVerdictRecord(rows[0]) : undefined;
}

/** What {@link insertVerdict} stores. */
export interface VerdictInsert {
  subjectType: 'order' | 'account';
  subjectId: string;
  customerId?: number;
  verdict: Verdict;
  features: Record<string, number>;
  identifiers: Record<string, string>;
  at: Date;
}

const INSERT = (first: number) => {
  const p = Array.from({ length: 13 }, (_, i) => `$${first + i}`);
  return `INSERT INTO risk_verdicts (shop_id, subject_type, subject_id, customer_id, score, rule_score, model_score, decision, reasons,
    features, identifiers, review_status, created_at)
  VALUES (${p.join(', ')})
  ON CONFLICT (shop_id, subject_type, subject_id) DO NOTHING RETURNING ${COLUMNS}`;
};

function insertValues(shopId: string, input: VerdictInsert): unknown[] {
  const { verdict } = input;
  // NaN ("does not apply") is not JSON; null keeps the meaning.
  const features = Object.fromEntries(Object.entries(input.features).map(([k, v]) => [k, Number.isFinite(v) ? v : null]));
  return [
    shopId, input.subjectType, input.subjectId, input.customerId ?? null, verdict.score, verdict.ruleScore, verdict.modelScore ?? null,
    verdict.decision, JSON.stringify(verdict.reasons), JSON.stringify(features), JSON.stringify(input.identifiers),
    verdict.decision === 'allow' ? 'none' : 'open', input.at,
  ];
}

async function insertedOrExisting(db: Queryable, shopId: string, input: VerdictInsert, rows: Record<string, unknown>[]) {
  if (rows[0]) return { record: toVerdictRecord(rows[0]), inserted: true };
  const existing = await findVerdict(db, shopId, { subjectType: input.subjectType, subjectId: input.subjectId });
  return { record: existing!, inserted: false };
}

/** Stores a new verdict; a second store of the same subject keeps the first (job retries). */
export async function insertVerdict(db: Queryable, shopId: string, input: VerdictInsert): Promise<{ record: VerdictRecord; inserted: boolean }> {
  const { rows } = await db.query({ text: INSERT(1), values: insertValues(shopId, input) });
  return insertedOrExisting(db, shopId, input, rows);
}

// The commit does not wait for its WAL flush (set for this statement's transaction only). Nothing
// is lost that matters: whatever acts on a verdict commits after it, synchronously, which flushes
// this commit too (the scoring job's write-back enqueue, the job's own completion); a crash before
// that loses the recording and the verdict together, and the retried job scores the order again.
const WITH_RECORDING = `WITH ${RECORDING_CTES},
verdict AS (${INSERT(RECORDING_PARAMS + 1)})
SELECT verdict.*, set_config('synchronous_commit', 'off', true) AS relaxed_commit FROM verdict`;

/**
 * Records the scored event and stores its verdict in one statement: one round trip and one
 * commit, and never a verdict without the recording it was based on (or the other way round).
 */
export async function insertVerdictWithRecording(
  db: Queryable,
  shopId: string,
  input: VerdictInsert,
  recording: EventRecording,
): Promise<{ record: VerdictRecord; inserted: boolean }> {
  const { rows } = await runPrepared(db, 'record_and_verdict', WITH_RECORDING, [...recordingValues(shopId, recording), ...insertValues(shopId, input)]);
  return insertedOrExisting(db, shopId, input, rows);
}
