/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Server } from 'restify';
import { createSecretBox } from '../../../core/crypto';
import { createMetrics } from '../../../core/metrics';
import { findShopByDomain, type Database, type Shop } from '../../../db';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { createApp } from '../../../server/http';
import { generateDemoStore } from '../demo-store';
import { startFakeAdminApi, type FakeAdminApi } from '../fake-admin-api';
import { createShopifyConnector, type ShopifyConnector } from '../shopify-connector';
import { activateWebPixel } from './activate-web-pixel';
import { TEST_API_KEY, TEST_API_SECRET } from '../testing/connected-fake';

// shopify-api refuses OAuth to bot-like user agents, and Node's fetch looks like one.
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36' };

describe(`installing the app (${testEngine})`, () => {
  let database: Database;
  let fake: FakeAdminApi;
  let connector: ShopifyConnector;
  let app: Server;
  let base: string;
  const installed: Shop[] = [];
  // A shop whose storefront is on the merchant's own domain.
  const branded = generateDemoStore({ seed: 'install-c', products: 3, customers: 5, orders: 5, shop: 'branded-store.myshopify.com' });
  branded.shop.primaryDomain = { host: 'www.Branded.example', url: 'https://www.branded.example' };

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await startFakeAdminApi({
      store: generateDemoStore({ seed: 'install', products: 3, customers: 5, orders: 5 }),
      stores: [generateDemoStore({ seed: 'install-b', products: 3, customers: 5, orders: 5, shop: 'second-store.myshopify.com' }), branded],
      apiKey: TEST_API_KEY,
      apiSecret: TEST_API_SECRET,
    });
    app = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes: [] });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    connector = createShopifyConnector({
      database,
      secrets: createSecretBox('1'.repeat(64)),
      logger: pino({ level: 'silent' }),
      app: { apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET, appUrl: base, scopes: ['read_orders', 'write_orders'], adminApiOrigin: fake.url },
      compliance: { dataRequest: async () => undefined, redactCustomer: async () => undefined, redactShop: async () => undefined },
      enqueueDelivery: async () => undefined,
      onInstalled: async (shop) => void installed.push(shop),
    });
    for (const register of connector.routes) register(app);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => app.close(() => resolve()));
    await fake.close();
    await database.close();
  });

  it('installs the embedded app by token exchange, storing the token encrypted', async () => {
    const res = await fetch(`${base}/auth/token-exchange`, { method: 'POST', headers: { authorization: `Bearer ${fake.mintSessionToken()}` } });
    expect(res.status).toBe(200);
    const shop = await findShopByDomain(database.db, fake.shop);
    expect(shop?.name).toBeTruthy();
    expect(shop?.timezone).toBe('Asia/Singapore');
    expect(installed.map((s) => s.domain)).toContain(fake.shop);
    const session = await connector.sessions.offlineFor(fake.shop);
    expect(session?.accessToken).toMatch(/^shpat_/);
    const { rows } = await database.pool.query('SELECT access_token_encrypted FROM shopify_sessions');
    expect(rows[0].access_token_encrypted).not.toContain(session!.accessToken);
    // The stored token works against the Admin API.
    const client = await connector.clientFor(shop!.id);
    expect((await client.request<{ shop: { myshopifyDomain: string } }>('{ shop { myshopifyDomain } }')).shop.myshopifyDomain).toBe(fake.shop);
  });

  it('activates the storedesk-pixel Web Pixel with our app URL, and a reinstall updates it instead of failing', async () => {
    const pixelWrites = () => fake.state(fake.shop).writes.filter((w) => w.mutation.startsWith('webPixel'));
    expect(pixelWrites()).toEqual([expect.objectContaining({ mutation: 'webPixelCreate', input: { webPixel: { settings: JSON.stringify({ appUrl: base }) } }, userErrors: [] })]);
    expect(JSON.parse(fake.state(fake.shop).webPixel!.settings)).toEqual({ appUrl: base });

    // What a reinstall runs: Shopify keeps one pixel per app and shop.
    const client = await connector.clientFor((await findShopByDomain(database.db, fake.shop))!.id);
    const reinstall = await activateWebPixel(client, 'https://moved.storedesk.example');
    expect(reinstall).toEqual({ activated: true, id: fake.state(fake.shop).webPixel!.id, created: false });
    expect(pixelWrites().map((w) => [w.mutation, w.userErrors.map((e) => e.code)])).toContainEqual(['webPixelCreate', ['TAKEN']]);
    expect(pixelWrites().at(-1)).toMatchObject({ mutation: 'webPixelUpdate', userErrors: [] });
    expect(JSON.parse(fake.state(fake.shop).webPixel!.settings)).toEqual({ appUrl: 'https://moved.storedesk.example' });
  });

  it('records the storefront domain when it is not the myshopify domain', async () => {
    expect((await findShopByDomain(database.db, fake.shop))?.settings).not.toHaveProperty('primaryDomain');
    const res = await fetch(`${base}/auth/token-exchange`, { method: 'POST', headers: { authorization: `Bearer ${fake.mintSessionToken(branded.shop.myshopifyDomain)}` } });
    expect(res.status).toBe(200);
    expect((await findShopByDomain(database.db, branded.shop.myshopifyDomain))?.settings).toMatchObject({ primaryDomain: 'www.branded.example' });
  });

  it('refuses a session token signed with another secret', async () => {
    const res = await fetch(`${base}/auth/token-exchange`, { method: 'POST', headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJkZXN0IjoiaHR0cHM6Ly94Lm15c2hvcGlmeS5jb20ifQ.c2lnbmF0dXJl' } });
    expect(res.status).toBe(401);
  });

  it('installs by OAuth: /auth redirects to Shopify, the callback stores the session', async () => {
    const shop = 'second-store.myshopify.com';
    const begin = await fetch(`${base}/auth?shop=${shop}`, { headers: BROWSER, redirect: 'manual' });
    expect(begin.status).toBe(302);
    const authorize = begin.headers.get('location')!;
    expect(authorize).toMatch(new RegExp(`^https://${shop}/admin/oauth/authorize\\?`));
    const cookies = begin.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    const grant = await fetch(fake.rewriteUrl(authorize), { redirect: 'manual' });
    expect(grant.status).toBe(302);
    const callback = grant.headers.get('location')!;
    expect(callback.startsWith(`${base}/auth/callback?`)).toBe(true);

    const done = await fetch(callback, { headers: { ...BROWSER, cookie: cookies }, redirect: 'manual' });
    expect(done.status).toBe(302);
    expect((await connector.sessions.offlineFor(shop))?.accessToken).toBeTruthy();
    expect(installed.map((s) => s.domain)).toContain(shop);
  });

  it('refuses a callback whose HMAC was tampered with', async () => {
    const begin = await fetch(`${base}/auth?shop=second-store.myshopify.com`, { headers: BROWSER, redirect: 'manual' });
    const cookies = begin.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const grant = await fetch(fake.rewriteUrl(begin.headers.get('location')!), { redirect: 'manual' });
    const callback = new URL(grant.headers.get('location')!);
    callback.searchParams.set('hmac', '0'.repeat(64));
    const res = await fetch(callback, { headers: { ...BROWSER, cookie: cookies }, redirect: 'manual' });
    expect(res.status).toBe(401);
  });

  it('answers a clear 400 when /auth has no valid shop', async () => {
    const res = await fetch(`${base}/auth?shop=evil.example.com`, { headers: BROWSER });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).message).toMatch(/myshopify\.com/);
  });
});
