import { Pool } from 'pg';
import { upsertShop, type Database } from '../../db';
import { createRateLimits } from '../../db/rate-limits';
import { createTestDatabase, testEngine } from '../../db/testing';
import { startAdminTestServer, TEST_ADMIN_PASSWORD, TEST_ENCRYPTION_KEY, type AdminTestServer } from '../admin-api/testing';

function login(app: AdminTestServer, password: string, forwardedFor: string) {
  return fetch(`${app.base}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.base, 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ password }),
  });
}

describe(`the staff sign-in limit shared by web processes (${testEngine})`, () => {
  let database: Database;
  const running: AdminTestServer[] = [];
  /** One web process behind our proxy: its own app and routes on the shared database. */
  const webProcess = async (options: Partial<Parameters<typeof startAdminTestServer>[0]> = {}) => {
    const app = await startAdminTestServer({ db: database.db, trustProxy: true, loginLimit: { maxFailures: 3, windowSeconds: 900 }, ...options });
    running.push(app);
    return app;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await upsertShop(database.db, { domain: 'only.myshopify.com', name: 'Only' });
  }, 60_000);
  afterAll(async () => {
    for (const app of running) await app.close();
    await database?.close();
  });

  it('refuses the fourth sign-in from one address with 429 and Retry-After, even with the right password, counted across two processes', async () => {
    const [one, two] = [await webProcess(), await webProcess()];
    expect((await login(one, 'wrong-password-1', '203.0.113.5')).status).toBe(401);
    expect((await login(two, 'wrong-password-2', '203.0.113.5')).status).toBe(401);
    // A made-up first entry is not believed: this is still 203.0.113.5.
    expect((await login(one, 'wrong-password-3', '10.1.1.1, 203.0.113.5')).status).toBe(401);
    const blocked = await login(two, TEST_ADMIN_PASSWORD, '10.1.1.2, 203.0.113.5');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    expect(await blocked.json()).toMatchObject({ code: 'rate_limited' });
    expect((await login(one, TEST_ADMIN_PASSWORD, '203.0.113.6')).status).toBe(200);

    const { rows } = await database.pool.query<{ scope: string; subject: string }>('SELECT scope, subject FROM rate_limits');
    expect(rows.map((row) => row.scope)).toContain('admin.login');
    expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113|127\.0\.0\.1/);
  });

  it("clears an address's failures when it signs in, in every process", async () => {
    const [one, two] = [await webProcess(), await webProcess()];
    expect((await login(one, 'wrong-password-1', '203.0.113.7')).status).toBe(401);
    expect((await login(two, 'wrong-password-2', '203.0.113.7')).status).toBe(401);
    expect((await login(one, TEST_ADMIN_PASSWORD, '203.0.113.7')).status).toBe(200);
    for (const n of [1, 2, 3]) expect((await login(two, `wrong-again-${n}`, '203.0.113.7')).status).toBe(401);
    expect((await login(one, TEST_ADMIN_PASSWORD, '203.0.113.7')).status).toBe(429);
  });

  it("refuses sign-in with 503, not 500 and not unlimited tries, when the database can't count", async () => {
    const unreachable = new Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1_000 });
    try {
      const app = await webProcess({ rateLimits: createRateLimits({ db: unreachable, secret: TEST_ENCRYPTION_KEY }) });
      const res = await login(app, TEST_ADMIN_PASSWORD, '203.0.113.8');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'unavailable' });
      expect(res.headers.get('set-cookie')).toBeNull();
    } finally {
      await unreachable.end();
    }
  });
});
