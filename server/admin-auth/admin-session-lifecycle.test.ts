import { upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { startAdminTestServer, TEST_ADMIN_PASSWORD, type AdminTestServer } from '../admin-api/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
const json = (res: Response): Promise<any> => res.json();


async function login(app: AdminTestServer, password: string, headers: Record<string, string> = {}) {
  return fetch(`${app.base}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.base, ...headers },
    body: JSON.stringify({ password }),
  });
}

describe(`admin sessions over time and processes (${testEngine})`, () => {
  let database: Database;
  const running: AdminTestServer[] = [];
  const start = async (options: Parameters<typeof startAdminTestServer>[0]) => {
    const app = await startAdminTestServer(options);
    running.push(app);
    return app;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await upsertShop(database.db, { domain: 'only.myshopify.com', name: 'Only' });
  });
  afterAll(async () => {
    await Promise.all(running.map((app) => app.close()));
    await database.close();
  });

  it('picks the only shop at sign-in, and the session works on another process with the same key', async () => {
    const first = await start({ db: database.db });
    const signIn = await login(first, TEST_ADMIN_PASSWORD);
    expect((await json(signIn)).shop).toMatchObject({ domain: 'only.myshopify.com' });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const second = await start({ db: database.db });
    const res = await fetch(`${second.base}/api/admin/overview`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect((await json(res)).shop.domain).toBe('only.myshopify.com');
  });

  it('signs everyone out when the admin password changes', async () => {
    const before = await start({ db: database.db });
    const cookie = ((await login(before, TEST_ADMIN_PASSWORD)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const after = await start({ db: database.db, adminPassword: 'a-brand-new-password' });
    expect((await fetch(`${after.base}/api/admin/session`, { headers: { cookie } })).status).toBe(401);
  });

  it('ends a session when it expires', async () => {
    let now = new Date('2026-11-30T08:00:00Z');
    const app = await start({ db: database.db, clock: () => now, sessionTtlSeconds: 3600 });
    const cookie = ((await login(app, TEST_ADMIN_PASSWORD)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await fetch(`${app.base}/api/admin/session`, { headers: { cookie } })).status).toBe(200);
    now = new Date('2026-11-30T09:00:01Z');
    expect((await fetch(`${app.base}/api/admin/session`, { headers: { cookie } })).status).toBe(401);
  });

  it('marks the cookie Secure with the __Host- prefix when the app is served over https', async () => {
    const app = await start({ db: database.db, appUrl: 'https://admin.storedesk.example' });
    const header = (await login(app, TEST_ADMIN_PASSWORD)).headers.get('set-cookie') ?? '';
    expect(header).toMatch(/^__Host-storedesk_admin=.*; Secure$/);
  });

  it('answers 429 with Retry-After after too many wrong passwords, even to the right one', async () => {
    const app = await start({ db: database.db, loginLimit: { maxFailures: 3, windowSeconds: 900 } });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await login(app, `wrong-${attempt}-password`)).status).toBe(401);
    const blocked = await login(app, TEST_ADMIN_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.headers.get('set-cookie')).toBeNull();
  });

  it('says password sign-in is off when no admin password is configured', async () => {
    const app = await start({ db: database.db, adminPassword: undefined });
    const res = await login(app, 'anything-at-all-here');
    expect(res.status).toBe(403);
    expect((await json(res)).code).toBe('password_login_disabled');
  });
});
