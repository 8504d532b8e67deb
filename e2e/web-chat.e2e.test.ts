import type { Browser, Page } from 'playwright-core';
import { keepOffline, launchChromium, screenshot, signInAsStaff } from '../admin/testing/admin-browser';
import { signInStaff, type InboxHandoffView, type StaffClient } from './testing/staff-client';
import { E2E_ADMIN_PASSWORD, startProduct, waitForOrdersSynced, type RunningProduct } from './testing/start-product';
import { paragraphs, say, waitForParagraph } from './testing/web-chat-page';

const NEUTRAL = "I couldn't match those details to an order. Please check the order number and the email or phone number used at checkout.";
const PAYMENTS = 'We accept Visa, Mastercard, American Express, PayNow, GrabPay, Apple Pay and Google Pay.';

interface DemoOrder {
  name: string;
  email: string;
  fulfillment_status: string | null;
  tracking: string | null;
}

describe(`a buyer in the Web Chat page of the running product, in Chromium (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let product: RunningProduct;
  let staff: StaffClient;
  let browser: Browser;
  let page: Page;
  let blocked: string[];
  let order: DemoOrder;
  let handoff: InboxHandoffView;

  beforeAll(async () => {
    product = await startProduct({ demoOrders: 60, logLevel: 'warn' });
    await waitForOrdersSynced(product);
    // A real, shipped order of the demo store, with a tracking number, as the sync mirrored it.
    const { rows } = await product.app.database.pool.query<DemoOrder>(
      `SELECT name, email, fulfillment_status, fulfillments->0->'trackingNumbers'->>0 AS tracking FROM orders
       WHERE shop_id = $1 AND email IS NOT NULL AND cancelled_at IS NULL AND fulfillments->0->'trackingNumbers'->>0 IS NOT NULL
       ORDER BY name LIMIT 1`,
      [product.shopId],
    );
    order = rows[0]!;
    expect(order).toBeDefined();
    staff = await signInStaff(product.url, E2E_ADMIN_PASSWORD);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 480, height: 820 }, locale: 'en-SG' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    blocked = await keepOffline(page, product.url);
    await page.goto(`${product.url}/chat?shop=${product.shopDomain}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  }, 30_000);

  it('greets once, says it is an automated assistant, links the privacy notice and offers buttons', async () => {
    await waitForParagraph(page, /automated assistant of .*a bot, not a person/);
    await page.getByRole('button', { name: 'Talk to a person' }).first().waitFor();
    await screenshot(page, 'e2e-chat-1-greeting');
    expect(await paragraphs(page, /automated assistant/).count()).toBe(1);
    expect(await page.getByRole('link', { name: /privacy/i }).count()).toBeGreaterThan(0);
    expect(await page.locator('#chat-error').isHidden()).toBe(true);
    expect(blocked).toEqual([]);
  });

  it('answers a typed question from the shop catalog', async () => {
    await say(page, 'What payment methods do you accept?');
    await waitForParagraph(page, PAYMENTS);
    await screenshot(page, 'e2e-chat-2-answer');
    expect(await paragraphs(page, PAYMENTS).count()).toBe(1);
  });

  it('asks for the order details, then shows the status and tracking of a real demo-store order', async () => {
    await say(page, 'Where is my order?');
    await waitForParagraph(page, /send your order number \(like #1001\) and the email or phone/);
    await say(page, `It's ${order.name}, email ${order.email}`);
    const status = await waitForParagraph(page, new RegExp(`^Order ${order.name}: `));
    const text = (await status.textContent()) ?? '';
    expect(text).toContain(order.tracking!);
    await screenshot(page, 'e2e-chat-3-order-status');
  });

  it('gives the same neutral reply for a wrong email and for an order that does not exist', async () => {
    await say(page, `Where is order ${order.name}? My email is not.the.buyer@example.com`);
    await waitForParagraph(page, NEUTRAL);
    await say(page, `Where is order #987654? My email is ${order.email}`);
    await expectCount(page, NEUTRAL, 2);
    await screenshot(page, 'e2e-chat-4-wrong-details');
  });

  it('says it is unsure of gibberish and offers suggestions and a person as buttons', async () => {
    await say(page, 'zxqv blorp wibble frobnicate?');
    await waitForParagraph(page, /^I'm not sure I understood that/);
    const buttons = page.getByRole('button', { name: 'Talk to a person' });
    await buttons.first().waitFor();
    await screenshot(page, 'e2e-chat-5-low-confidence');
  });

  it('hands over to a person: waiting banner, staff reply through the inbox, quiet bot, and the bot back on close', async () => {
    const banner = page.locator('#handoff-banner');
    expect(await banner.isHidden()).toBe(true);
    await say(page, 'I want to talk to a person');
    await waitForParagraph(page, /asked someone from .* to join/);
    await banner.waitFor({ state: 'visible' });
    expect(await banner.getAttribute('data-status')).toBe('waiting');
    await screenshot(page, 'e2e-chat-6-handoff-waiting');

    const open = await staff.openHandoffs();
    expect(open).toHaveLength(1);
    handoff = open[0]!;
    expect(handoff).toMatchObject({ channelId: 'directline', reason: 'requested', status: 'waiting' });
    // Staff answer from the admin's inbox page, which lists the chat and sends through the inbox API.
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await keepOffline(admin, product.url);
    await signInAsStaff(admin, product.url, E2E_ADMIN_PASSWORD);
    await admin.getByRole('navigation').getByText('Inbox').click();
    await admin.getByText('Asked for a person').waitFor();
    await admin.getByText('I want to talk to a person').first().waitFor();
    await admin.getByLabel('Your reply').fill('Hi, this is Mei from the shop. How can I help?');
    await screenshot(admin, 'e2e-chat-7a-staff-inbox');
    await admin.getByRole('button', { name: 'Send reply' }).click();
    await admin.getByText('Staff connected').waitFor();
    await admin.close();
    await waitForParagraph(page, 'Hi, this is Mei from the shop. How can I help?');
    await page.locator('#handoff-banner[data-status="connected"]').waitFor();
    await screenshot(page, 'e2e-chat-7-staff-reply');

    // While a person owns the chat, the bot keeps quiet even for a question it knows.
    await say(page, 'What payment methods do you accept?');
    await page.waitForTimeout(2_500);
    expect(await paragraphs(page, PAYMENTS).count()).toBe(1);

    await staff.close(handoff.id);
    await waitForParagraph(page, "You're back with the automated assistant. How else can I help?");
    await banner.waitFor({ state: 'hidden' });
    await say(page, 'What payment methods do you accept?');
    await expectCount(page, PAYMENTS, 2);
    await screenshot(page, 'e2e-chat-8-bot-back');
    expect((await staff.openHandoffs()).length).toBe(0);
  }, 60_000);

  it("shows staff the buyer's conversation in the order it happened", () => {
    const lines = handoff.transcript.map((line) => `${line.sender}: ${line.text}`);
    expect(lines[0]).toMatch(/^bot: Hi! I'm the automated assistant/);
    expect(lines).toContain('buyer: What payment methods do you accept?');
    expect(lines.at(-1)).toMatch(/^bot: I've asked someone/);
    // A buyer line and the bot's reply are written in one statement; on PGlite's millisecond clock they tie,
    // so their order must come from the write itself. Seven turns, each buyer line then its reply:
    expect(handoff.transcript.map((line) => line.sender)).toEqual(['bot', ...Array.from({ length: 7 }, () => ['buyer', 'bot']).flat()]);
  });

  it('answers in Chinese when the buyer writes Chinese', async () => {
    await say(page, '可以用什么方式付款？');
    await waitForParagraph(page, '我们接受 Visa、Mastercard、American Express、PayNow、GrabPay、Apple Pay 和 Google Pay。');
    await screenshot(page, 'e2e-chat-9-chinese');
  });
});

async function expectCount(page: Page, text: string, count: number): Promise<void> {
  await paragraphs(page, text).nth(count - 1).waitFor();
  expect(await paragraphs(page, text).count()).toBe(count);
}

