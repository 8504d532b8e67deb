import type { Database } from '../open-database';
import { createTestDatabase, testEngine } from '../testing';
import { createRateLimits, type RateLimit } from './index';

const SECRET = 'c'.repeat(64);
const login: RateLimit = { scope: 'test.login', max: 3, windowMs: 60_000 };
const perIp: RateLimit = { scope: 'test.ip', max: 5, windowMs: 10_000 };
const at = (ms: number) => new Date(Date.UTC(2026, 10, 30, 9) + ms);

describe(`shared rate limits (${testEngine})`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('refuses the attempt after the maximum with the seconds left in the window, then starts a new window', async () => {
    const limits = createRateLimits({ db: database.pool, secret: SECRET });
    for (let n = 0; n < 3; n += 1) expect(await limits.take([{ limit: login, subject: '203.0.113.1' }], at(n * 1000))).toEqual({ allowed: true });
    expect(await limits.take([{ limit: login, subject: '203.0.113.1' }], at(20_000))).toEqual({ allowed: false, retryAfterSeconds: 40, scope: 'test.login' });
    // A refused attempt does not move the end of the window.
    expect(await limits.take([{ limit: login, subject: '203.0.113.1' }], at(59_500))).toEqual({ allowed: false, retryAfterSeconds: 1, scope: 'test.login' });
    expect(await limits.take([{ limit: login, subject: '203.0.113.1' }], at(60_000))).toEqual({ allowed: true });
    expect(await limits.take([{ limit: login, subject: '203.0.113.2' }], at(20_000))).toEqual({ allowed: true });
  });

  it('counts two instances on one database against one budget, and several budgets in one take', async () => {
    const [one, two] = [createRateLimits({ db: database.pool, secret: SECRET }), createRateLimits({ db: database.pool, secret: SECRET })];
    const attempt = (subject: string) => [
      { limit: perIp, subject },
      { limit: { ...login, scope: 'test.conversation' }, subject: `conversation-${subject}` },
    ];
    expect(await one.take(attempt('198.51.100.7'), at(0))).toEqual({ allowed: true });
    expect(await two.take(attempt('198.51.100.7'), at(1))).toEqual({ allowed: true });
    expect(await one.take(attempt('198.51.100.7'), at(2))).toEqual({ allowed: true });
    expect(await two.take(attempt('198.51.100.7'), at(3_000))).toEqual({ allowed: false, retryAfterSeconds: 57, scope: 'test.conversation' });
    // The same subject under another scope is another budget.
    expect(await one.take([{ limit: login, subject: '198.51.100.7' }], at(3_000))).toEqual({ allowed: true });
  });

  it('forgets a subject on reset', async () => {
    const limits = createRateLimits({ db: database.pool, secret: SECRET });
    const attempt = { limit: { ...login, max: 1, scope: 'test.reset' }, subject: 'staff@203.0.113.9' };
    await limits.take([attempt], at(0));
    expect((await limits.take([attempt], at(1))).allowed).toBe(false);
    await limits.reset(attempt);
    expect((await limits.take([attempt], at(2))).allowed).toBe(true);
  });

  it('stores keyed hashes only: no address, and a different secret gives a different row', async () => {
    const limits = createRateLimits({ db: database.pool, secret: SECRET });
    await limits.take([{ limit: { ...perIp, scope: 'test.hash' }, subject: '192.0.2.55' }], at(0));
    await createRateLimits({ db: database.pool, secret: 'd'.repeat(64) }).take([{ limit: { ...perIp, scope: 'test.hash' }, subject: '192.0.2.55' }], at(0));
    const { rows } = await database.pool.query<{ subject: string }>("SELECT subject FROM rate_limits WHERE scope = 'test.hash'");
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.subject).toMatch(/^[0-9a-f]{32}$/);
    const all = await database.pool.query<{ subject: string }>('SELECT scope, subject FROM rate_limits');
    expect(JSON.stringify(all.rows)).not.toMatch(/192\.0\.2|198\.51|203\.0|staff@/);
  });

  it('keeps its counters in an unlogged table, so a count waits for no WAL flush', async () => {
    const { rows } = await database.pool.query<{ relpersistence: string }>("SELECT relpersistence FROM pg_class WHERE relname = 'rate_limits'");
    expect(rows[0]?.relpersistence).toBe('u');
  });

  it('sweeps only ended windows, in bounded batches, and also now and then on its own', async () => {
    const limits = createRateLimits({ db: database.pool, secret: SECRET, sweepEvery: 0 });
    const sweepy: RateLimit = { scope: 'test.sweep', max: 10, windowMs: 1_000 };
    for (let n = 0; n < 5; n += 1) await limits.take([{ limit: sweepy, subject: `s${n}` }], at(0));
    await limits.take([{ limit: { ...sweepy, windowMs: 3_600_000 }, subject: 'alive' }], at(0));
    const before = await database.pool.query("SELECT count(*)::int AS n FROM rate_limits WHERE scope = 'test.sweep'");
    expect(before.rows[0].n).toBe(6);
    expect(await limits.sweep(at(5_000), 3)).toBe(3);
    expect(await limits.sweep(at(5_000), 3)).toBeGreaterThanOrEqual(2);
    const after = await database.pool.query("SELECT count(*)::int AS n FROM rate_limits WHERE scope = 'test.sweep'");
    expect(after.rows[0].n).toBe(1);

    const auto = createRateLimits({ db: database.pool, secret: SECRET, sweepEvery: 2 });
    await auto.take([{ limit: { ...sweepy, scope: 'test.auto' }, subject: 'gone' }], at(0));
    await auto.take([{ limit: { ...sweepy, scope: 'test.auto' }, subject: 'later' }], at(10_000));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const left = await database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM rate_limits WHERE scope = 'test.auto'");
    expect(left.rows[0]?.n).toBe(1);
  });
});
