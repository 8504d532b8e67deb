import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createMetrics } from '../../../core/metrics';
import type { Database } from '../../../db';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { createTestRiskService, mirrorOrder, testShop } from '../../../risk/product-testing';
import { storefrontDeviceRoutes } from '../../../risk/routes';
import { createApp } from '../../../server/http';
import { DEVICE_COOKIE, storedeskPixel, type CheckoutCompletedEvent, type PixelApi } from './storedesk-pixel';

const SHOP = 'pixel-test.myshopify.com';
const DEVICE = '3f2b8c1e-4a5d-4e6f-9a7b-8c9d0e1f2a3b';

/** Stand-ins for Shopify's runtime objects: the event bus, the top-frame browser API, init and settings. */
function runtime(options: { cookie?: string | null; appUrl?: string; beacon?: boolean | 'absent' } = {}) {
  const handlers = new Map<string, (event: CheckoutCompletedEvent) => unknown>();
  const beacons: { url: string; body: unknown }[] = [];
  const fetches: { url: string; body: unknown; keepalive: boolean; contentType: string }[] = [];
  const api: PixelApi = {
    analytics: { subscribe: (name, handler) => void handlers.set(name, handler) },
    browser: {
      cookie: { get: async (name) => (name === DEVICE_COOKIE ? (options.cookie === undefined ? DEVICE : options.cookie) : undefined) },
      ...(options.beacon === 'absent'
        ? {}
        : { sendBeacon: async (url: string, body?: string) => (beacons.push({ url, body: JSON.parse(body ?? 'null') }), options.beacon !== false) }),
    },
    init: { data: { shop: { myshopifyDomain: SHOP } } },
    settings: { appUrl: options.appUrl ?? 'https://app.storedesk.example/' },
  };
  const fetchStandIn = async (url: string, init: { body: string; keepalive: boolean; headers: Record<string, string> }) =>
    void fetches.push({ url, body: JSON.parse(init.body), keepalive: init.keepalive, contentType: init.headers['content-type']! });
  storedeskPixel(api, fetchStandIn);
  const emit = async (event: CheckoutCompletedEvent) => handlers.get('checkout_completed')?.(event);
  return { handlers, beacons, fetches, emit };
}

const completed = (orderId: unknown): CheckoutCompletedEvent =>
  ({ data: { checkout: { email: 'buyer@example.com', phone: '+6590000000', order: { id: orderId } } } }) as CheckoutCompletedEvent;

describe('the storedesk Web Pixel', () => {
  it('on checkout_completed beacons the device id and numeric order id, and nothing personal', async () => {
    const pixel = runtime();
    await pixel.emit(completed('gid://shopify/OrderIdentity/5550001'));
    expect(pixel.beacons).toEqual([
      { url: 'https://app.storedesk.example/api/storefront/device-events', body: { shop: SHOP, deviceId: DEVICE, type: 'checkout', orderId: 5550001 } },
    ]);
    expect(JSON.stringify(pixel.beacons)).not.toMatch(/buyer@|\+65/);
    expect(pixel.fetches).toEqual([]);
  });

  it.each([
    ['no cookie', null],
    ['an empty cookie', ''],
    ['a cookie too short', 'abc'],
    ['a cookie with spaces', 'not a device id'],
    ['a cookie that is not URI-encoded right', '%E0%A4%A'],
  ])('sends nothing with %s', async (_name, cookie) => {
    const pixel = runtime({ cookie });
    await pixel.emit(completed('gid://shopify/OrderIdentity/5550002'));
    expect(pixel.beacons).toEqual([]);
    expect(pixel.fetches).toEqual([]);
  });

  it.each([
    ['no order', undefined],
    ['a customer gid', 'gid://shopify/Customer/1'],
    ['text', 'order-1'],
  ])('sends nothing for a checkout with %s', async (_name, orderId) => {
    const pixel = runtime();
    await pixel.emit(completed(orderId));
    expect(pixel.beacons).toEqual([]);
  });

  it('does not subscribe without a usable app URL', () => {
    expect(runtime({ appUrl: '' }).handlers.size).toBe(0);
    expect(runtime({ appUrl: 'javascript:alert(1)' }).handlers.size).toBe(0);
  });

  it('decodes a URI-encoded cookie and falls back to a keepalive text/plain fetch when the beacon is refused or absent', async () => {
    for (const beacon of [false, 'absent'] as const) {
      const pixel = runtime({ beacon, cookie: encodeURIComponent('dev_ice-0001') });
      await pixel.emit(completed('7001'));
      expect(pixel.fetches).toEqual([
        { url: 'https://app.storedesk.example/api/storefront/device-events', body: { shop: SHOP, deviceId: 'dev_ice-0001', type: 'checkout', orderId: 7001 }, keepalive: true, contentType: 'text/plain;charset=UTF-8' },
      ]);
    }
  });
});

describe(`the pixel's report over HTTP (${testEngine})`, () => {
  let database: Database;
  let close: () => Promise<void>;

  afterAll(async () => {
    await close?.();
    await database?.close();
  });

  it("is accepted by the device-events endpoint without a storefront origin and fills the order's device", async () => {
    database = await createTestDatabase();
    const risk = createTestRiskService(database);
    const shop = await testShop(database, SHOP, 'Pixel Test');
    await mirrorOrder(database, shop.id, { id: 5550003, total: 20, createdAt: risk.clock.now() });
    const server = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes: [storefrontDeviceRoutes({ service: risk.service })] });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const handlers = new Map<string, (event: CheckoutCompletedEvent) => unknown>();
    const statuses: number[] = [];
    storedeskPixel(
      {
        analytics: { subscribe: (name, handler) => void handlers.set(name, handler) },
        browser: { cookie: { get: async () => DEVICE } },
        init: { data: { shop: { myshopifyDomain: SHOP } } },
        settings: { appUrl },
      },
      async (url, init) => statuses.push((await fetch(url, init)).status),
    );
    await handlers.get('checkout_completed')?.(completed('gid://shopify/OrderIdentity/5550003'));
    expect(statuses).toEqual([202]);
    const { rows } = await database.pool.query('SELECT device_id FROM orders WHERE shop_id = $1 AND id = 5550003', [shop.id]);
    expect(rows).toEqual([{ device_id: DEVICE }]);
  });
});
