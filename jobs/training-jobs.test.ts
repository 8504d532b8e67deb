import { eq } from 'drizzle-orm';
import pino from 'pino';
import { schema, upsertShop, type Database } from '../db';
import { createTestDatabase, testEngine } from '../db/testing';
import { createRetrainer } from '../training/retrain';
import { loadActiveModelVersion } from '../training/model-versions';
import { startJobRunner, type JobRunner } from './runner';
import type { JobContext } from './runner';
import { trainingJobs } from './training-jobs';

jest.setTimeout(120_000);

/** The local wall-clock hour and minute of an instant in a time zone. */
const localTime = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

describe(`training jobs on ${testEngine}`, () => {
  let database: Database;
  let runner: JobRunner;
  const logger = pino({ level: 'silent' });
  const progress: number[] = [];
  const context: JobContext = { logger, attempt: 1, progress: async (f) => void progress.push(f), enqueue: async () => 'id', schedule: async () => 'id' };

  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 6 });
    const definitions = trainingJobs({ db: database.db, retrainer: createRetrainer({ db: database.db }), every: (...args) => runner.every(...args) });
    // Enqueue-only: the test runs handlers itself so the nightly jobs never fire during it.
    runner = await startJobRunner({ pool: database.pool, engine: database.engine, logger, definitions, work: false, lockLifetimeMs: 1_000, processEveryMs: 200 });
  });
  afterAll(async () => {
    await runner.stop(1_000);
    await database.close();
  });

  const definition = (name: string) => trainingJobs({ db: database.db, retrainer: createRetrainer({ db: database.db }), every: (...args) => runner.every(...args) }).find((d) => d.name === name)!;
  const scheduled = async () =>
    (await database.pool.query("SELECT data, next_run_at, repeat_timezone, repeat_interval FROM agenda_jobs WHERE name = 'training.retrain' ORDER BY data->>'shopId', data->>'lang'")).rows as Array<{
      data: { shopId: string; lang: string };
      next_run_at: Date;
      repeat_timezone: string;
      repeat_interval: string;
    }>;

  it('schedules one nightly retrain per shop and language at 03:00 in each shop’s time zone, idempotently', async () => {
    const sg = await upsertShop(database.db, { domain: 'nightly-sg.myshopify.com', timezone: 'Asia/Singapore' });
    const ny = await upsertShop(database.db, { domain: 'nightly-ny.myshopify.com', timezone: 'America/New_York' });
    const gone = await upsertShop(database.db, { domain: 'nightly-gone.myshopify.com', timezone: 'Europe/London' });
    await database.db.update(schema.shops).set({ uninstalledAt: new Date() }).where(eq(schema.shops.id, gone.id));
    await database.db.insert(schema.corpusTurns).values({ shopId: sg.id, language: 'zh', text: '你好', intent: 'greeting', score: 0.9, source: 'bot' });

    const job = definition('training.schedule-nightly');
    await job.handle(job.schema.parse({}), context);
    await job.handle(job.schema.parse({}), context);

    const rows = await scheduled();
    const keys = rows.map((r) => `${r.data.shopId === sg.id ? 'sg' : r.data.shopId === ny.id ? 'ny' : 'other'}:${r.data.lang}`).sort();
    expect(keys).toEqual(['ny:en', 'sg:en', 'sg:zh']);
    for (const row of rows) {
      const zone = row.data.shopId === sg.id ? 'Asia/Singapore' : 'America/New_York';
      expect(row.repeat_timezone).toBe(zone);
      expect(row.repeat_interval).toBe('0 3 * * *');
      expect(localTime(new Date(row.next_run_at), zone)).toBe('03:00');
      expect(new Date(row.next_run_at).getTime()).toBeGreaterThan(Date.now());
    }
    const [sgRun, nyRun] = [rows.find((r) => r.data.shopId === sg.id)!, rows.find((r) => r.data.shopId === ny.id)!];
    expect(new Date(sgRun.next_run_at).getUTCHours()).toBe(19);
    expect([7, 8]).toContain(new Date(nyRun.next_run_at).getUTCHours());
  });

  it('moves the nightly run when the shop changes time zone', async () => {
    const shop = await upsertShop(database.db, { domain: 'nightly-ny.myshopify.com', timezone: 'Europe/London' });
    const job = definition('training.schedule-nightly');
    await job.handle(job.schema.parse({}), context);
    const rows = (await scheduled()).filter((r) => r.data.shopId === shop.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.repeat_timezone).toBe('Europe/London');
    expect(localTime(new Date(rows[0]!.next_run_at), 'Europe/London')).toBe('03:00');
  });

  it('retrains a shop from the job with its data, reporting progress', async () => {
    const shop = await upsertShop(database.db, { domain: 'nightly-run.myshopify.com' });
    const job = definition('training.retrain');
    expect(job.schema.safeParse({ shopId: shop.id }).success).toBe(false);
    await job.handle(job.schema.parse({ shopId: shop.id, lang: 'en' }), context);
    expect((await loadActiveModelVersion(database.db, shop.id, 'en'))?.version).toBe(1);
    expect(progress.at(-1)).toBe(1);
  });
});
