/** How a {@link Batcher} runs one batch: one result per item, in order (an Error fails only that item). */
export type RunBatch<In, Out> = (items: In[]) => Promise<Array<Out | Error>>;

interface Pending<In, Out> {
  item: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for statements of concurrent callers: an item that arrives while a batch is in flight waits
 * for it and goes out with the others in the next one, so N concurrent turns cost a few statements instead
 * of N. Nothing waits on a timer: with nothing in flight, an item goes out at once. Items with the same key
 * never share a batch, so they run in the order they came.
 */
export class Batcher<In, Out> {
  private queue: Array<Pending<In, Out>> = [];
  private inFlight = 0;
  private readonly busyKeys = new Map<string, number>();

  constructor(
    private readonly run: RunBatch<In, Out>,
    private readonly keyOf: (item: In) => string,
    private readonly options: { maxBatch: number; maxInFlight: number } = { maxBatch: 500, maxInFlight: 2 },
  ) {}

  /** Resolves with the item's result once its batch ran. */
  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.options.maxInFlight) {
      const batch = this.take();
      if (batch.length === 0) return;
      const keys = batch.map((p) => this.keyOf(p.item));
      for (const key of keys) this.busyKeys.set(key, (this.busyKeys.get(key) ?? 0) + 1);
      this.inFlight += 1;
      void this.execute(batch).finally(() => {
        for (const key of keys) {
          const left = this.busyKeys.get(key)! - 1;
          if (left === 0) this.busyKeys.delete(key);
          else this.busyKeys.set(key, left);
        }
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private take(): Array<Pending<In, Out>> {
    const batch: Array<Pending<In, Out>> = [];
    const keys = new Set<string>();
    const rest: Array<Pending<In, Out>> = [];
    for (const pending of this.queue) {
      const key = this.keyOf(pending.item);
      // Once a key is deferred, later items of that key wait too, so each key keeps its order;
      // a key already in flight waits for its batch to finish.
      if (batch.length >= this.options.maxBatch || keys.has(key) || this.busyKeys.has(key)) {
        rest.push(pending);
        keys.add(key);
        continue;
      }
      keys.add(key);
      batch.push(pending);
    }
    this.queue = rest;
    return batch;
  }

  private async execute(batch: Array<Pending<In, Out>>): Promise<void> {
    try {
      const results = await this.run(batch.map((p) => p.item));
      batch.forEach((pending, i) => {
        const result = results[i];
        if (result instanceof Error) pending.reject(result);
        else pending.resolve(result as Out);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
