import type { Browser, Page } from 'playwright-core';
import { systemClock } from '../../core/clock';
import type { Database, Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { assertAdminBuilt, keepOffline, launchChromium, screenshot, signInAsStaff } from '../../admin/testing/admin-browser';
import { startAdminTestServer, TEST_ADMIN_PASSWORD, type AdminTestServer } from '../../server/admin-api/testing';
import { createTestRiskService, testShop } from '../product-testing';
import { riskAdminRoutes } from './risk-admin-routes';

describe(`the risk rules editor in Chromium (${testEngine})`, () => {
  let database: Database;
  let shop: Shop;
  let app: AdminTestServer;
  let browser: Browser;
  let staff: Page;
  let blocked: string[];
  let risk: ReturnType<typeof createTestRiskService>;

  // Ten scored orders: five clean and three from disposable mailboxes (allowed), two blocklisted (denied).
  async function seedScoredOrders(): Promise<void> {
    const features = [...Array(5).fill({}), ...Array(3).fill({ disposable_email: 1 }), ...Array(2).fill({ blocklist_hits: 1 })];
    for (const [index, feature] of features.entries()) {
      await database.pool.query(`INSERT INTO risk_orders (shop_id, order_id, account_id, at, first_order, payment_failed) VALUES ($1, $2, 'acct', $3, false, false)`, [shop.id, String(1001 + index), Date.now() - (10 - index) * 60_000]);
      await database.pool.query(
        `INSERT INTO risk_verdicts (shop_id, subject_type, subject_id, score, rule_score, decision, reasons, features, identifiers, review_status)
         VALUES ($1, 'order', $2, 0, 0, 'allow', '[]', $3, '{}', 'none')`,
        [shop.id, String(1001 + index), JSON.stringify(feature)],
      );
    }
  }

  beforeAll(async () => {
    assertAdminBuilt();
    database = await createTestDatabase();
    shop = await testShop(database, 'kampong-kicks.myshopify.com', 'Kampong Kicks');
    risk = createTestRiskService(database, { clock: systemClock });
    await seedScoredOrders();
    app = await startAdminTestServer({ db: database.db, routes: (authenticate) => [riskAdminRoutes({ service: risk.service, authenticate })] });
    browser = await launchChromium();
    staff = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    blocked = await keepOffline(staff, app.base);
    await signInAsStaff(staff, app.base, TEST_ADMIN_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  }, 60_000);

  const weight = (ruleId: string) => staff.getByLabel(`Weight of ${ruleId}`);

  it('shows each rule in plain words with its weight and switch, and the decision scores', async () => {
    await staff.getByRole('navigation').getByText('Risk rules').click();
    await staff.getByRole('heading', { name: 'Risk rules', exact: true }).waitFor();
    const disposable = staff.getByRole('checkbox', { name: /The email is on a disposable mail domain \(1 = yes\): at least 1/ });
    expect(await disposable.isChecked()).toBe(true);
    await staff.getByText('Other accounts on the same device in the last 24 hours: at least 3 (full weight at 8)').waitFor();
    expect(await weight('disposable-email').inputValue()).toBe('1.5');
    expect(await staff.getByLabel('Review at score').inputValue()).toBe('50');
    expect(await staff.getByLabel('Deny at score').inputValue()).toBe('85');
    expect(await staff.getByLabel('Fraud before any rule').inputValue()).toBe('1.98');
    expect(await staff.getByLabel("Learned model's share").inputValue()).toBe('50');
    expect(await staff.getByLabel('Reason for disposable-email').inputValue()).toMatch(/disposable/i);
    await staff.getByText("These are storedesk's default rules.", { exact: false }).waitFor();
    await screenshot(staff, 'risk-rules');
  }, 60_000);

  it('shows what is wrong, at the field and in a summary, and saves nothing', async () => {
    await weight('disposable-email').fill('lots');
    await staff.getByText('Enter a number').waitFor();
    await staff.getByRole('button', { name: 'Try on recent orders' }).click();
    await staff.getByText('The rules cannot be tried yet').waitFor();
    await staff.getByText('Weight of “disposable-email”: Enter a number').waitFor();

    await weight('disposable-email').fill('50');
    await staff.getByRole('button', { name: 'Save rules' }).click();
    await staff.getByText('The rules were not saved').waitFor();
    await staff.getByText('Weight of “disposable-email”: must be between -20 and 20').waitFor();
    expect(await staff.getByText('must be between -20 and 20').count()).toBe(2);

    await weight('disposable-email').fill('6');
    await staff.getByLabel('Reason for disposable-email').fill('   ');
    await staff.getByLabel('Fraud before any rule').fill('100');
    await staff.getByRole('button', { name: 'Save rules' }).click();
    await staff.getByText('Reason of “disposable-email”: Enter the reason staff and Shopify are shown').waitFor();
    await staff.getByText('Fraud before any rule: Enter a share above 0 and below 100').waitFor();
    await staff.getByLabel('Reason for disposable-email').fill('Signed up with a throwaway mailbox');
    await staff.getByLabel('Fraud before any rule').fill('1.98');
    await staff.getByLabel('Review at score').fill('90');
    await staff.getByLabel('Deny at score').fill('80');
    await staff.getByRole('button', { name: 'Save rules' }).click();
    await staff.getByText('Review at score: the review threshold must not be above the deny threshold').waitFor();
    await screenshot(staff, 'risk-rules-invalid');
    expect((await risk.service.getRules(shop.id)).isDefault).toBe(true);
  }, 60_000);

  it('tries the edit on recent orders before saving, then saves it and shows it after a reload', async () => {
    await staff.getByLabel('Review at score').fill('50');
    await staff.getByLabel('Deny at score').fill('85');
    await staff.getByRole('button', { name: 'Try on recent orders' }).click();
    await staff.getByRole('heading', { name: 'On the last 10 orders' }).waitFor();
    expect(await staff.getByRole('row').filter({ hasText: 'Deny' }).innerText()).toMatch(/Deny\s+2\s+5/);
    expect(await staff.getByRole('row').filter({ hasText: 'Allow' }).innerText()).toMatch(/Allow\s+8\s+5/);
    await staff.getByText('3 orders would get a different decision.').waitFor();
    await staff.getByText(/Order 100[678]: allow → deny \(score 89\)/).first().waitFor();
    await screenshot(staff, 'risk-rules-preview');
    expect((await risk.service.getRules(shop.id)).isDefault).toBe(true);

    // Move where a rule starts: its full-weight point moves with it, and the words follow as typed.
    await staff.getByLabel('Starting value of device-accounts-day').fill('x');
    await staff.getByRole('button', { name: 'Save rules' }).click();
    await staff.getByText('Starting value of “device-accounts-day”: Enter a number').waitFor();
    expect((await risk.service.getRules(shop.id)).isDefault).toBe(true);
    await staff.getByLabel('Starting value of device-accounts-day').fill('5');
    await staff.getByText('Other accounts on the same device in the last 24 hours: at least 5 (full weight at 10)').waitFor();

    await staff.getByRole('checkbox', { name: /order value is above the shop's normal range/ }).uncheck();
    // Remove one rule, and add one that reads the account's age.
    await staff.getByRole('button', { name: 'Remove ip-network-accounts-day' }).click();
    await staff.getByLabel('What the rule looks at').selectOption({ label: "The account's age in days" });
    await staff.getByLabel('It adds risk when the value is').selectOption('<=');
    await staff.getByRole('button', { name: 'Add rule' }).click();
    await staff.getByRole('button', { name: 'Save rules' }).click();
    await staff.getByText('Starting value of “account-age-days”: Enter a number').waitFor();
    await staff.getByText('Reason of “account-age-days”: Enter the reason staff and Shopify are shown').waitFor();
    await staff.getByLabel('Starting value of account-age-days').fill('1');
    await staff.getByLabel('Weight of account-age-days').fill('0.8');
    await staff.getByLabel('Reason for account-age-days').fill('The account is {value} days old.');
    await staff.getByText("The account's age in days: at most 1").waitFor();
    await screenshot(staff, 'risk-rules-added');
    await staff.getByLabel('Fraud before any rule').fill('5');
    await staff.getByLabel("Learned model's share").fill('30');
    await staff.getByText('Unsaved changes').waitFor();
    await staff.getByRole('button', { name: 'Save rules' }).click();
    await staff.getByText('Rules saved').waitFor();
    const saved = await risk.service.getRules(shop.id);
    expect(saved.isDefault).toBe(false);
    expect(saved.rules.rules.find((rule) => rule.id === 'disposable-email')?.weight).toBe(6);
    expect(saved.rules.rules.find((rule) => rule.id === 'unusual-amount')?.enabled).toBe(false);
    expect(saved.rules.rules.find((rule) => rule.id === 'device-accounts-day')).toMatchObject({ threshold: 5, saturateAt: 10 });
    expect(saved.rules.rules.find((rule) => rule.id === 'disposable-email')?.reason).toBe('Signed up with a throwaway mailbox');
    expect(saved.rules.baseLogOdds).toBeCloseTo(Math.log(5 / 95), 6);
    expect(saved.rules.rules.find((rule) => rule.id === 'ip-network-accounts-day')).toBeUndefined();
    expect(saved.rules.rules.at(-1)).toEqual({ id: 'account-age-days', feature: 'account_age_days', op: '<=', threshold: 1, weight: 0.8, enabled: true, reason: 'The account is {value} days old.' });
    expect(saved.rules.model.blendWeight).toBe(0.3);
    expect(risk.audits.find((event) => event.action === 'risk.rules.update')?.detail?.changed).toEqual([
      expect.objectContaining({ rule: 'device-accounts-day', threshold: [3, 5] }),
      expect.objectContaining({ rule: 'disposable-email', weight: [1.5, 6], reasonChanged: true }),
      expect.objectContaining({ rule: 'unusual-amount', enabled: [true, false] }),
      { rule: 'account-age-days', added: true },
      { rule: 'ip-network-accounts-day', removed: true },
    ]);
    expect(risk.audits.find((event) => event.action === 'risk.rules.update')?.detail).toMatchObject({ baseLogOdds: [-3.9, expect.closeTo(-2.944, 3)], blendWeight: [0.5, 0.3] });

    await staff.reload();
    await staff.getByText(/Last changed by .+ on /).waitFor();
    expect(await weight('disposable-email').inputValue()).toBe('6');
    expect(await staff.getByLabel('Reason for disposable-email').inputValue()).toBe('Signed up with a throwaway mailbox');
    expect(await staff.getByLabel('Fraud before any rule').inputValue()).toBe('5');
    expect(await staff.getByLabel("Learned model's share").inputValue()).toBe('30');
    expect(await staff.getByLabel('Starting value of device-accounts-day').inputValue()).toBe('5');
    expect(await staff.getByLabel('Weight of account-age-days').inputValue()).toBe('0.8');
    expect(await staff.getByLabel('Weight of ip-network-accounts-day').count()).toBe(0);
    expect(await staff.getByRole('checkbox', { name: /order value is above the shop's normal range/ }).isChecked()).toBe(false);
    expect(await staff.getByRole('button', { name: 'Save rules' }).isDisabled()).toBe(true);
    expect(blocked).toEqual([]);
  }, 60_000);
});
