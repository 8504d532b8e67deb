import type { Browser, Page } from 'playwright-core';
import { assertAdminBuilt, keepOffline, launchChromium, paintedPixels, screenshot, signInAsStaff } from '../../admin/testing/admin-browser';
import { saveAnswerOverride } from '../../bot';
import { schema, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createAuditLog, type RedactedText } from '../../privacy';
import { startAdminTestServer, TEST_ADMIN_PASSWORD, type AdminTestServer } from '../../server/admin-api/testing';
import { listModelVersions, storeModelVersion } from '../model-versions';
import { enqueueReviewItem } from '../review-queue';
import { modelRoutes } from './model-routes';
import { reviewQueueRoutes } from './review-queue-routes';

jest.setTimeout(90_000);

describe(`the review queue and models pages in Chromium (${testEngine})`, () => {
  let database: Database;
  let app: AdminTestServer;
  let browser: Browser;
  let page: Page;
  let blocked: string[];
  let shopId: string;

  beforeAll(async () => {
    assertAdminBuilt();
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'review-browser.myshopify.com', name: 'Kopi Co' })).id;
    const r = (t: string) => t as RedactedText;
    for (const [text, top] of [
      ['is my parcel <ORDER_ID> lost', 'track_order'],
      ['can i get money back for <ORDER_ID>', 'get_refund'],
      ['do you sell gift cards', 'payment_methods'],
    ] as const) {
      await enqueueReviewItem(database.db, { shopId, language: 'en', conversationRef: 'c', text: r(text), context: [r('hi'), r('I am <PERSON>')], topIntents: [{ intent: top, score: 0.44 }, { intent: 'complaint', score: 0.21 }, { intent: 'None', score: 0.12 }], answer: "Sorry, I'm not sure I understood." });
    }
    const scores = [0.98, 0.97, 0.95, 0.93, 0.91, 0.88, 0.82, 0.75, 0.62, 0.55, 0.44, 0.31, 0.22];
    await database.db.insert(schema.corpusTurns).values(scores.map((score) => ({ shopId, language: 'en', text: 'x', intent: 'track_order', score, source: 'bot' })));
    for (const [accuracy, macroF1] of [[0.81, 0.74], [0.86, 0.8], [0.9, 0.85]]) {
      await storeModelVersion(database.db, { shopId, language: 'en', model: {}, metrics: { accuracy, macroF1, heldOutSize: 40 }, corpusSize: 420, promote: true });
    }
    const auditLog = createAuditLog({ db: database.db });
    app = await startAdminTestServer({
      db: database.db,
      routes: (authenticate) => [
        reviewQueueRoutes({ db: database.db, auditLog, authenticate, saveAnswerOverride }),
        // The job runner is not part of this test: a retrain request stores the next version a moment later.
        modelRoutes({
          db: database.db,
          auditLog,
          authenticate,
          requestRetrain: async (id, language) => {
            setTimeout(() => void storeModelVersion(database.db, { shopId: id, language, model: {}, metrics: { accuracy: 0.93, macroF1: 0.88, heldOutSize: 40 }, corpusSize: 431, promote: true }), 1500);
            return 'retrain-job';
          },
        }),
      ],
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    blocked = await keepOffline(page, app.base);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  it('lists the queue with charts, assigns an intent, and the count goes down', async () => {
    await signInAsStaff(page, app.base, TEST_ADMIN_PASSWORD);
    await page.getByRole('navigation').getByText('Review queue').click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await expectCount(page, '3');
    await page.getByText('is my parcel <ORDER_ID> lost').waitFor();
    await page.getByTestId('confidence-chart').waitFor();
    expect(await paintedPixels(page.getByTestId('confidence-chart'))).toBeGreaterThan(500);
    expect(await paintedPixels(page.getByTestId('version-accuracy-chart'))).toBeGreaterThan(200);
    await screenshot(page, 'review-queue');

    const first = page.getByTestId('review-text').first();
    const text = await first.textContent();
    await page.getByLabel('Intent').first().selectOption('track_order');
    await page.getByRole('button', { name: 'Assign' }).first().click();
    await expectCount(page, '2');
    await page.getByText(text!).waitFor({ state: 'detached' });
    await screenshot(page, 'review-queue-after-assign');

    await page.getByRole('button', { name: 'Out of scope' }).first().click();
    await expectCount(page, '1');
    const labels = await database.db.select().from(schema.trainerLabels);
    expect(labels.map((l) => l.intent).sort()).toEqual(['None', 'track_order']);
    expect(blocked).toEqual([]);
  });

  it('shows model versions with their chart and rolls back with a click', async () => {
    await page.getByRole('navigation').getByText('Models').click();
    await page.getByRole('heading', { name: 'Models', exact: true }).waitFor();
    await page.getByTestId('models-chart').waitFor();
    expect(await paintedPixels(page.getByTestId('models-chart'))).toBeGreaterThan(200);
    await page.getByText('90.0%').waitFor();
    await screenshot(page, 'models');
    await page.getByRole('button', { name: 'Roll back to v2' }).click();
    await page.getByRole('button', { name: 'Make v3 live' }).waitFor();
    const versions = await listModelVersions(database.db, shopId, { language: 'en' });
    expect(versions.find((v) => v.status === 'active')?.version).toBe(2);
    await screenshot(page, 'models-after-rollback');
    expect(blocked).toEqual([]);
  });

  it('shows a new version by itself after "Retrain now", once training is done', async () => {
    await page.getByRole('button', { name: 'Retrain now' }).click();
    await page.getByText('Training a new version').waitFor();
    await page.getByText('93.0%').waitFor({ timeout: 15_000 });
    await page.getByText('A new version was trained').waitFor();
    expect(await page.getByText('Training a new version').count()).toBe(0);
  });
});

async function expectCount(page: Page, count: string) {
  const locator = page.getByTestId('open-count');
  for (let i = 0; i < 100; i += 1) {
    if ((await locator.textContent())?.trim() === count) return;
    await page.waitForTimeout(100);
  }
  expect((await locator.textContent())?.trim()).toBe(count);
}
