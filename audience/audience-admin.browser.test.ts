import type { Browser, Page } from 'playwright-core';
import { keepOffline, launchChromium, screenshot, signInAsStaff, assertAdminBuilt } from '../admin/testing/admin-browser';
import { createSecretBox } from '../core/crypto';
import { upsertShop, type Database } from '../db';
import { createTestDatabase, testEngine } from '../db/testing';
import { createAuditLog, createPseudonymizer } from '../privacy';
import { startAdminTestServer, TEST_ADMIN_PASSWORD, type AdminTestServer } from '../server/admin-api/testing';
import { createAudience } from './create-audience';
import { audienceRoutes } from './http/audience-routes';
import { seedSyntheticStore } from './testing';

const K = 10;

/** Every bucket a chart on the page drew, read from its data attribute. */
async function chartBuckets(page: Page): Promise<number[]> {
  const all = await page.locator('canvas[data-buckets]').evaluateAll((canvases) => canvases.map((c) => (c as unknown as { dataset: { buckets: string } }).dataset.buckets));
  return all.flatMap((json) => (JSON.parse(json) as Array<{ count: number }>).map((b) => b.count));
}

describe(`audience pages in Chromium (${testEngine})`, () => {
  let database: Database;
  let app: AdminTestServer;
  let browser: Browser;
  let page: Page;
  let blocked: string[];
  const queued: unknown[] = [];

  beforeAll(async () => {
    assertAdminBuilt();
    database = await createTestDatabase();
    const shop = await upsertShop(database.db, { domain: 'audience-browser.myshopify.com', name: 'Audience Browser' });
    await seedSyntheticStore(database.pool, shop.id, { customers: 200, orders: 800, asOf: new Date() });
    const audience = createAudience({
      database,
      pseudonymizer: createPseudonymizer({ db: database.db, secrets: createSecretBox('d'.repeat(64)) }),
      auditLog: createAuditLog({ db: database.db }),
      writeBackFor: async () => {
        throw new Error('exports run in jobs');
      },
    });
    await audience.refreshTags(shop.id);
    app = await startAdminTestServer({ db: database.db, routes: (authenticate) => [audienceRoutes({ audience, authenticate, enqueue: async (_name, data) => queued.push(data) })] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    blocked = await keepOffline(page, app.base);
    await signInAsStaff(page, app.base, TEST_ADMIN_PASSWORD);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  it('shows the tag catalogue with definitions and charts that never draw a bucket under k', async () => {
    await page.goto(`${app.base}/admin/audience`);
    await page.getByRole('heading', { name: 'Audience tags' }).first().waitFor();
    await page.getByTestId('catalogue-summary').getByText('200 tagged customers.').waitFor();
    await page.getByText('Discount sensitivity').first().waitFor();
    await page.getByText('Chat topics').first().waitFor();
    await page.getByTestId('chart-country').waitFor();
    const counts = await chartBuckets(page);
    expect(counts.length).toBeGreaterThan(10);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(K);
    await screenshot(page, 'audience-catalogue');
  });

  it('builds a segment with a live size and charts, says "fewer than k" for a small one and widens it', async () => {
    await page.goto(`${app.base}/admin/segments`);
    const field = page.getByLabel('Tag query');
    await field.fill('country:SG AND loyalty:repeat');
    await page.getByTestId('segment-size').waitFor();
    expect(Number(await page.getByTestId('segment-size').textContent())).toBeGreaterThanOrEqual(K);
    await page.getByTestId('chart-spend').waitFor();
    expect(Math.min(...(await chartBuckets(page)))).toBeGreaterThanOrEqual(K);
    await screenshot(page, 'audience-segment-builder');

    await field.fill('country:SG AND country:AU');
    await page.getByTestId('segment-below-k').waitFor();
    expect(await page.getByTestId('segment-below-k').textContent()).toMatch(/^Fewer than 10 customers match/);
    expect(await page.locator('canvas[data-buckets]').count()).toBe(0);
    await screenshot(page, 'audience-segment-below-k');
    await page.getByRole('button', { name: 'Use country:SG' }).click();
    await page.getByTestId('segment-size').waitFor();
    expect(await field.inputValue()).toBe('country:SG');

    await page.getByLabel('Segment name').fill('Singapore');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByTestId('segments-message').getByText('Saved "Singapore"').waitFor();
    await page.getByRole('button', { name: 'Export to Shopify' }).click();
    await page.getByTestId('segments-message').getByText('Export of "Singapore" queued').waitFor();
    expect(queued).toHaveLength(1);
  });

  it('lists the export in the export history', async () => {
    await page.goto(`${app.base}/admin/segments/exports`);
    await page.getByRole('cell', { name: 'storedesk:singapore' }).waitFor();
    await screenshot(page, 'audience-export-history');
    expect(blocked).toEqual([]);
  });
});
