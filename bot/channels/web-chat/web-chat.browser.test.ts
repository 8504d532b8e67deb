import { mkdirSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchChromium } from '../../../admin/testing/admin-browser';
import { schema, upsertShop, type Database } from '../../../db';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { createDirectLineChannel, type DirectLineChannel } from '../direct-line';
import { EchoBot, startTestServer } from '../testing';
import { webChatRoutes } from './index';

const SHOP = 'tea-house.myshopify.com';

describe(`the Web Chat page in Chromium (${testEngine})`, () => {
  let database: Database;
  let channel: DirectLineChannel;
  let app: Awaited<ReturnType<typeof startTestServer>>;
  let store: HttpServer;
  let storeUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    database = await createTestDatabase();
    await upsertShop(database.db, { domain: SHOP, name: 'Tea House' });
    const bot = new EchoBot();
    channel = await createDirectLineChannel({ database, encryptionKey: 'ef'.repeat(32), logic: (context) => bot.run(context) });
    app = await startTestServer([channel.routes, webChatRoutes({ db: database.db })]);
    // The merchant's store, on another origin, with the snippet pasted into its theme.
    store = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><html><body><h1>Tea House</h1><script src="${app.base}/widget.js" data-shop="${SHOP}" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
    storeUrl = `http://localhost:${(store.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 60_000);

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 480, height: 760 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
  });
  afterEach(async () => page.close());

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => store.close(() => resolve()));
    await channel.close();
    await app.close();
    await database.close();
  });

  it('greets, runs a suggested action, answers a typed question and shows the handoff banner on the event', async () => {
    await page.goto(`${app.base}/chat?shop=${SHOP}`);
    await page.getByRole('paragraph').filter({ hasText: 'I am the shop assistant' }).first().waitFor();
    await page.screenshot({ path: join(artifactsDir, 'web-chat-1-greeting.png') });

    await page.getByRole('button', { name: 'Opening hours' }).first().click();
    await page.getByRole('paragraph').filter({ hasText: 'We are open 9am to 6pm' }).first().waitFor();
    await page.screenshot({ path: join(artifactsDir, 'web-chat-2-suggested-action.png') });

    const banner = page.locator('#handoff-banner');
    expect(await banner.isHidden()).toBe(true);
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('Can I talk to a person?');
    await input.press('Enter');
    await page.getByRole('paragraph').filter({ hasText: 'Let me find someone for you.' }).first().waitFor();
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toContain('Waiting for a member of staff');
    await page.screenshot({ path: join(artifactsDir, 'web-chat-3-handoff-banner.png') });
  }, 60_000);

  it('says a message is too long before sending it, and keeps its text', async () => {
    await page.goto(`${app.base}/chat?shop=${SHOP}`);
    await page.getByRole('paragraph').filter({ hasText: 'I am the shop assistant' }).first().waitFor();
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    const long = `Here is everything that went wrong with my order. ${'The parcel was late and the box was torn. '.repeat(100)}`;
    await input.fill(long);
    await input.press('Enter');
    await page.getByText(new RegExp(`This message is ${long.length.toLocaleString('en-US').replace(',', ',?')} characters long\\. Please keep it under 4,?000`)).waitFor();
    expect(await input.inputValue()).toBe(long);
    expect(await page.getByText('Send failed').count()).toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'web-chat-too-long.png') });
    await input.fill('What are your opening hours?');
    await input.press('Enter');
    await page.getByRole('paragraph').filter({ hasText: 'We are open 9am to 6pm' }).first().waitFor();
    // The notice goes once a message is sent.
    await page.getByText('Please keep it under').waitFor({ state: 'detached' });
  }, 60_000);

  it('opens from the widget bubble on the store page and sends the first-party device id with each message', async () => {
    await page.goto(storeUrl);
    await page.locator('#storedesk-chat-bubble').click();
    const frame = page.frameLocator('#storedesk-chat-frame');
    await frame.getByRole('paragraph').filter({ hasText: 'I am the shop assistant' }).first().waitFor();
    const input = frame.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('hello from the store');
    await input.press('Enter');
    await frame.getByRole('paragraph').filter({ hasText: 'You said: hello from the store' }).first().waitFor();
    await page.screenshot({ path: join(artifactsDir, 'web-chat-4-widget.png') });

    const deviceId = await page.evaluate(() => localStorage.getItem('storedesk.deviceId'));
    expect(deviceId).toMatch(/^[\w-]{8,64}$/);
    const rows = await database.db.select().from(schema.directLineActivities).where(eq(schema.directLineActivities.watermark, 2));
    const sent = rows.map((row) => row.activity).find((activity) => activity.text === 'hello from the store') as { channelData: Record<string, unknown> } | undefined;
    expect(sent?.channelData.deviceId).toBe(deviceId);
  }, 60_000);

  it('refuses a page for a shop that is not installed', async () => {
    const res = await fetch(`${app.base}/chat?shop=nobody.myshopify.com`);
    expect(res.status).toBe(404);
    expect((await fetch(`${app.base}/chat`)).status).toBe(400);
  });
});
