import type { Database, Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { addBlocklistEntry } from '../blocklist-entries';
import { createTestRiskService, mirrorCustomer, mirrorOrder, testShop } from '../product-testing';
import { DEFAULT_RULES, type RulesDocument } from '../scoring';
import { previewShopRules } from './preview-rules';

const staff = { kind: 'staff' as const, id: 'owner@shop' };

/** The default rules with some weights changed and thresholds replaced. */
function edited(weights: Record<string, number>, thresholds = DEFAULT_RULES.thresholds): RulesDocument {
  return { ...DEFAULT_RULES, thresholds, rules: DEFAULT_RULES.rules.map((rule) => (rule.id in weights ? { ...rule, weight: weights[rule.id]! } : rule)) };
}

describe(`editing a shop's risk rules and trying them on its orders (${testEngine})`, () => {
  let database: Database;
  let shop: Shop;
  let other: Shop;
  let risk: ReturnType<typeof createTestRiskService>;
  let at = Date.parse('2026-05-01T00:00:00Z');

  // A scored order as the live path leaves it: the engine's order row and the verdict with its features.
  async function scoredOrder(shopId: string, orderId: string, features: Record<string, number | null>): Promise<void> {
    at += 60_000;
    await database.pool.query(`INSERT INTO risk_orders (shop_id, order_id, account_id, at, first_order, payment_failed) VALUES ($1, $2, 'acct', $3, false, false)`, [shopId, orderId, at]);
    await database.pool.query(
      `INSERT INTO risk_verdicts (shop_id, subject_type, subject_id, score, rule_score, decision, reasons, features, identifiers, review_status)
       VALUES ($1, 'order', $2, 0, 0, 'allow', '[]', $3, '{}', 'none')`,
      [shopId, orderId, JSON.stringify(features)],
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    shop = await testShop(database, 'preview-shop.myshopify.com');
    other = await testShop(database, 'preview-other.myshopify.com');
    risk = createTestRiskService(database);
    // Under the default rules: clean 2% (allow), blocklisted 98% (deny), disposable mail 8% (allow), device farm 52% (review).
    for (let i = 1; i <= 5; i++) await scoredOrder(shop.id, `clean-${i}`, { blocklist_hits: 0, signup_to_order_minutes: null });
    for (let i = 1; i <= 2; i++) await scoredOrder(shop.id, `blocked-${i}`, { blocklist_hits: 1 });
    for (let i = 1; i <= 3; i++) await scoredOrder(shop.id, `throwaway-${i}`, { disposable_email: 1 });
    await scoredOrder(shop.id, 'farm-1', { device_accounts_24h: 8, device_accounts_7d: 12 });
    await scoredOrder(other.id, 'elsewhere-1', { disposable_email: 1 });
  }, 60_000);
  afterAll(() => database?.close());

  it('counts the recent orders per decision under the saved rules and under the edited ones, and names those that change', async () => {
    const preview = await risk.service.previewRules(shop.id, edited({ 'disposable-email': 6 }));
    expect(preview).toMatchObject({ orders: 11, current: { allow: 8, review: 1, deny: 2 }, edited: { allow: 5, review: 1, deny: 5 }, changed: 3, modelBlended: false });
    expect(preview.examples.map((e) => [e.orderId, e.from, e.to])).toEqual(expect.arrayContaining([['throwaway-1', 'allow', 'deny'], ['throwaway-2', 'allow', 'deny'], ['throwaway-3', 'allow', 'deny']]));
    expect(preview.examples[0]!.score).toBeCloseTo(1 / (1 + Math.exp(-(-3.9 + 6))), 5);
    expect(Date.parse(preview.from!)).toBeLessThan(Date.parse(preview.to!));
  });

  it('applies edited thresholds and switched-off rules, and saves nothing', async () => {
    const rules = edited({}, { review: 0.6, deny: 0.99 });
    rules.rules = rules.rules.map((rule) => (rule.id === 'blocklisted' ? { ...rule, enabled: false } : rule));
    const preview = await risk.service.previewRules(shop.id, rules);
    expect(preview.edited).toEqual({ allow: 11, review: 0, deny: 0 });
    expect((await risk.service.getRules(shop.id)).isDefault).toBe(true);
  });

  it('replays only the newest orders when asked for fewer, and never another shop\u2019s', async () => {
    const newest = await previewShopRules(risk.service.deps, shop.id, DEFAULT_RULES, 4);
    expect(newest).toMatchObject({ orders: 4, current: { allow: 3, review: 1, deny: 0 } });
    const elsewhere = await risk.service.previewRules(other.id, DEFAULT_RULES);
    expect(elsewhere.orders).toBe(1);
  });

  it('rejects an invalid document with every problem by field, for the preview and for saving', async () => {
    const bad = edited({ 'same-card': 50 }, { review: 0.9, deny: 0.5 });
    for (const attempt of [() => risk.service.previewRules(shop.id, bad), () => risk.service.putRules(shop.id, staff, bad)]) {
      await expect(attempt()).rejects.toMatchObject({
        status: 400,
        details: {
          problems: expect.arrayContaining([
            { path: 'rules.10.weight', message: 'must be between -20 and 20' },
            { path: 'thresholds.review', message: 'the review threshold must not be above the deny threshold' },
          ]),
        },
      });
    }
    await expect(risk.service.previewRules(shop.id, { version: 1, thresholds: { review: 'high', deny: 0.9 }, rules: [] })).rejects.toMatchObject({
      status: 400,
      details: { problems: expect.arrayContaining([{ path: 'thresholds.review', message: 'must be a number' }]) },
    });
    expect((await risk.service.getRules(shop.id)).isDefault).toBe(true);
  });

  it('saves an edit, audits what changed by rule id, and scores the next order with it', async () => {
    const saved = await risk.service.putRules(shop.id, staff, edited({ 'disposable-email': 6 }));
    expect(saved).toMatchObject({ isDefault: false, updatedBy: 'owner@shop' });
    expect(saved.features.disposable_email).toMatch(/disposable/);
    const audit = risk.audits.find((event) => event.action === 'risk.rules.update');
    expect(audit?.detail).toMatchObject({ review: 0.5, deny: 0.85, changed: [{ rule: 'disposable-email', weight: [1.5, 6], enabled: [true, true] }] });

    const preview = await risk.service.previewRules(shop.id, saved.rules);
    expect(preview).toMatchObject({ current: { deny: 5 }, edited: { deny: 5 }, changed: 0 });
    risk.clock.advance(60_000);
    await mirrorCustomer(database, shop.id, { id: 61, email: 'someone@mailinator.com', createdAt: new Date(risk.clock.now().getTime() - 30 * 86_400_000) });
    await mirrorOrder(database, shop.id, { id: 6101, customerId: 61, total: 40, createdAt: risk.clock.now() });
    const { verdict } = await risk.service.scoreOrder(shop.id, 6101);
    expect(verdict.reasons.map((r) => r.code)).toContain('disposable-email');
    expect(verdict.decision).toBe('deny');
  });

  it('gives, on orders the live path scored, the decisions stored with them', async () => {
    const live = await testShop(database, 'preview-live.myshopify.com');
    await addBlocklistEntry(risk.service.deps, live.id, staff, { kind: 'device', value: 'ring-device-77', reason: 'ring' });
    for (let i = 0; i < 6; i++) {
      risk.clock.advance(60_000);
      await mirrorCustomer(database, live.id, { id: 700 + i, email: `buyer${i}@${i % 2 ? 'mailinator.com' : 'example.com'}`, createdAt: risk.clock.now() });
      await mirrorOrder(database, live.id, { id: 7000 + i, customerId: 700 + i, total: 30 + i, createdAt: new Date(risk.clock.now().getTime() + 1000), deviceId: i < 2 ? 'ring-device-77' : `device-${i}` });
      await risk.service.scoreOrder(live.id, 7000 + i);
    }
    const { rows } = await database.pool.query<{ decision: 'allow' | 'review' | 'deny'; n: number }>(`SELECT decision, count(*)::int AS n FROM risk_verdicts WHERE shop_id = $1 GROUP BY decision`, [live.id]);
    const stored = { allow: 0, review: 0, deny: 0, ...Object.fromEntries(rows.map((row) => [row.decision, row.n])) };
    const preview = await risk.service.previewRules(live.id, DEFAULT_RULES);
    expect(preview.current).toEqual(stored);
    expect(preview).toMatchObject({ orders: 6, changed: 0 });
    expect(stored.deny).toBe(2);
  });
});
