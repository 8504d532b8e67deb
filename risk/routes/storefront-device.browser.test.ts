import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import pino from 'pino';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchChromium } from '../../admin/testing/admin-browser';
import { createMetrics } from '../../core/metrics';
import type { Database, Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createApp } from '../../server/http';
import { createTestRiskService, testShop } from '../product-testing';
import { DEVICE_EVENTS_PATH, storefrontDeviceRoutes } from './storefront-device-routes';

// The extension's own asset and the chat widget, read where they ship from (not copies).
const DEVICE_SCRIPT = readFileSync(resolve(__dirname, '../../extensions/storedesk-device/assets/storedesk-device.js'), 'utf8');
const WIDGET_SCRIPT = readFileSync(resolve(__dirname, '../../bot/channels/web-chat/assets/widget.js'), 'utf8');
const SHOP = 'beacon-shop.myshopify.com';
const STORE = `https://${SHOP}`;
const APP = 'https://storedesk.test';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What the theme renders for the app embed (blocks/device-id.liquid), with the chat widget beside it. */
const page = (body: string, endpoint = true) => `<!doctype html><html><head>
<script src="${STORE}/cdn/storedesk-device.js" defer data-shop="${SHOP}"${endpoint ? ` data-endpoint="${APP}${DEVICE_EVENTS_PATH}"` : ''} data-cart-root="/"></script>
</head><body>${body}<script src="${APP}/widget.js" data-shop="${SHOP}" async></script></body></html>`;

const REGISTER_FORM = `<form method="post" action="/account" accept-charset="UTF-8">
<input type="hidden" name="form_type" value="create_customer"><input type="hidden" name="utf8" value="✓">
<label>Email <input type="email" name="customer[email]"></label><label>Password <input type="password" name="customer[password]"></label>
<button type="submit">Create</button></form>`;

/** The value once `read` returns what `done` accepts, or the last value after two seconds. */
async function eventually<T>(read: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 2000;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((wait) => setTimeout(wait, 25));
    value = await read();
  }
  return value;
}

describe(`the storefront device script in Chromium (${testEngine})`, () => {
  let database: Database;
  let shop: Shop;
  let app: { base: string; close(): Promise<void> };
  let browser: Browser;
  /** One fake Shopify cart per browser context: its attributes and every update posted to it. */
  let carts: Map<BrowserContext, { attributes: Record<string, string>; updates: unknown[] }>;
  const beacons: Array<{ contentType: string | undefined; body: string; status?: number }> = [];

  /** A browser profile on the fake storefront: Shopify's pages, cart API and CDN, and our app, all routed. */
  async function storefront(options: { endpoint?: boolean } = {}): Promise<{ context: BrowserContext; tab: Page; cart: { attributes: Record<string, string>; updates: unknown[] } }> {
    const context = await browser.newContext();
    const cart = { attributes: {} as Record<string, string>, updates: [] as unknown[] };
    carts.set(context, cart);
    await context.route(`${STORE}/**`, async (route: Route) => {
      const request = route.request();
      const path = new URL(request.url()).pathname;
      if (path === '/cdn/storedesk-device.js') return route.fulfill({ contentType: 'text/javascript', body: DEVICE_SCRIPT });
      if (path === '/cart.js') return route.fulfill({ json: { token: 'c1', items: [], attributes: cart.attributes } });
      if (path === '/cart/update.js' && request.method() === 'POST') {
        const body = request.postDataJSON() as { attributes?: Record<string, string> };
        cart.updates.push(body);
        Object.assign(cart.attributes, body.attributes ?? {});
        return route.fulfill({ json: { token: 'c1', items: [], attributes: cart.attributes } });
      }
      if (path === '/account' && request.method() === 'POST') return route.fulfill({ status: 302, headers: { location: `${STORE}/account` } });
      if (path === '/account/register') return route.fulfill({ contentType: 'text/html', body: page(REGISTER_FORM, options.endpoint ?? true) });
      return route.fulfill({ contentType: 'text/html', body: page('<h1>Beacon Shop</h1>') });
    });
    await context.route(`${APP}/**`, async (route: Route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.pathname === '/widget.js') return route.fulfill({ contentType: 'text/javascript', body: WIDGET_SCRIPT });
      if (url.pathname === DEVICE_EVENTS_PATH) {
        const beacon: (typeof beacons)[number] = { contentType: request.headers()['content-type'], body: request.postData() ?? '' };
        beacons.push(beacon);
        // Forwarded to the real endpoint with the browser's own headers (Origin included).
        const response = await route.fetch({ url: `${app.base}${DEVICE_EVENTS_PATH}` });
        beacon.status = response.status();
        return route.fulfill({ response });
      }
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>chat</title>' });
    });
    return { context, tab: await context.newPage(), cart };
  }

  const storedId = (tab: Page) => tab.evaluate(() => localStorage.getItem('storedesk.deviceId'));
  const cookieId = async (context: BrowserContext) => (await context.cookies(STORE)).find((cookie) => cookie.name === 'storedesk_device_id');
  const widgetDevice = async (tab: Page) => {
    await tab.getByRole('button', { name: 'Chat with us' }).click();
    const src = await tab.locator('#storedesk-chat-frame').getAttribute('src');
    return new URL(src ?? '', APP).searchParams.get('device');
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const risk = createTestRiskService(database);
    shop = await testShop(database, SHOP, 'Beacon Shop');
    const server = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes: [storefrontDeviceRoutes({ service: risk.service })] });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    app = { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
    carts = new Map();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  it('creates one device id, keeps it in localStorage and a cookie, tags the cart once per session, and the chat widget reports the same id', async () => {
    const { context, tab, cart } = await storefront();
    await tab.goto(`${STORE}/`);
    expect(await eventually(() => cart.updates.length, (n) => n >= 1)).toBe(1);
    const id = await storedId(tab);
    expect(id).toMatch(UUID);
    expect(cart.updates[0]).toEqual({ attributes: { storedesk_device_id: id } });
    expect(await cookieId(context)).toMatchObject({ value: id, path: '/', secure: true, sameSite: 'Lax' });

    await tab.goto(`${STORE}/collections/all`);
    await tab.reload();
    await tab.waitForLoadState('networkidle');
    expect(await storedId(tab)).toBe(id);
    expect(cart.updates).toHaveLength(1);
    expect(await widgetDevice(tab)).toBe(id);

    // Storage cleared but the cookie kept: the same id comes back, and the cart is not tagged again.
    await tab.evaluate(() => localStorage.clear());
    await tab.reload();
    await tab.waitForLoadState('networkidle');
    expect(await storedId(tab)).toBe(id);
    expect(cart.updates).toHaveLength(1);
    await context.close();
  });

  it("reuses the id the chat widget made before the embed was switched on, and tags a cart that lacks it", async () => {
    const { context, tab, cart } = await storefront();
    await context.addInitScript(() => {
      if (!localStorage.getItem('storedesk.deviceId')) localStorage.setItem('storedesk.deviceId', 'widget-made-id-0001');
    });
    await tab.goto(`${STORE}/`);
    expect(await eventually(() => cart.updates.length, (n) => n >= 1)).toBe(1);
    expect(cart.updates[0]).toEqual({ attributes: { storedesk_device_id: 'widget-made-id-0001' } });
    expect((await cookieId(context))?.value).toBe('widget-made-id-0001');
    expect(await widgetDevice(tab)).toBe('widget-made-id-0001');
    await context.close();
  });

  it('reports a registration form submit to the endpoint as a text/plain beacon, which stores it under the hashed email', async () => {
    const { context, tab } = await storefront();
    await tab.goto(`${STORE}/account/register`);
    const id = await storedId(tab);
    await tab.getByLabel('Email').fill('New.Buyer@example.com');
    await tab.getByLabel('Password').fill('correct horse battery');
    await tab.getByRole('button', { name: 'Create' }).click();
    await tab.waitForURL(`${STORE}/account`);

    expect(await eventually(() => beacons.length, (n) => n >= 1)).toBe(1);
    expect(beacons[0]!.contentType).toMatch(/^text\/plain/);
    expect(JSON.parse(beacons[0]!.body)).toEqual({ type: 'signup', shop: SHOP, deviceId: id, email: 'New.Buyer@example.com' });
    const rows = await eventually(async () => (await database.pool.query('SELECT device_id, email_key FROM risk_signup_devices WHERE shop_id = $1', [shop.id])).rows, (found) => found.length > 0);
    expect(rows).toEqual([{ device_id: id, email_key: expect.stringMatching(/^email:[0-9a-f]{32}$/) }]);

    expect(beacons[0]!.status).toBe(202);

    // Other forms (here the log-in form, on a page with the script running) report nothing.
    await tab.evaluate(`(() => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/account/login';
      form.innerHTML = '<input type="hidden" name="form_type" value="customer_login"><input name="customer[email]" value="x@example.com">';
      document.body.appendChild(form);
      form.requestSubmit();
    })()`);
    await tab.waitForLoadState('networkidle');
    await tab.waitForTimeout(200);
    expect(beacons).toHaveLength(1);
    await context.close();
  });

  it('reports nothing while the embed has no app URL (the block leaves data-endpoint out)', async () => {
    const before = beacons.length;
    const { context, tab, cart } = await storefront({ endpoint: false });
    await tab.goto(`${STORE}/account/register`);
    expect(await eventually(() => cart.updates.length, (n) => n >= 1)).toBe(1);
    await tab.getByLabel('Email').fill('quiet@example.com');
    await tab.getByRole('button', { name: 'Create' }).click();
    await tab.waitForURL(`${STORE}/account`);
    await tab.waitForTimeout(200);
    expect(beacons).toHaveLength(before);
    await context.close();
  });
});
