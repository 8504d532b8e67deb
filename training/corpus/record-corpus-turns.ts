import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { poolOf, runNamedStatement, schema } from '../../db';
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

/**
 * The insert of a batch of corpus turns given as one JSON parameter ({@link corpusTurnsJson}), for a writer that
 * puts it in a statement of its own: the bot's turn log writes transcript lines and corpus turns in one statement.
 * `placeholder` is that parameter's, e.g. `$2`.
 */
export function corpusTurnsInsertSql(placeholder: string): string {
  return `INSERT INTO corpus_turns (shop_id, language, text, intent, score, source)
      SELECT shop_id, language, text, intent, score, source
      FROM jsonb_to_recordset(${placeholder}::jsonb) AS v(shop_id uuid, language text, text text, intent text, score real, source text)`;
}

/** A batch of corpus turns as the JSON parameter of {@link corpusTurnsInsertSql}. */
export function corpusTurnsJson(turns: readonly CorpusTurn[]): string {
  return JSON.stringify(turns.map((t) => ({ shop_id: t.shopId, language: t.language, text: String(t.text), intent: t.intent, score: t.score, source: t.source })));
}

const INSERT = { name: 'storedesk_corpus_turns_insert', text: corpusTurnsInsertSql('$1') };

/** Appends redacted turns to the training corpus, in one statement. */
export async function recordCorpusTurns(db: Db, turns: readonly CorpusTurn[]): Promise<void> {
  if (turns.length === 0) return;
  await runNamedStatement(poolOf(db), INSERT, [corpusTurnsJson(turns)]);
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
