import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createMetrics } from '../../core/metrics';
import type { Database, Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createApp } from '../../server/http';
import { createTestRiskService, mirrorCustomer, mirrorOrder, testShop } from '../product-testing';
import { DEVICE_EVENTS_PATH, storefrontDeviceRoutes, type DeviceEventRateLimits } from './storefront-device-routes';

const MINUTE = 60_000;
const LIMITS: DeviceEventRateLimits = { perIp: { max: 8, windowMs: MINUTE }, perDevice: { max: 3, windowMs: MINUTE } };
const DEVICE = '3f2b8c1e-4a5d-4e6f-9a7b-8c9d0e1f2a3b';

describe(`storefront device events over HTTP (${testEngine})`, () => {
  let database: Database;
  let risk: ReturnType<typeof createTestRiskService>;
  let base: string;
  let close: () => Promise<void>;
  let shop: Shop;

  const post = (body: unknown, options: { origin?: string | null; contentType?: string; ip?: string } = {}) =>
    fetch(`${base}${DEVICE_EVENTS_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'text/plain;charset=UTF-8',
        ...(options.origin === null ? {} : { origin: options.origin ?? `https://${shop.domain}` }),
        ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const signup = (email: string, deviceId = DEVICE) => ({ type: 'signup', shop: shop.domain, deviceId, email });
  const storedRows = async (shopId: string) =>
    (await database.pool.query<{ email_key: string; device_id: string }>('SELECT email_key, device_id FROM risk_signup_devices WHERE shop_id = $1 ORDER BY seen_at', [shopId])).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    risk = createTestRiskService(database);
    shop = await testShop(database, 'device-shop.myshopify.com', 'Device Shop');
    const server = createApp({
      logger: pino({ level: 'silent' }),
      metrics: createMetrics({ defaultMetrics: false }),
      routes: [storefrontDeviceRoutes({ service: risk.service, limits: LIMITS, trustProxy: true })],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  }, 60_000);
  afterAll(async () => {
    await close?.();
    await database?.close();
  });

  it('stores a sign-up beacon under the hashed email only, and the customer scored later carries the device into "accounts per device"', async () => {
    const own = await testShop(database, 'signup-shop.myshopify.com', 'Signup Shop');
    const at = risk.clock.now();
    const emails = ['First.Buyer@gmail.com', 'second@example.com', 'third@example.com'];
    for (const [index, email] of emails.entries()) {
      const response = await post({ ...signup(email), shop: own.domain }, { origin: `https://${own.domain}`, ip: `198.51.100.${index + 1}` });
      expect(response.status).toBe(202);
      expect(response.headers.get('access-control-allow-origin')).toBe(`https://${own.domain}`);
      expect(await response.json()).toEqual({ accepted: true, stored: true });
    }
    const rows = await storedRows(own.id);
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toMatch(/buyer|example\.com|gmail/i);
    expect(rows.every((row) => /^email:[0-9a-f]{32}$/.test(row.email_key) && row.device_id === DEVICE)).toBe(true);

    // Shopify's customers/create arrives after the form post; its email is the dotted Gmail variant.
    const features: Array<number | null | undefined> = [];
    for (const [index, email] of ['firstbuyer@gmail.com', ...emails.slice(1)].entries()) {
      await mirrorCustomer(database, own.id, { id: 500 + index, email, createdAt: new Date(at.getTime() + 1000 * (index + 1)) });
      const result = await risk.service.scoreAccount(own.id, 500 + index);
      expect(result.verdict.identifiers.device).toMatch(/^device:[0-9a-f]{32}$/);
      features.push(result.verdict.features.device_accounts_24h);
    }
    expect(features).toEqual([0, 1, 2]);
  });

  it('when the customer was scored before the report arrived, links that account to the device now', async () => {
    const own = await testShop(database, 'late-shop.myshopify.com', 'Late Shop');
    const at = risk.clock.now();
    await mirrorCustomer(database, own.id, { id: 700, email: 'early@example.com', createdAt: at });
    expect((await risk.service.scoreAccount(own.id, 700)).verdict.identifiers.device).toBeUndefined();
    risk.clock.advance(2000);
    expect((await post({ ...signup('early@example.com', 'late-device-0001'), shop: own.domain }, { origin: `https://${own.domain}` })).status).toBe(202);
    await post({ ...signup('next@example.com', 'late-device-0001'), shop: own.domain }, { origin: `https://${own.domain}` });
    await mirrorCustomer(database, own.id, { id: 701, email: 'next@example.com', createdAt: new Date(at.getTime() + 3000) });
    const next = await risk.service.scoreAccount(own.id, 701);
    expect(next.verdict.features.device_accounts_24h).toBe(1);
  });

  it.each([
    ['text that is not JSON', '{"type":', {}, 400, 'invalid_body'],
    ['a form post', 'type=signup', { contentType: 'application/x-www-form-urlencoded' }, 400, 'invalid_body'],
    ['a JSON array', '[]', { contentType: 'application/json' }, 400, 'invalid_body'],
    ['a device id with spaces', { type: 'signup', shop: 'device-shop.myshopify.com', deviceId: 'not a device', email: 'a@example.com' }, {}, 400, 'invalid_device_event'],
    ['a sign-up without email', { type: 'signup', shop: 'device-shop.myshopify.com', deviceId: DEVICE }, {}, 400, 'invalid_device_event'],
    ['an email that is not one', { type: 'signup', shop: 'device-shop.myshopify.com', deviceId: DEVICE, email: 'nobody' }, {}, 400, 'invalid_device_event'],
    ['an unknown event type', { type: 'login', shop: 'device-shop.myshopify.com', deviceId: DEVICE }, {}, 400, 'invalid_device_event'],
    ['an extra field', { type: 'signup', shop: 'device-shop.myshopify.com', deviceId: DEVICE, email: 'a@example.com', password: 'x' }, {}, 400, 'invalid_device_event'],
    ['a checkout with a made-up order id', { type: 'checkout', shop: 'device-shop.myshopify.com', deviceId: DEVICE, orderId: 'gid://shopify/Customer/1' }, {}, 400, 'invalid_device_event'],
    ['a body over 2 KB', { type: 'signup', shop: 'device-shop.myshopify.com', deviceId: DEVICE, email: `${'a'.repeat(3000)}@example.com` }, {}, 413, 'payload_too_large'],
    ['an unknown shop', { type: 'signup', shop: 'elsewhere.myshopify.com', deviceId: DEVICE, email: 'a@example.com' }, {}, 404, 'unknown_shop'],
    ['another site as origin', { type: 'signup', shop: 'device-shop.myshopify.com', deviceId: DEVICE, email: 'a@example.com' }, { origin: 'https://evil.example' }, 403, 'origin_not_allowed'],
    ['the shop over plain http', { type: 'signup', shop: 'device-shop.myshopify.com', deviceId: DEVICE, email: 'a@example.com' }, { origin: 'http://device-shop.myshopify.com' }, 403, 'origin_not_allowed'],
    ['no origin at all', { type: 'signup', shop: 'device-shop.myshopify.com', deviceId: DEVICE, email: 'a@example.com' }, { origin: null }, 403, 'origin_not_allowed'],
  ])('refuses %s: %i %s', async (_name, body, options, status, code) => {
    const response = await post(body, { ip: '203.0.113.200', ...(options as { origin?: string | null; contentType?: string }) });
    expect(response.status).toBe(status);
    const json = (await response.json()) as { code: string; message: string };
    expect(json.code).toBe(code);
    expect(json.message.length).toBeGreaterThan(10);
    expect(await storedRows(shop.id)).toEqual([]);
  });

  it('refuses an uninstalled shop, and accepts its primary domain once the settings name it', async () => {
    const gone = await testShop(database, 'gone-shop.myshopify.com', 'Gone');
    await database.pool.query('UPDATE shops SET uninstalled_at = now() WHERE id = $1', [gone.id]);
    expect((await post({ ...signup('a@example.com'), shop: gone.domain }, { origin: `https://${gone.domain}` })).status).toBe(404);

    const branded = await testShop(database, 'branded.myshopify.com', 'Branded');
    const fromBrand = () => post({ ...signup('b@example.com', 'brand-device-01'), shop: branded.domain }, { origin: 'https://www.branded.example', ip: '203.0.113.9' });
    expect((await fromBrand()).status).toBe(403);
    await database.pool.query(`UPDATE shops SET settings = '{"primaryDomain":"www.branded.example"}'::jsonb WHERE id = $1`, [branded.id]);
    expect((await fromBrand()).status).toBe(202);
  });

  it('limits reports per device and per address with a 429 and Retry-After, in the database, without storing either', async () => {
    const own = await testShop(database, 'busy-shop.myshopify.com', 'Busy');
    const from = (email: string, deviceId: string, ip: string) => post({ ...signup(email, deviceId), shop: own.domain }, { origin: `https://${own.domain}`, ip });
    for (const n of [1, 2, 3]) expect((await from(`d${n}@example.com`, 'busy-device-1', `192.0.2.${n}`)).status).toBe(202);
    const limited = await from('d4@example.com', 'busy-device-1', '192.0.2.4');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited', details: { retryAfter: expect.any(Number) } });

    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect((await from(`ip${n}@example.com`, `busy-ip-device-${n}`, '192.0.2.50')).status).toBe(202);
    expect((await from('ip9@example.com', 'busy-ip-device-9', '192.0.2.50')).status).toBe(429);

    const { rows } = await database.pool.query<{ subject: string }>("SELECT subject FROM rate_limits WHERE scope LIKE 'storefront-device.%'");
    expect(JSON.stringify(rows)).not.toMatch(/busy-|192\.0\.2/);
    risk.clock.advance(MINUTE + 1);
    expect((await from('d5@example.com', 'busy-device-1', '192.0.2.5')).status).toBe(202);
  });

  it('fills a mirrored order\'s missing device from a checkout report, never replacing one it carries', async () => {
    const own = await testShop(database, 'checkout-shop.myshopify.com', 'Checkout');
    const at = risk.clock.now();
    await mirrorOrder(database, own.id, { id: 9001, total: 20, createdAt: at });
    await mirrorOrder(database, own.id, { id: 9002, total: 20, createdAt: at, deviceId: 'cart-device-0001' });
    const checkout = (orderId: unknown) => post({ type: 'checkout', shop: own.domain, deviceId: 'pixel-device-001', orderId }, { origin: `https://${own.domain}`, ip: '198.18.0.1' });
    expect(await (await checkout('gid://shopify/OrderIdentity/9001')).json()).toEqual({ accepted: true, stored: true });
    expect(await (await checkout(9002)).json()).toEqual({ accepted: true, stored: false });
    const { rows } = await database.pool.query('SELECT id::int, device_id FROM orders WHERE shop_id = $1 ORDER BY id', [own.id]);
    expect(rows).toEqual([{ id: 9001, device_id: 'pixel-device-001' }, { id: 9002, device_id: 'cart-device-0001' }]);
  });

  it('accepts a checkout report from the Web Pixel sandbox (Origin "null" or none), still filling only a missing device and still rate limited', async () => {
    const own = await testShop(database, 'pixel-shop.myshopify.com', 'Pixel');
    const at = risk.clock.now();
    await mirrorOrder(database, own.id, { id: 9101, total: 20, createdAt: at });
    await mirrorOrder(database, own.id, { id: 9102, total: 20, createdAt: at, deviceId: 'cart-device-0002' });
    await mirrorOrder(database, own.id, { id: 9103, total: 20, createdAt: at });
    const checkout = (orderId: unknown, origin: string | null, deviceId = 'sandbox-device-01') =>
      post({ type: 'checkout', shop: own.domain, deviceId, orderId }, { origin, ip: '198.18.0.7' });
    const fromNull = await checkout('gid://shopify/OrderIdentity/9101', 'null');
    expect(fromNull.status).toBe(202);
    expect(await fromNull.json()).toEqual({ accepted: true, stored: true });
    expect(await (await checkout(9102, null)).json()).toEqual({ accepted: true, stored: false });
    expect((await checkout(9103, 'https://evil.example')).status).toBe(403);
    const { rows } = await database.pool.query('SELECT id::int, device_id FROM orders WHERE shop_id = $1 ORDER BY id', [own.id]);
    expect(rows).toEqual([{ id: 9101, device_id: 'sandbox-device-01' }, { id: 9102, device_id: 'cart-device-0002' }, { id: 9103, device_id: null }]);
    // A sign-up still needs the storefront's own origin.
    for (const origin of ['null', null]) {
      const refused = await post({ ...signup('sandbox@example.com', 'sandbox-device-02'), shop: own.domain }, { origin, ip: '198.18.0.8' });
      expect(refused.status).toBe(403);
    }
    // The per-device budget (3 a minute here) holds without an origin too.
    expect((await checkout(9103, null)).status).toBe(202);
    expect((await checkout(9103, null)).status).toBe(429);
  });

  it('answers a JSON preflight from an https origin, and a JSON post like a beacon', async () => {
    const preflight = await fetch(`${base}${DEVICE_EVENTS_PATH}`, { method: 'OPTIONS', headers: { origin: `https://${shop.domain}`, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(`https://${shop.domain}`);
    const response = await post(signup('json@example.com', 'json-device-01'), { contentType: 'application/json', ip: '198.18.0.2' });
    expect(response.status).toBe(202);
    await database.pool.query('DELETE FROM risk_signup_devices WHERE shop_id = $1', [shop.id]);
  });
});
