import type { Database, Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { connectToFake, type ConnectedFake } from '../../connectors/shopify/testing/connected-fake';
import { createWriteBack } from '../../connectors/shopify/write-back';
import { createTestRiskService, mirrorCustomer, mirrorOrder } from '../product-testing';
import { RISK_TAGS } from './write-back-verdict';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-06-01T09:00:00Z');

describe(`scoring mirrored orders and writing verdicts back to Shopify (${testEngine})`, () => {
  let database: Database;
  let connected: ConnectedFake;
  let shop: Shop;
  let risk: ReturnType<typeof createTestRiskService>;
  let fakeOrderIds: number[];
  let fakeCustomerIds: number[];

  beforeAll(async () => {
    database = await createTestDatabase();
    connected = await connectToFake(database);
    shop = connected.shop;
    risk = createTestRiskService(database, {
      writeBackFor: async (shopId) => createWriteBack({ pool: database.pool, shopId, client: connected.client }),
    });
    const store = connected.fake.state().store;
    fakeOrderIds = [...store.orders()].slice(0, 8).map((o) => Number(o.legacyResourceId));
    fakeCustomerIds = Array.from({ length: 8 }, (_, i) => Number(store.customer(i).legacyResourceId));
    // Six new accounts on one device within two days, each ordering once with the welcome code.
    for (let i = 0; i < 6; i++) {
      const at = new Date(T0 + i * 8 * HOUR);
      await mirrorCustomer(database, shop.id, { id: fakeCustomerIds[i]!, email: `farm${i}@mailinator.com`, createdAt: at });
      await mirrorOrder(database, shop.id, { id: fakeOrderIds[i]!, customerId: fakeCustomerIds[i], total: 25, createdAt: new Date(at.getTime() + 5 * 60_000), deviceId: 'dev-farm-1', clientIp: `198.51.100.${i + 1}`, discountCodes: ['WELCOME10'] });
    }
    await mirrorCustomer(database, shop.id, { id: fakeCustomerIds[6]!, email: 'mei.tan@example.sg', createdAt: new Date(T0 - 200 * 24 * HOUR) });
    await mirrorOrder(database, shop.id, { id: fakeOrderIds[6]!, customerId: fakeCustomerIds[6], total: 48, createdAt: new Date(T0 + 50 * HOUR), deviceId: 'dev-mei', clientIp: '203.0.113.50' });
  }, 60_000);
  afterAll(async () => {
    await connected?.close();
    await database?.close();
  });

  const writes = (mutation: string) => connected.fake.writes().filter((w) => w.mutation === mutation);

  it('flags the sixth account on one device within two days, with reasons and contributions, and stores the verdict', async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await risk.service.scoreOrder(shop.id, fakeOrderIds[i]!));
    expect(results[0]!.verdict.decision).toBe('allow');
    const last = results[5]!.verdict;
    expect(last.decision).not.toBe('allow');
    expect(last.score).toBeGreaterThan(results[0]!.verdict.score);
    expect(last.features.device_accounts_7d).toBe(5);
    const codes = last.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining([expect.stringMatching(/^device-accounts/)]));
    expect(last.reasons.every((r) => typeof r.contribution === 'number' && r.description.length <= 256)).toBe(true);
    expect(last.identifiers.device).toMatch(/^device:[0-9a-f]{32}$/);
    expect(JSON.stringify(last)).not.toContain('dev-farm-1');
    expect(last.reviewStatus).toBe('open');
  });

  it('scores an ordinary order as allow and writes LOW without tagging the customer', async () => {
    const { verdict } = await risk.service.scoreOrder(shop.id, fakeOrderIds[6]!);
    expect(verdict.decision).toBe('allow');
    const result = await risk.service.writeBack(shop.id, verdict.id);
    expect(result.assessment?.riskLevel).toBe('LOW');
    expect(result.tags).toEqual([]);
  });

  it('writes the risky verdict back once: level, at most 20 facts of at most 256 characters, and a risk tag', async () => {
    const { verdict } = await risk.service.scoreOrder(shop.id, fakeOrderIds[5]!);
    const before = writes('orderRiskAssessmentCreate').length;
    const result = await risk.service.writeBack(shop.id, verdict.id);
    await risk.service.writeBack(shop.id, verdict.id);
    const sent = writes('orderRiskAssessmentCreate').slice(before);
    expect(sent).toHaveLength(1);
    const input = sent[0]!.input as { orderRiskAssessmentInput: { riskLevel: string; orderId: string; facts: Array<{ description: string }> } };
    expect(input.orderRiskAssessmentInput.riskLevel).toBe(verdict.decision === 'deny' ? 'HIGH' : 'MEDIUM');
    expect(input.orderRiskAssessmentInput.orderId).toBe(`gid://shopify/Order/${fakeOrderIds[5]}`);
    expect(input.orderRiskAssessmentInput.facts.length).toBeGreaterThan(0);
    expect(input.orderRiskAssessmentInput.facts.length).toBeLessThanOrEqual(20);
    expect(input.orderRiskAssessmentInput.facts.every((f) => f.description.length <= 256)).toBe(true);
    expect(result.tags).toEqual([verdict.decision === 'deny' ? RISK_TAGS.deny : RISK_TAGS.review]);
    const tagged = writes('tagsAdd').filter((w) => JSON.stringify(w.input).includes(String(fakeCustomerIds[5])));
    expect(tagged).toHaveLength(1);
  });

  it('does not record an order twice when its job is retried', async () => {
    const again = await risk.service.scoreOrder(shop.id, fakeOrderIds[3]!);
    expect(again.scored).toBe(false);
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM risk_orders WHERE shop_id = $1', [shop.id]);
    expect(rows[0].n).toBe(7);
  });

  it('after a reviewer confirms fraud, blocks the device and the next order from it is denied with the reason', async () => {
    const { verdict } = await risk.service.scoreOrder(shop.id, fakeOrderIds[5]!);
    const reviewed = await risk.service.review(shop.id, { kind: 'staff', id: 'admin' }, verdict.id, { decision: 'fraud', block: { kinds: ['device'], reason: 'Coupon farm on one device' } });
    expect(reviewed.verdict.outcome).toBe('review-confirmed-fraud');
    expect(reviewed.blocked).toHaveLength(1);
    expect(risk.audits.map((a) => a.action)).toEqual(expect.arrayContaining(['risk.blocklist.add', 'risk.review.decide']));
    await mirrorCustomer(database, shop.id, { id: fakeCustomerIds[7]!, email: 'fresh@example.com', createdAt: new Date(T0 + 60 * HOUR) });
    risk.clock.set(new Date(T0 + 59 * HOUR));
    await mirrorOrder(database, shop.id, { id: fakeOrderIds[7]!, customerId: fakeCustomerIds[7], total: 30, createdAt: new Date(T0 + 61 * HOUR), deviceId: 'dev-farm-1', clientIp: '192.0.2.9' });
    const blocked = await risk.service.scoreOrder(shop.id, fakeOrderIds[7]!);
    expect(blocked.verdict.decision).toBe('deny');
    expect(blocked.verdict.reasons[0]!.description).toContain('Coupon farm on one device');
    const written = await risk.service.writeBack(shop.id, blocked.verdict.id);
    expect(written.assessment?.riskLevel).toBe('HIGH');
    expect(written.tags).toEqual([RISK_TAGS.deny]);
  });

  it('scores a sign-up from the mirror', async () => {
    const { verdict } = await risk.service.scoreAccount(shop.id, fakeCustomerIds[6]!);
    expect(verdict.subjectType).toBe('account');
    expect(verdict.decision).toBe('allow');
  });

  it('refuses to score an order that is not mirrored, with a clear error', async () => {
    await expect(risk.service.scoreOrder(shop.id, 987654321)).rejects.toMatchObject({ code: 'not_found' });
  });
});
