import pino from 'pino';
import { z } from 'zod';
import { constant } from 'agenda';
import { createMetrics } from '../../core/metrics';
import type { Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { defineJob } from './job-definition';
import { startJobRunner, type JobRunner } from './job-runner';

function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 50);
    };
    tick();
  });
}

describe(`job runner on ${testEngine}`, () => {
  let database: Database;
  let runner: JobRunner;
  const seen: string[] = [];
  let flakyCalls = 0;
  const metrics = createMetrics({ defaultMetrics: false });

  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 6 });
    runner = await startJobRunner({
      pool: database.pool,
      engine: database.engine,
      logger: pino({ level: 'silent' }),
      metrics,
      processEveryMs: 200,
      lockLifetimeMs: 2_000,
      definitions: [
        defineJob({
          name: 'test.echo',
          schema: z.object({ word: z.string() }),
          async handle(data) {
            seen.push(data.word);
          },
        }),
        defineJob({
          name: 'test.flaky',
          schema: z.object({}),
          backoff: constant({ delay: 100, maxRetries: 3 }),
          async handle() {
            flakyCalls += 1;
            if (flakyCalls < 3) throw new Error('not yet');
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    await runner.stop(1_000);
    await database.close();
  });

  it('runs an enqueued job with its data', async () => {
    await runner.now('test.echo', { word: 'hello' });
    await waitFor(() => seen.includes('hello'));
  });

  it('retries a failing job with backoff until it succeeds, counting each outcome', async () => {
    await runner.now('test.flaky', {});
    await waitFor(() => flakyCalls >= 3);
    await waitFor(() => {
      const snapshot = metrics.jobsTotal as unknown as { hashMap: Record<string, { value: number; labels: Record<string, string> }> };
      return Object.values(snapshot.hashMap).some((v) => v.labels.job === 'test.flaky' && v.labels.outcome === 'success');
    });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/storedesk_jobs_total\{job="test.flaky",outcome="failure"\} 2/);
  });

  it('refuses to enqueue a job with invalid data, with a clear message', async () => {
    await expect(runner.now('test.echo', { word: 42 })).rejects.toThrow(/Invalid data for job "test.echo"/);
    await expect(runner.now('no.such-job', {})).rejects.toThrow(/Unknown job/);
  });

  it('keeps one recurring job per unique key', async () => {
    await runner.every('1 day', 'test.echo', { word: 'nightly' }, { uniqueKey: { 'data.word': 'nightly' } });
    await runner.every('1 day', 'test.echo', { word: 'nightly' }, { uniqueKey: { 'data.word': 'nightly' } });
    const { rows } = await database.pool.query(
      "SELECT count(*)::int AS n FROM agenda_jobs WHERE name = 'test.echo' AND data->>'word' = 'nightly'",
    );
    expect(rows[0].n).toBe(1);
  });
});
