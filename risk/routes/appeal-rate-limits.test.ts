import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createMetrics } from '../../core/metrics';
import type { Database, Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createApp } from '../../server/http';
import { createTestRiskService, testShop } from '../product-testing';
import type { AppealRateLimits } from './appeal-rate-limits';
import { publicAppealRoutes } from './public-appeal-routes';

const MINUTE = 60_000;
const LIMITS: AppealRateLimits = {
  filesPerIp: { max: 3, windowMs: MINUTE },
  filesPerIdentifier: { max: 2, windowMs: MINUTE },
  lookupsPerIp: { max: 20, windowMs: MINUTE },
  lookupsPerReference: { max: 2, windowMs: MINUTE },
};

describe(`rate limits of the public appeal form over HTTP (${testEngine})`, () => {
  let database: Database;
  let risk: ReturnType<typeof createTestRiskService>;
  const servers: Array<{ close(): Promise<void> }> = [];

  /** One web process: its own app and route module (so its own counters object) on the shared database. */
  async function webProcess(options: { trustProxy?: boolean } = {}): Promise<string> {
    const server = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes: [publicAppealRoutes({ service: risk.service, limits: LIMITS, ...options })] });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const file = (base: string, shop: Shop, email: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/appeal`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ shop: shop.domain, email, statement: 'I have only ever bought two shirts here, this must be a mistake.' }),
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    risk = createTestRiskService(database);
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    await database?.close();
  });

  it('refuses the fourth filing from one address with a 429 page and Retry-After, counted across two web processes, then accepts again after the window', async () => {
    const shop = await testShop(database, 'limit-ip.myshopify.com', 'Limit IP');
    const [first, second] = [await webProcess(), await webProcess()];
    // Without a trusted proxy, X-Forwarded-For is the client's to invent and is ignored.
    expect((await file(first, shop, 'one@example.com', { 'x-forwarded-for': '198.51.100.1' })).status).toBe(303);
    expect((await file(second, shop, 'two@example.com', { 'x-forwarded-for': '198.51.100.2' })).status).toBe(303);
    expect((await file(first, shop, 'three@example.com', { 'x-forwarded-for': '198.51.100.3' })).status).toBe(303);

    const page = await file(second, shop, 'four@example.com', { 'x-forwarded-for': '198.51.100.4' });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(page.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await page.text()).toMatch(/Too many attempts[\s\S]*Please wait a minute and try again/);

    const json = await file(first, shop, 'five@example.com', { accept: 'application/json' });
    expect(json.status).toBe(429);
    expect(json.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await json.json()).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/Too many appeal attempts/), details: { retryAfter: expect.any(Number) } });
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM risk_appeals WHERE shop_id = $1', [shop.id]);
    expect(rows[0].n).toBe(3);

    risk.clock.advance(MINUTE + 1);
    expect((await file(second, shop, 'six@example.com')).status).toBe(303);
  });

  it('behind a trusted proxy, limits filings about one buyer from any address, by the address the proxy saw', async () => {
    const shop = await testShop(database, 'limit-buyer.myshopify.com', 'Limit Buyer');
    const base = await webProcess({ trustProxy: true });
    expect((await file(base, shop, 'Same.Buyer@gmail.com', { 'x-forwarded-for': '198.51.100.11' })).status).toBe(303);
    expect((await file(base, shop, 'samebuyer+again@gmail.com', { 'x-forwarded-for': '198.51.100.12' })).status).toBe(303);
    const third = await file(base, shop, 'same.buyer@gmail.com', { 'x-forwarded-for': '198.51.100.13' });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await file(base, shop, 'someone.else@example.com', { 'x-forwarded-for': '198.51.100.13' })).status).toBe(303);

    // What a client puts before the proxy's entry is not believed: three filings spend 198.51.100.20's budget.
    for (const n of [1, 2, 3]) expect((await file(base, shop, `buyer-${n}@example.com`, { 'x-forwarded-for': `10.0.0.${n}, 198.51.100.20` })).status).toBe(303);
    expect((await file(base, shop, 'fourth@example.com', { 'x-forwarded-for': '10.0.0.4, 198.51.100.20' })).status).toBe(429);
  });

  it('limits status look-ups of one reference, found or not, and stores only hashed keys', async () => {
    const shop = await testShop(database, 'limit-ref.myshopify.com', 'Limit Ref');
    const base = await webProcess();
    const lookUp = () => fetch(`${base}/appeal?shop=${shop.domain}&ref=K7QM2-9XD4H`);
    expect((await lookUp()).status).toBe(404);
    expect((await lookUp()).status).toBe(404);
    const third = await lookUp();
    expect(third.status).toBe(429);
    expect(await third.text()).toMatch(/Too many attempts/);
    expect((await fetch(`${base}/appeal?shop=${shop.domain}&ref=AAAAA-BBBBB`)).status).toBe(404);

    const { rows } = await database.pool.query<{ scope: string; subject: string }>("SELECT scope, subject FROM rate_limits WHERE scope LIKE 'appeal.%'");
    const stored = rows.map((row) => `${row.scope} ${row.subject}`).join('\n');
    expect(stored).not.toMatch(/127\.0\.0\.1|198\.51|example\.com|gmail|K7QM2/);
    for (const scope of ['appeal.file-ip', 'appeal.file-identifier', 'appeal.lookup-ip', 'appeal.lookup-reference']) {
      expect(stored).toMatch(new RegExp(`^${scope.replace('.', '\\.')} [0-9a-f]{32}$`, 'm'));
    }
  });
});
