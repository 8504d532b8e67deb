import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { createSecretBox } from '../../core/crypto';
import type { Database, Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createAuditLog, createComplianceHandler, createPseudonymizer, createSubjectRights } from '../../privacy';
import { decideAppeal, fileAppeal, listAppeals } from '../appeals';
import { addBlocklistEntry } from '../blocklist-entries';
import { createTestRiskService, mirrorCustomer, mirrorOrder, testShop } from '../product-testing';
import { recordSignupDevice } from '../storefront-devices';
import { ERASED_STATEMENT, riskSubjectHolder, type RiskSubjectExport } from './index';

const staff = { kind: 'staff' as const, id: 'admin' };
const JANE = { id: 501, email: 'jane.tan@example.com', phone: '+65 9123 4567' };
const OTHER = { id: 502, email: 'other.buyer@example.com', phone: '+65 8765 4321' };
const RISK_TABLES = ['risk_identity_links', 'risk_accounts', 'risk_orders', 'risk_order_sources', 'risk_signup_devices', 'risk_verdicts', 'risk_appeals', 'risk_blocklist', 'global_blocklist'];

describe(`risk data for buyers' requests (${testEngine})`, () => {
  let database: Database;
  let shopA: Shop;
  let shopB: Shop;
  let risk: ReturnType<typeof createTestRiskService>;
  let holder: ReturnType<typeof riskSubjectHolder>;
  const secrets = createSecretBox(randomBytes(32).toString('hex'));

  const snapshot = async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of RISK_TABLES) tables[table] = (await database.pool.query(`SELECT * FROM ${table} ORDER BY 1, 2, 3`)).rows;
    return tables;
  };
  const count = async (text: string, values: unknown[]) => Number((await database.pool.query(text, values)).rows[0].n);
  const compliance = () => {
    const subjectRights = createSubjectRights({
      db: database.db,
      secrets,
      auditLog: createAuditLog({ db: database.db }),
      pseudonymizer: createPseudonymizer({ db: database.db, secrets }),
      logger: pino({ level: 'silent' }),
      holders: [holder],
      clock: risk.clock,
    });
    return { subjectRights, handler: createComplianceHandler({ subjectRights }) };
  };

  // Two buyers of shop A sign up and order from one shared tablet, scored on the real path; Jane also shops in B.
  async function buyerOrders(shop: Shop, buyer: typeof JANE, orderId: number) {
    await recordSignupDevice(risk.service.deps, shop.id, { deviceId: 'shared-tablet', email: buyer.email });
    await mirrorCustomer(database, shop.id, { ...buyer, createdAt: risk.clock.now() });
    await risk.service.scoreAccount(shop.id, buyer.id);
    risk.clock.advance(5 * 60_000);
    await mirrorOrder(database, shop.id, { id: orderId, customerId: buyer.id, email: buyer.email, total: 42, createdAt: risk.clock.now(), deviceId: 'shared-tablet', clientIp: '203.0.113.9' });
    await risk.service.scoreOrder(shop.id, orderId);
    risk.clock.advance(60_000);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = await testShop(database, 'subject-a.myshopify.com');
    shopB = await testShop(database, 'subject-b.myshopify.com');
    risk = createTestRiskService(database);
    holder = riskSubjectHolder({ db: database.pool, hasher: risk.service.deps.hasher, clock: risk.clock });
    await addBlocklistEntry(risk.service.deps, shopA.id, staff, { kind: 'device', value: 'shared-tablet', reason: 'Coupon farming from one device', expiresInDays: 90 });
    await buyerOrders(shopA, JANE, 9001);
    await buyerOrders(shopA, OTHER, 9002);
    await buyerOrders(shopB, JANE, 9001);
    const jane = await fileAppeal(risk.service.deps, shopA.id, { channel: 'web', statement: 'I share this tablet with my sister, I only use the shop for myself.', contact: JANE.email, subject: { email: JANE.email, device: 'shared-tablet' } });
    const [open] = await listAppeals(risk.service.deps.db, shopA.id, { now: risk.clock.now() });
    expect(open?.reference).toBe(jane.reference);
    risk.clock.advance(3_600_000);
    await decideAppeal(risk.service.deps, shopA.id, staff, open!.id, { outcome: 'keep', message: 'The device stays blocked for now.' });
    await fileAppeal(risk.service.deps, shopA.id, { channel: 'chat', statement: 'Please unblock me, the tablet is my family one.', contact: OTHER.email, subject: { email: OTHER.email, device: 'shared-tablet' }, notifyAddress: { conversationId: 'conv-other' } });
  });
  afterAll(() => database.close());

  it('the scoring path linked both buyers through the shared device', async () => {
    const { rows } = await database.pool.query("SELECT DISTINCT account_id FROM risk_identity_links WHERE shop_id = $1 AND identifier_key LIKE 'device:%'", [shopA.id]);
    expect(rows.map((r) => r.account_id).sort()).toEqual(['501', '502']);
    expect(await count('SELECT count(*) AS n FROM risk_verdicts WHERE shop_id = $1', [shopA.id])).toBe(4);
  });

  it.each([
    ['their customer id', { customerId: JANE.id }],
    ['their email only', { email: 'JANE.TAN@example.com' }],
  ])('exports by %s their verdicts, appeal, blocklist match and linked kinds, and nothing of the other buyer', async (_how, subject) => {
    const exported = (await holder.export(shopA.id, subject)) as RiskSubjectExport;
    expect(exported.verdicts.map((v) => [v.about, v.orderId]).sort()).toEqual([['account', null], ['order', '9001']]);
    for (const verdict of exported.verdicts) {
      expect(['allow', 'review', 'deny']).toContain(verdict.decision);
      expect(verdict.reasons.length).toBeGreaterThan(0);
      expect(typeof verdict.score).toBe('number');
    }
    expect(exported.verdicts[0]!.reasons.join(' ')).toContain('Coupon farming from one device');
    expect(exported.appeals).toEqual([expect.objectContaining({ status: 'decided', outcome: 'keep', statement: expect.stringContaining('my sister'), contact: JANE.email })]);
    expect(exported.blocklist).toEqual([{ kind: 'device', scope: 'shop', reason: 'Coupon farming from one device', expiresAt: expect.any(String) }]);
    expect(exported.linkedIdentifierKinds).toEqual(expect.arrayContaining(['device', 'email', 'ip']));
    expect(exported.orders.map((o) => o.orderId)).toEqual(['9001']);
    const text = JSON.stringify(exported);
    expect(text).not.toMatch(/502|9002|other\.buyer|family one|conv-other/);
    expect(text).not.toMatch(/[0-9a-f]{32}/);
  });

  it('exports nothing for a subject risk does not know, and nothing from another shop', async () => {
    const unknown = (await holder.export(shopA.id, { customerId: 999 })) as RiskSubjectExport;
    expect(unknown).toMatchObject({ verdicts: [], appeals: [], orders: [], linkedIdentifierKinds: [], account: null });
    const inB = (await holder.export(shopB.id, { customerId: JANE.id })) as RiskSubjectExport;
    expect(inB.appeals).toEqual([]);
    expect(inB.blocklist).toEqual([]);
  });

  it('a data request through the compliance webhook stores the risk export for the merchant', async () => {
    const { subjectRights, handler } = compliance();
    await handler.dataRequest(shopA.id, { customer: { id: JANE.id, email: JANE.email }, orders_requested: [9001], data_request: { id: 7 } });
    const [request] = await subjectRights.requests.list(shopA.id);
    expect(request!.counts.risk).toBeGreaterThan(0);
    const stored = (await subjectRights.requests.readExport(shopA.id, request!.id, risk.clock.now())) as { data: { risk: RiskSubjectExport } };
    expect(stored.data.risk.verdicts).toHaveLength(2);
  });

  it('erasure through customers/redact removes the buyer’s risk data, keeps the other buyer, the blocklist and shop B, and a repeat changes nothing', async () => {
    const before = await snapshot();
    const emailKey = (email: string) => risk.service.deps.hasher('email', email).key;
    const { handler, subjectRights } = compliance();
    await handler.redactCustomer(shopA.id, { customer: { id: JANE.id, email: JANE.email, phone: JANE.phone }, orders_to_redact: [9001] });
    const [redacted] = await subjectRights.requests.list(shopA.id);
    expect(redacted!.counts.risk).toBeGreaterThan(0);

    const scoped = (table: string, where: string) => count(`SELECT count(*) AS n FROM ${table} WHERE shop_id = $1 AND ${where}`, [shopA.id]);
    expect(await scoped('risk_identity_links', "account_id = '501'")).toBe(0);
    expect(await scoped('risk_accounts', "account_id = '501'")).toBe(0);
    expect(await scoped('risk_orders', "order_id = '9001'")).toBe(0);
    expect(await scoped('risk_order_sources', "order_id = '9001'")).toBe(0);
    expect(await scoped('risk_verdicts', 'customer_id = 501')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM risk_signup_devices WHERE shop_id = $1 AND email_key = $2', [shopA.id, emailKey(JANE.email)])).toBe(0);

    expect(await scoped('risk_identity_links', "account_id = '502'")).toBeGreaterThan(0);
    expect(await scoped('risk_orders', "order_id = '9002'")).toBe(1);
    expect(await scoped('risk_verdicts', 'customer_id = 502')).toBe(2);
    expect(await count('SELECT count(*) AS n FROM risk_signup_devices WHERE shop_id = $1 AND email_key = $2', [shopA.id, emailKey(OTHER.email)])).toBe(1);
    const after = await snapshot();
    expect(after.risk_blocklist).toEqual(before.risk_blocklist);
    expect(after.global_blocklist).toEqual(before.global_blocklist);
    for (const table of RISK_TABLES) {
      const inB = (rows: unknown[]) => rows.filter((row) => (row as { shop_id?: string }).shop_id === shopB.id);
      expect(inB(after[table]!)).toEqual(inB(before[table]!));
    }

    const { rows: appeals } = await database.pool.query('SELECT * FROM risk_appeals WHERE shop_id = $1 ORDER BY created_at', [shopA.id]);
    expect(appeals[0]).toMatchObject({ statement: ERASED_STATEMENT, contact: null, message: null, subject_keys: [], status: 'decided', outcome: 'keep', decided_by: expect.any(String) });
    expect(appeals[0].decided_at.getTime() - appeals[0].created_at.getTime()).toBe(3_600_000);
    expect(appeals[1]).toMatchObject({ statement: expect.stringContaining('family one'), contact: OTHER.email, notify_address: { conversationId: 'conv-other' } });

    const erasedOnce = await snapshot();
    expect(await holder.erase(shopA.id, { customerId: JANE.id, email: JANE.email, phone: JANE.phone, orderIds: [9001] })).toBe(0);
    await handler.redactCustomer(shopA.id, { customer: { id: JANE.id, email: JANE.email } });
    expect(await snapshot()).toEqual(erasedOnce);
    expect(((await holder.export(shopA.id, { customerId: JANE.id })) as RiskSubjectExport).appeals).toEqual([]);
  });
});
