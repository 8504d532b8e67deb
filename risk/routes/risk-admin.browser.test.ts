import type { Browser, Page } from 'playwright-core';
import { systemClock } from '../../core/clock';
import type { Database, Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { assertAdminBuilt, keepOffline, launchChromium, screenshot, signInAsStaff } from '../../admin/testing/admin-browser';
import { startAdminTestServer, TEST_ADMIN_PASSWORD, type AdminTestServer } from '../../server/admin-api/testing';
import { createTestRiskService, mirrorCustomer, mirrorOrder, testShop } from '../product-testing';
import { publicAppealRoutes } from './public-appeal-routes';
import { riskAdminRoutes } from './risk-admin-routes';

describe(`risk pages and the public appeal form in Chromium (${testEngine})`, () => {
  let database: Database;
  let shop: Shop;
  let app: AdminTestServer;
  let browser: Browser;
  let staff: Page;
  let buyer: Page;
  let blocked: string[];
  let risk: ReturnType<typeof createTestRiskService>;

  beforeAll(async () => {
    assertAdminBuilt();
    database = await createTestDatabase();
    shop = await testShop(database, 'lion-city-outfitters.myshopify.com', 'Lion City Outfitters');
    risk = createTestRiskService(database, { clock: systemClock });
    app = await startAdminTestServer({
      db: database.db,
      routes: (authenticate) => [riskAdminRoutes({ service: risk.service, authenticate }), publicAppealRoutes({ service: risk.service })],
    });
    browser = await launchChromium();
    staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    blocked = await keepOffline(staff, app.base);
    buyer = await (await browser.newContext({ viewport: { width: 800, height: 900 } })).newPage();
    blocked.push(...(await keepOffline(buyer, app.base)));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  }, 60_000);

  it('adds a blocklist entry, and an order from that buyer lands in the risk queue with the reason', async () => {
    await signInAsStaff(staff, app.base, TEST_ADMIN_PASSWORD);
    await staff.getByRole('navigation').getByText('Blocklist').click();
    await staff.getByText('The blocklist is empty').waitFor();
    await staff.getByLabel('Value').fill('buyer.one@example.com');
    await staff.getByLabel('Reason').fill('Chargeback on order 1001');
    await staff.getByRole('button', { name: 'Add to blocklist' }).click();
    await staff.getByRole('cell', { name: 'Chargeback on order 1001', exact: true }).waitFor();
    expect(await staff.getByText('b•••@example.com').count()).toBe(1);
    await screenshot(staff, 'risk-blocklist');

    await mirrorCustomer(database, shop.id, { id: 77, email: 'buyer.one@example.com', createdAt: new Date() });
    await mirrorOrder(database, shop.id, { id: 1042, customerId: 77, total: 89, createdAt: new Date(Date.now() + 1000), deviceId: 'dev-77', clientIp: '203.0.113.77' });
    const { verdict } = await risk.service.scoreOrder(shop.id, 1042);
    expect(verdict.decision).toBe('deny');

    await staff.getByRole('navigation').getByText('Risk queue').click();
    await staff.getByRole('heading', { name: 'Order #1042' }).waitFor();
    await staff.getByText("The email is on this shop's blocklist: Chargeback on order 1001").waitFor();
    await screenshot(staff, 'risk-queue');
  }, 60_000);

  it('the buyer files an appeal on the web form, a reviewer lifts it, and the buyer sees the outcome', async () => {
    const verdictId = (await database.pool.query(`SELECT id FROM risk_verdicts WHERE subject_id = '1042'`)).rows[0].id;
    const link = (await risk.service.appealLinkForVerdict(shop.id, verdictId)).replace('https://storedesk.test', app.base);
    await buyer.goto(link);
    await buyer.getByRole('heading', { name: 'Ask Lion City Outfitters to look again' }).waitFor();
    await buyer.getByLabel('Your statement').fill('short');
    await buyer.getByRole('button', { name: 'Send appeal' }).click();
    await buyer.getByRole('alert').waitFor();
    expect(await buyer.getByLabel('Your statement').inputValue()).toBe('short');
    await buyer.getByLabel('Your statement').fill('The chargeback was my bank’s mistake and has been reversed; I still want the jacket.');
    await buyer.getByLabel('How can we reach you? (optional)').fill('WhatsApp 9123 4567');
    await screenshot(buyer, 'appeal-form');
    await buyer.getByRole('button', { name: 'Send appeal' }).click();
    await buyer.getByRole('heading', { name: 'Thank you, your appeal was sent' }).waitFor();
    const reference = (await buyer.getByTestId('reference').textContent())!.trim();
    expect(reference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await screenshot(buyer, 'appeal-status-waiting');

    await staff.getByRole('navigation').getByText('Appeals').click();
    await staff.getByRole('heading', { name: `Appeal ${reference}` }).waitFor();
    await staff.getByText('email: Chargeback on order 1001 (this shop)').waitFor();
    await staff.getByLabel('Message to the buyer').fill('Thanks for explaining: your account is open again.');
    await screenshot(staff, 'risk-appeals');
    await staff.getByRole('button', { name: 'Lift', exact: true }).click();
    await staff.getByText('No appeals waiting').waitFor();

    await buyer.reload();
    await buyer.getByRole('heading', { name: 'Your appeal was accepted' }).waitFor();
    expect(await buyer.getByTestId('outcome').textContent()).toContain('Thanks for explaining: your account is open again.');
    await screenshot(buyer, 'appeal-status-lifted');
    expect((await database.pool.query('SELECT count(*)::int AS n FROM risk_blocklist WHERE removed_at IS NULL')).rows[0].n).toBe(0);
  }, 60_000);

  it('asks for confirmation before removing an entry, and the decided order leaves the queue', async () => {
    await staff.getByRole('navigation').getByText('Blocklist').click();
    await staff.getByLabel('Kind').selectOption('device');
    await staff.getByLabel('Value').fill('dev-farm-42');
    await staff.getByLabel('Reason').fill('Twelve accounts on one device');
    await staff.getByRole('button', { name: 'Add to blocklist' }).click();
    await staff.getByRole('button', { name: 'Remove Twelve accounts on one device' }).click();
    await staff.getByRole('dialog').getByText('Remove this entry?').waitFor();
    await screenshot(staff, 'risk-blocklist-confirm');
    await staff.getByRole('button', { name: 'Remove entry' }).click();
    await staff.getByText('The blocklist is empty').waitFor();

    await staff.getByRole('navigation').getByText('Risk queue').click();
    await staff.getByRole('tab', { name: 'Decided' }).click();
    await staff.getByText(/Order #1042: appeal-lifted/).waitFor();
    expect(blocked).toEqual([]);
  }, 60_000);
});
