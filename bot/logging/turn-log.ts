import type { Db } from '../../db';
import { poolOf, runNamedStatement } from '../../db';
import type { RawText } from '../../privacy';
import type { CorpusTurn } from '../../training/corpus';
import { corpusTurnsInsertSql, corpusTurnsJson } from '../../training/corpus';
import { GroupWriter } from './group-writer';

/** One raw line of a conversation, kept for the shop's retention period. */
export interface TranscriptLine {
  shopId: string;
  channelId: string;
  conversationId: string;
  sender: 'buyer' | 'bot' | 'staff';
  text: RawText | string;
  language?: string;
}

type Entry = { line: TranscriptLine } | { turn: CorpusTurn };

// Both tables in one statement. Rows come out of the recordset in array order, and each gets a time
// at least a microsecond after the one before (clocks can tick coarser than rows are written, as on
// PGlite), so lines of one turn keep their order. Corpus rows are training's insert (its batch API), and carry
// only redacted text: the CorpusTurn type admits nothing else.
const WRITE = {
  name: 'storedesk_turn_log_write',
  text: `WITH lines AS (
      INSERT INTO bot_transcripts (shop_id, channel_id, conversation_id, sender, text, language, created_at)
      SELECT shop_id, channel_id, conversation_id, sender, text, language, clock_timestamp() + n * interval '1 microsecond'
      FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (shop_id uuid, channel_id text, conversation_id text, sender text, text text, language text))
        WITH ORDINALITY AS v(shop_id, channel_id, conversation_id, sender, text, language, n)
      RETURNING 1
    ), corpus AS (
      ${corpusTurnsInsertSql('$2')}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM lines) AS lines, (SELECT count(*) FROM corpus) AS corpus`,
};

/**
 * Where turns are kept: raw lines in `bot_transcripts` (short retention, for handoff and the inbox)
 * and redacted buyer turns in the training corpus. Writes from concurrent turns are grouped into one statement.
 */
export class TurnLog {
  private readonly writer: GroupWriter<Entry>;

  constructor(db: Db) {
    const pool = poolOf(db);
    this.writer = new GroupWriter(async (entries) => {
      const lines: unknown[] = [];
      const corpus: CorpusTurn[] = [];
      for (const entry of entries) {
        if ('line' in entry) {
          const l = entry.line;
          lines.push({ shop_id: l.shopId, channel_id: l.channelId, conversation_id: l.conversationId, sender: l.sender, text: String(l.text), language: l.language ?? null });
        } else {
          corpus.push(entry.turn);
        }
      }
      await runNamedStatement(pool, WRITE, [JSON.stringify(lines), corpusTurnsJson(corpus)]);
    });
  }

  /** Stores raw lines and redacted corpus turns; resolves when both are written. */
  async record(lines: TranscriptLine[], corpus: CorpusTurn[] = []): Promise<void> {
    const entries: Entry[] = [];
    for (const line of lines) entries.push({ line });
    for (const turn of corpus) entries.push({ turn });
    await this.writer.add(entries);
  }

  /** Waits for writes in flight (before reading a transcript back, and at shutdown). */
  async flush(): Promise<void> {
    await this.writer.flush();
  }
}
