import type { PGlite } from '@electric-sql/pglite';

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

// Messages after which a client's exchange is complete: Sync (S), simple Query (Q), Terminate (X).
// A startup packet has no type byte; its first byte is the high byte of its length, 0.
const BOUNDARIES = new Set([0x53, 0x51, 0x58, 0x00]);

/**
 * Replaces pglite-socket's query queue. Its queue interleaves single protocol messages of different
 * connections, so one client's Parse/Bind/Execute could run between another's, and the unnamed
 * prepared statement of one was bound with the other's parameters ("bind message supplies 11
 * parameters, but prepared statement requires 4"). This queue keeps a connection's messages together
 * until its exchange ends (a Sync or Query) and, as the original does, for as long as its transaction
 * stays open.
 */
export class GroupedQueryQueue {
  private readonly queue: Pending[] = [];
  private processing = false;
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i -= 1) {
      const item = this.queue[i]!;
      if (item.handlerId === handlerId) {
        this.queue.splice(i, 1);
        item.reject(new Error('Handler disconnected'));
      }
    }
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    void this.process();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        if (index === -1) break; // The owner's next message is on its way; others wait for it.
        const item = this.queue.splice(index, 1)[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          item.reject(error);
          continue;
        }
        const type = item.message[0] ?? 0;
        this.owner = BOUNDARIES.has(type) && !this.db.isInTransaction() ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
