/**
 * Group commit: rows added while a write is in flight go out together in the next write, so many
 * concurrent turns cost a few statements instead of one each. Every caller waits for its own rows.
 */
export class GroupWriter<T> {
  private queue: Array<{ rows: T[]; resolve: () => void; reject: (error: unknown) => void }> = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly maxBatch = 1_000,
  ) {}

  /** Resolves once the rows are stored; rejects when their batch failed. */
  add(rows: T[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.queue.push({ rows, resolve, reject }));
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return done;
  }

  /** Waits until everything added so far is written (or failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch: typeof this.queue = [];
      let size = 0;
      while (this.queue.length > 0 && size < this.maxBatch) {
        const next = this.queue.shift()!;
        batch.push(next);
        size += next.rows.length;
      }
      try {
        await this.write(batch.flatMap((b) => b.rows));
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
  }
}
