import type { Db } from '../../db';
import { Batcher, poolOf, runNamedStatement, stateUpsertSql, stateUpsertsJson, type StateUpsert } from '../../db';
import type { RawText } from '../../privacy';
import type { CorpusTurn } from '../../training/corpus';
import { corpusTurnsInsertSql, corpusTurnsJson } from '../../training/corpus';

/** One raw line of a conversation, kept for the shop's retention period. */
export interface TranscriptLine {
  shopId: string;
  channelId: string;
  conversationId: string;
  sender: 'buyer' | 'bot' | 'staff';
  text: RawText | string;
  language?: string;
}

/** What one turn stores: its raw lines, its redacted corpus turns and, when it changed, its conversation state. */
export interface TurnRecord {
  lines: TranscriptLine[];
  corpus?: CorpusTurn[];
  state?: StateUpsert;
}

// The three tables in one statement. Rows come out of the recordset in array order, and each gets a time
// at least a microsecond after the one before (clocks can tick coarser than rows are written, as on
// PGlite), so lines of one turn keep their order. The state upsert is the database's and the corpus insert
// training's (their batch APIs); corpus rows carry only redacted text: the CorpusTurn type admits nothing else.
const WRITE = {
  name: 'storedesk_turn_write',
  text: `WITH lines AS (
      INSERT INTO bot_transcripts (shop_id, channel_id, conversation_id, sender, text, language, created_at)
      SELECT shop_id, channel_id, conversation_id, sender, text, language, clock_timestamp() + n * interval '1 microsecond'
      FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (shop_id uuid, channel_id text, conversation_id text, sender text, text text, language text))
        WITH ORDINALITY AS v(shop_id, channel_id, conversation_id, sender, text, language, n)
      RETURNING 1
    ), corpus AS (
      ${corpusTurnsInsertSql('$2')}
      RETURNING 1
    ), state AS (
      ${stateUpsertSql('$3')}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM lines) AS lines, (SELECT count(*) FROM corpus) AS corpus, (SELECT count(*) FROM state) AS state`,
};

let sequence = 0;

/**
 * Where turns are kept: raw lines in `bot_transcripts` (short retention, for handoff and the inbox), redacted
 * buyer turns in the training corpus, and the conversation state the turn leaves. What concurrent turns store
 * goes out in one statement (group commit: see the database's `Batcher`), which commits or fails as a whole.
 */
export class TurnLog {
  private readonly batcher: Batcher<TurnRecord & { id: number }, void>;
  private readonly pending = new Set<Promise<void>>();

  constructor(db: Db) {
    const pool = poolOf(db);
    // A batch holds each conversation state once (an upsert can't touch a row twice); records without state never collide.
    const keyOf = (record: TurnRecord & { id: number }) => (record.state ? `${record.state.shopId}\u0000${record.state.key}` : `#${record.id}`);
    this.batcher = new Batcher<TurnRecord & { id: number }, void>(async (records) => {
      const lines: unknown[] = [];
      const corpus: CorpusTurn[] = [];
      const states: StateUpsert[] = [];
      for (const record of records) {
        for (const l of record.lines) {
          lines.push({ shop_id: l.shopId, channel_id: l.channelId, conversation_id: l.conversationId, sender: l.sender, text: String(l.text), language: l.language ?? null });
        }
        if (record.corpus) corpus.push(...record.corpus);
        if (record.state) states.push(record.state);
      }
      await runNamedStatement(pool, WRITE, [JSON.stringify(lines), corpusTurnsJson(corpus), stateUpsertsJson(states)]);
      return records.map(() => undefined);
    }, keyOf);
  }

  /** Stores raw lines and redacted corpus turns; resolves when both are written. */
  async record(lines: TranscriptLine[], corpus: CorpusTurn[] = []): Promise<void> {
    await this.commit({ lines, corpus });
  }

  /** Stores what a turn leaves (lines, corpus turns, changed state) in one statement; resolves when it is written. */
  async commit(record: TurnRecord): Promise<void> {
    if (record.lines.length === 0 && !record.corpus?.length && !record.state) return;
    sequence += 1;
    const written = this.batcher.add({ ...record, id: sequence });
    const settled = written.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    await written;
  }

  /** Waits for writes in flight (before reading a transcript back, and at shutdown). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
