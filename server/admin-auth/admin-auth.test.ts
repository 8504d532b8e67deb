import { SignJWT } from 'jose';
import { findShopById, upsertShop, updateShopSettings, type Database, type Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { startAdminTestServer, TEST_ADMIN_PASSWORD, type AdminTestServer } from '../admin-api/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
const json = (res: Response): Promise<any> => res.json();


const shopify = { apiKey: 'test-api-key', apiSecret: 'test-api-secret' };

async function sessionToken(shopDomain: string, overrides: { secret?: string; aud?: string; exp?: number; nbf?: number; iss?: string; dest?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ dest: overrides.dest ?? `https://${shopDomain}`, sid: 'session-1' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(overrides.iss ?? `https://${shopDomain}/admin`)
    .setAudience(overrides.aud ?? shopify.apiKey)
    .setSubject('42')
    .setIssuedAt(now)
    .setNotBefore(overrides.nbf ?? now)
    .setExpirationTime(overrides.exp ?? now + 60)
    .setJti(`jti-${Math.random()}`)
    .sign(new TextEncoder().encode(overrides.secret ?? shopify.apiSecret));
}

function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}

describe(`admin staff authentication (${testEngine})`, () => {
  let database: Database;
  let app: AdminTestServer;
  let shopA: Shop;
  let shopB: Shop;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = await upsertShop(database.db, { domain: 'alpha.myshopify.com', name: 'Alpha' });
    shopB = await upsertShop(database.db, { domain: 'bravo.myshopify.com', name: 'Bravo' });
    await updateShopSettings(database.db, shopB.id, { retentionDays: 99 });
    app = await startAdminTestServer({ db: database.db, shopify, loginLimit: { maxFailures: 1000 } });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.base}${path}`, { headers });

  describe('embedded, with an App Bridge session token', () => {
    it('scopes the call to the shop named in the token', async () => {
      const res = await get('/api/admin/session', { authorization: `Bearer ${await sessionToken('alpha.myshopify.com')}` });
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ via: 'session-token', actor: 'shopify-user:42', shop: { id: shopA.id, domain: 'alpha.myshopify.com' } });
    });

    it.each([
      ['expired', { exp: Math.floor(Date.now() / 1000) - 120 }, 'expired'],
      ['for another app', { aud: 'someone-elses-key' }, 'wrong_audience'],
      ['signed with another secret', { secret: 'not-our-secret' }, 'bad_signature'],
      ['not valid yet', { nbf: Math.floor(Date.now() / 1000) + 600 }, 'not_yet_valid'],
      ['with a destination outside myshopify.com', { dest: 'https://alpha.example.com' }, 'bad_destination'],
      ['issued by another shop than its destination', { iss: 'https://bravo.myshopify.com/admin' }, 'issuer_mismatch'],
    ])('refuses a token %s with 401', async (_name, overrides, reason) => {
      const res = await get('/api/admin/settings', { authorization: `Bearer ${await sessionToken('alpha.myshopify.com', overrides)}` });
      expect(res.status).toBe(401);
      expect(await json(res)).toMatchObject({ code: 'unauthorized', details: { reason } });
    });

    it('refuses a token for a shop that has not installed storedesk with 403', async () => {
      const res = await get('/api/admin/overview', { authorization: `Bearer ${await sessionToken('charlie.myshopify.com')}` });
      expect(res.status).toBe(403);
    });

    it("never lets shop A's token read or change shop B's data, whatever the request says", async () => {
      const auth = { authorization: `Bearer ${await sessionToken('alpha.myshopify.com')}` };
      const read = await get(`/api/admin/settings?shopId=${shopB.id}&shop=bravo.myshopify.com`, { ...auth, 'x-shopify-shop-domain': 'bravo.myshopify.com' });
      expect((await json(read)).settings.retentionDays).toBe(30);

      const write = await fetch(`${app.base}/api/admin/settings?shopId=${shopB.id}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ shopId: shopB.id, retentionDays: 7 }),
      });
      expect(write.status).toBe(400);
      expect((await json(write)).details.problems).toContainEqual({ path: 'shopId', message: 'is not a known setting' });

      const choose = await fetch(`${app.base}/api/admin/session/shop`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ shopId: shopB.id }) });
      expect(choose.status).toBe(403);

      expect((await findShopById(database.db, shopB.id))?.settings).toEqual({ retentionDays: 99 });
      expect((await findShopById(database.db, shopA.id))?.settings).toEqual({});
    });
  });

  describe('standalone, with the password login', () => {
    const origin = () => app.base;
    const login = (password: string, from = origin()) =>
      fetch(`${app.base}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: from }, body: JSON.stringify({ password }) });

    it('refuses a wrong password with 401 and sets no cookie', async () => {
      const res = await login('wrong-password-here');
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('signs in with an httpOnly, SameSite=Strict cookie that is not Secure over plain http', async () => {
      const res = await login(TEST_ADMIN_PASSWORD);
      expect(res.status).toBe(200);
      const header = res.headers.get('set-cookie') ?? '';
      expect(header).toMatch(/^storedesk_admin=/);
      expect(header).toMatch(/; HttpOnly/);
      expect(header).toMatch(/; SameSite=Strict/);
      expect(header).toMatch(/; Path=\//);
      expect(header).not.toMatch(/Secure/);
      const body = await json(res);
      expect(body).toMatchObject({ via: 'password', shop: null });
      expect(body.shops.map((s: { domain: string }) => s.domain)).toEqual(['alpha.myshopify.com', 'bravo.myshopify.com']);
    });

    it('asks for a shop before any shop data, then scopes every call to the chosen one', async () => {
      const signIn = await login(TEST_ADMIN_PASSWORD);
      const { csrfToken } = await json(signIn);
      let cookie = cookieOf(signIn);
      const before = await get('/api/admin/overview', { cookie });
      expect(before.status).toBe(403);
      expect((await json(before)).details.reason).toBe('shop_not_chosen');

      const choose = await fetch(`${app.base}/api/admin/session/shop`, {
        method: 'PUT',
        headers: { cookie, origin: origin(), 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ shopId: shopB.id }),
      });
      expect(choose.status).toBe(200);
      cookie = cookieOf(choose);
      const settings = await get('/api/admin/settings', { cookie });
      expect((await json(settings)).settings.retentionDays).toBe(99);
    });

    it.each([
      ['with no Origin or Referer', {}, 'bad_origin'],
      ['from another site', { origin: 'http://evil.example' }, 'bad_origin'],
      ['from our origin without the CSRF header', { origin: 'SELF' }, 'bad_csrf_token'],
      ['from our origin with a wrong CSRF header', { origin: 'SELF', 'x-csrf-token': 'guess' }, 'bad_csrf_token'],
    ])('refuses an unsafe request %s with 403', async (_name, extra, reason) => {
      const signIn = await login(TEST_ADMIN_PASSWORD);
      const { csrfToken } = await json(signIn);
      const choose = await fetch(`${app.base}/api/admin/session/shop`, {
        method: 'PUT',
        headers: { cookie: cookieOf(signIn), origin: origin(), 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ shopId: shopA.id }),
      });
      const headers: Record<string, string> = { cookie: cookieOf(choose), 'content-type': 'application/json' };
      for (const [key, value] of Object.entries(extra)) headers[key] = value === 'SELF' ? origin() : value;
      const res = await fetch(`${app.base}/api/admin/settings`, { method: 'PUT', headers, body: JSON.stringify({ retentionDays: 45 }) });
      expect(res.status).toBe(403);
      expect((await json(res)).details.reason).toBe(reason);
      expect((await findShopById(database.db, shopA.id))?.settings).toEqual({});
    });

    it('refuses a sign-in posted from another site', async () => {
      expect((await login(TEST_ADMIN_PASSWORD, 'http://evil.example')).status).toBe(403);
    });

    it('clears the cookie on sign-out', async () => {
      const res = await fetch(`${app.base}/api/admin/logout`, { method: 'POST', headers: { origin: origin() } });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/storedesk_admin=; .*Max-Age=0/);
    });

    it('refuses a forged or damaged cookie', async () => {
      const res = await get('/api/admin/session', { cookie: 'storedesk_admin=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z' });
      expect(res.status).toBe(401);
    });
  });
});
