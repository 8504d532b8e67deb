import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';
import type { RedactedText } from '../../privacy';

/** One buyer turn for the training corpus. The text type only admits what `redact` produced. */
export interface CorpusTurn {
  shopId: string;
  language: string;
  text: RedactedText;
  intent: string | null;
  score: number | null;
  source: 'bot' | 'trainer';
}

/** Appends redacted turns to the training corpus, in one statement. */
export async function recordCorpusTurns(db: Db, turns: readonly CorpusTurn[]): Promise<void> {
  if (turns.length === 0) return;
  await db.insert(schema.corpusTurns).values(
    turns.map((turn) => ({
      shopId: turn.shopId,
      language: turn.language,
      text: String(turn.text),
      intent: turn.intent,
      score: turn.score,
      source: turn.source,
    })),
  );
}

/** A stored corpus turn. */
export interface StoredCorpusTurn {
  id: string;
  language: string;
  text: RedactedText;
  intent: string | null;
  score: number | null;
  source: string;
  createdAt: Date;
}

/** The shop's corpus turns in one language, newest first. */
export async function listCorpusTurns(
  db: Db,
  shopId: string,
  options: { language?: string; limit?: number } = {},
): Promise<StoredCorpusTurn[]> {
  const table = schema.corpusTurns;
  const where = options.language
    ? and(eq(table.shopId, shopId), eq(table.language, options.language))
    : eq(table.shopId, shopId);
  const rows = await db
    .select()
    .from(table)
    .where(where)
    .orderBy(desc(table.createdAt))
    .limit(options.limit ?? 1000);
  return rows.map((row) => ({
    id: row.id,
    language: row.language,
    text: row.text as RedactedText,
    intent: row.intent,
    score: row.score,
    source: row.source,
    createdAt: row.createdAt,
  }));
}
