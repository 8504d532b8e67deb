import { Batcher } from './batcher';

function recordingBatcher(options?: { maxBatch: number; maxInFlight: number }) {
  const batches: string[][] = [];
  const batcher = new Batcher<{ key: string; value: string }, string>(
    async (items) => {
      batches.push(items.map((i) => i.value));
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((i) => (i.value === 'bad' ? new Error('refused') : i.value.toUpperCase()));
    },
    (item) => item.key,
    options,
  );
  return { batcher, batches };
}

describe('Batcher', () => {
  it('sends the first item at once and groups the ones that arrive while it is in flight', async () => {
    const { batcher, batches } = recordingBatcher({ maxBatch: 100, maxInFlight: 1 });
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((value) => batcher.add({ key: value, value })));
    expect(results).toEqual(['A', 'B', 'C', 'D']);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('never puts two items of one key in a batch, and keeps their order', async () => {
    const { batcher, batches } = recordingBatcher({ maxBatch: 100, maxInFlight: 2 });
    await Promise.all([['k', '1'], ['k', '2'], ['j', '3'], ['k', '4']].map(([key, value]) => batcher.add({ key: key!, value: value! })));
    const order = batches.flat().filter((v) => v !== '3');
    expect(order).toEqual(['1', '2', '4']);
    for (const batch of batches) expect(new Set(batch).size).toBe(batch.length);
    expect(batches.findIndex((b) => b.includes('2'))).toBeGreaterThan(batches.findIndex((b) => b.includes('1')));
  });

  it.each([
    ['an item the batch refuses fails alone', ['ok', 'bad', 'fine'], ['fulfilled', 'rejected', 'fulfilled']],
    ['every item is answered', ['x', 'y'], ['fulfilled', 'fulfilled']],
  ])('%s', async (_name, values, statuses) => {
    const { batcher } = recordingBatcher();
    const settled = await Promise.allSettled(values.map((value) => batcher.add({ key: value, value })));
    expect(settled.map((s) => s.status)).toEqual(statuses);
  });

  it('when a whole batch fails, every caller in it gets the error', async () => {
    const batcher = new Batcher<string, string>(async () => Promise.reject(new Error('database down')), (s) => s);
    const settled = await Promise.allSettled(['a', 'b'].map((s) => batcher.add(s)));
    expect(settled.every((s) => s.status === 'rejected' && (s.reason as Error).message === 'database down')).toBe(true);
  });

  it('caps the batch size', async () => {
    const { batcher, batches } = recordingBatcher({ maxBatch: 2, maxInFlight: 1 });
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((value) => batcher.add({ key: value, value })));
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(2);
  });
});
