import type { Browser, Page } from 'playwright-core';
import { findShopById, schema, upsertShop, type Database, type Shop } from '../db';
import { createTestDatabase, testEngine } from '../db/testing';
import { startAdminTestServer, TEST_ADMIN_PASSWORD, type AdminTestServer } from '../server/admin-api/testing';
import { assertAdminBuilt, keepOffline, launchChromium, paintedPixels, screenshot, signInAsStaff } from './testing/admin-browser';

const DAY = 86_400_000;

async function seedStore(database: Database, shop: Shop) {
  const now = Date.now();
  const orders = Array.from({ length: 240 }, (_, i) => {
    const createdAt = new Date(now - ((i * 7919) % 88) * DAY - (i % 5) * 3_600_000);
    return { shopId: shop.id, id: 1000 + i, name: `#${1000 + i}`, currency: 'SGD', totalPrice: String(20 + (i % 30)), createdAt, updatedAt: createdAt };
  });
  await database.db.insert(schema.orders).values(orders);
  const stamp = { createdAt: new Date(now - 100 * DAY), updatedAt: new Date(now - 100 * DAY) };
  await database.db.insert(schema.customers).values(Array.from({ length: 57 }, (_, i) => ({ shopId: shop.id, id: i + 1, ...stamp })));
  await database.db.insert(schema.products).values(Array.from({ length: 12 }, (_, i) => ({ shopId: shop.id, id: i + 1, title: `Product ${i}`, ...stamp })));
  await database.db.insert(schema.syncRuns).values({ shopId: shop.id, kind: 'bulk:orders', status: 'completed', objectsDone: 240, startedAt: new Date(now - 3_600_000), finishedAt: new Date(now - 3_000_000) });
  await database.db.insert(schema.webhookDeliveries).values([
    { shopId: shop.id, webhookId: 'w1', topic: 'orders/create', payload: {}, processedAt: new Date(), attempts: 1 },
    { shopId: shop.id, webhookId: 'w2', topic: 'orders/updated', payload: {}, processedAt: new Date(), attempts: 1 },
    { shopId: shop.id, webhookId: 'w3', topic: 'customers/create', payload: {}, attempts: 2, lastError: 'timeout' },
  ]);
}

describe(`the admin shell in Chromium (${testEngine})`, () => {
  let database: Database;
  let app: AdminTestServer;
  let browser: Browser;
  let page: Page;
  let blocked: string[];
  let shop: Shop;

  beforeAll(async () => {
    assertAdminBuilt();
    database = await createTestDatabase();
    shop = await upsertShop(database.db, { domain: 'lion-city-outfitters.myshopify.com', name: 'Lion City Outfitters' });
    await seedStore(database, shop);
    app = await startAdminTestServer({ db: database.db });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    blocked = await keepOffline(page, app.base);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  it('signs in and shows the overview with its numbers and chart, from local assets only', async () => {
    await page.goto(`${app.base}/admin`);
    await page.getByRole('heading', { name: 'Sign in to storedesk' }).waitFor();
    await screenshot(page, 'admin-login');
    await page.getByLabel('Admin password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong password').waitFor();

    await signInAsStaff(page, app.base, TEST_ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await expectText(page, 'count-orders', '240');
    await expectText(page, 'count-customers', '57');
    await expectText(page, 'count-products', '12');
    await expectText(page, 'webhooks-received', '3');
    await expectText(page, 'webhooks-failing', '1');
    const chart = page.getByTestId('orders-chart');
    await chart.waitFor();
    const box = await chart.boundingBox();
    expect(box?.height).toBeGreaterThan(100);
    // Chart.js drew bars: the canvas is not blank.
    const painted = await paintedPixels(chart, 'green');
    expect(painted).toBeGreaterThan(200);
    await screenshot(page, 'admin-overview');
    expect(blocked).toEqual([]);
  });

  it('changes a setting, shows field errors for bad input, and keeps the saved value after a reload', async () => {
    await page.getByRole('navigation').getByText('Settings').click();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    const kFloor = page.getByLabel('k-anonymity floor');
    await kFloor.fill('3');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The settings were not saved').waitFor();
    await page.getByText('must be at least 5').first().waitFor();
    await screenshot(page, 'admin-settings-error');

    await kFloor.fill('15');
    await page.getByLabel('Retention (days)').fill('45');
    await page.getByLabel('Saturday').check();
    await page.getByLabel('Name').fill('Dana Lim');
    await page.getByLabel('Email').fill('dpo@lioncity.sg');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved').waitFor();
    await screenshot(page, 'admin-settings-saved');

    const stored = (await findShopById(database.db, shop.id))?.settings;
    expect(stored).toMatchObject({ kFloor: 15, retentionDays: 45, dataProtectionContact: { name: 'Dana Lim', email: 'dpo@lioncity.sg' } });
    expect((stored?.businessHours as Record<string, unknown>).sat).toEqual({ open: '09:00', close: '18:00' });

    await page.reload();
    await page.getByLabel('k-anonymity floor').waitFor();
    expect(await page.getByLabel('k-anonymity floor').inputValue()).toBe('15');
    expect(page.url()).toBe(`${app.base}/admin/settings`);
    expect(blocked).toEqual([]);
  });
});

async function expectText(page: Page, testId: string, text: string) {
  const locator = page.getByTestId(testId);
  await locator.waitFor();
  expect((await locator.textContent())?.trim()).toBe(text);
}
