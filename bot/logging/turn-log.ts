import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schema } from '../../db';
import type { RawText } from '../../privacy';
import type { CorpusTurn } from '../../training/corpus';
import { recordCorpusTurns } from '../../training/corpus';
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

/**
 * Where turns are kept: raw lines in `bot_transcripts` (short retention, for handoff and the inbox)
 * and redacted buyer turns in the training corpus. Writes from concurrent turns are grouped.
 */
export class TurnLog {
  private readonly transcripts: GroupWriter<TranscriptLine>;
  private readonly corpus: GroupWriter<CorpusTurn>;

  constructor(db: Db) {
    // clock_timestamp() advances row by row, so lines of one turn keep their order.
    this.transcripts = new GroupWriter(async (lines) => {
      await db.insert(schema.botTranscripts).values(
        lines.map((l) => ({ shopId: l.shopId, channelId: l.channelId, conversationId: l.conversationId, sender: l.sender, text: String(l.text), language: l.language ?? null, createdAt: sql`clock_timestamp()` })),
      );
    });
    this.corpus = new GroupWriter((turns) => recordCorpusTurns(db, turns));
  }

  /** Stores raw lines and redacted corpus turns; resolves when both are written. */
  async record(lines: TranscriptLine[], corpus: CorpusTurn[] = []): Promise<void> {
    await Promise.all([this.transcripts.add(lines), this.corpus.add(corpus)]);
  }

  /** Waits for writes in flight (before reading a transcript back, and at shutdown). */
  async flush(): Promise<void> {
    await Promise.all([this.transcripts.flush(), this.corpus.flush()]);
  }
}
