import type { Database, Shop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { addBlocklistEntry, blocklistEntryHistory, endBlocklistEntry, listBlocklistEntries } from '../blocklist-entries';
import { createTestRiskService, mirrorCustomer, mirrorOrder, testShop } from '../product-testing';
import { decideAppeal, fileAppeal, isBlocked, listAppeals } from './index';

const staff = { kind: 'staff' as const, id: 'admin' };
const DAY = 86_400_000;

describe(`blocklist across shops and appeals (${testEngine})`, () => {
  let database: Database;
  let shopA: Shop;
  let shopB: Shop;
  let risk: ReturnType<typeof createTestRiskService>;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = await testShop(database, 'shop-a.myshopify.com', 'Shop A');
    shopB = await testShop(database, 'shop-b.myshopify.com', 'Shop B');
    risk = createTestRiskService(database);
  });
  afterAll(() => database.close());

  it('a global entry added from shop A blocks in shop B, holds only a hash, and B cannot see or remove it', async () => {
    const entry = await addBlocklistEntry(risk.service.deps, shopA.id, staff, { kind: 'email', value: 'Card.Tester+1@Gmail.com', scope: 'global', reason: 'Card testing across stores' });
    expect(entry.scope).toBe('global');
    const { rows } = await database.pool.query('SELECT * FROM global_blocklist');
    expect(JSON.stringify(rows)).not.toMatch(/tester|gmail/i);
    expect(rows[0].identifier_key).toMatch(/^email:[0-9a-f]{32}$/);
    const inB = await isBlocked(risk.service.deps, shopB.id, { email: 'cardtester@gmail.com' });
    expect(inB).toMatchObject({ blocked: true, reasons: ['Card testing across stores'] });
    expect(inB.appealUrl).toMatch(/^https:\/\/storedesk\.test\/appeal\?shop=shop-b\.myshopify\.com&subject=/);
    expect(await listBlocklistEntries(risk.service.deps, shopB.id)).toEqual([]);
    await expect(endBlocklistEntry(risk.service.deps, shopB.id, staff, entry.id, { action: 'remove' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listBlocklistEntries(risk.service.deps, shopA.id)).map((e) => e.id)).toEqual([entry.id]);
  });

  it('denies an order in shop B from the globally blocked email, with the reason', async () => {
    risk.clock.advance(60_000);
    await mirrorCustomer(database, shopB.id, { id: 501, email: 'card.tester@gmail.com', createdAt: risk.clock.now() });
    await mirrorOrder(database, shopB.id, { id: 9001, customerId: 501, total: 12, createdAt: risk.clock.now() });
    const { verdict } = await risk.service.scoreOrder(shopB.id, 9001);
    expect(verdict.decision).toBe('deny');
    expect(verdict.reasons[0]!.description).toContain('installation-wide blocklist: Card testing across stores');
  });

  it.each([
    ['expires', 'expire'],
    ['is removed', 'remove'],
  ] as const)('a shop entry stops matching once it %s, and its trail records every step', async (_what, action) => {
    const entry = await addBlocklistEntry(risk.service.deps, shopA.id, staff, { kind: 'phone', value: `+65 9123 45${action === 'expire' ? '67' : '68'}`, reason: 'Chargebacks', expiresInDays: 30 });
    const phone = `+65912345${action === 'expire' ? '67' : '68'}`;
    expect((await isBlocked(risk.service.deps, shopA.id, { phone })).blocked).toBe(true);
    expect(entry.hint).toMatch(/^•••45\d\d$/);
    if (action === 'expire') {
      await endBlocklistEntry(risk.service.deps, shopA.id, staff, entry.id, { action: 'expire', at: new Date(risk.clock.now().getTime() + DAY) });
      expect((await isBlocked(risk.service.deps, shopA.id, { phone })).blocked).toBe(true);
      risk.clock.advance(DAY + 1);
    } else await endBlocklistEntry(risk.service.deps, shopA.id, staff, entry.id, { action: 'remove' }, 'customer explained');
    expect((await isBlocked(risk.service.deps, shopA.id, { phone })).blocked).toBe(false);
    const history = await blocklistEntryHistory(risk.service.deps, shopA.id, entry.id);
    expect(history.map((h) => h.action)).toEqual(['add', action]);
    expect(history.every((h) => h.actor === 'staff:admin')).toBe(true);
  });

  it('refuses bad entries with every problem named', async () => {
    await expect(addBlocklistEntry(risk.service.deps, shopA.id, staff, { kind: 'account', value: '42', scope: 'global', reason: 'x' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { problems: expect.arrayContaining([expect.objectContaining({ path: 'reason' }), expect.objectContaining({ path: 'scope' })]) },
    });
    await expect(addBlocklistEntry(risk.service.deps, shopA.id, staff, { kind: 'email', value: 'not an email', reason: 'Fraud ring' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('a chat appeal is queued (never rejected), lifted by a reviewer for shop B only, and the buyer is told in chat', async () => {
    const status = await isBlocked(risk.service.deps, shopB.id, { email: 'card.tester@gmail.com' });
    const filed = await fileAppeal(risk.service.deps, shopB.id, {
      channel: 'chat',
      statement: 'I am a student and only bought one phone case; my card was never used elsewhere.',
      subjectToken: status.subjectToken,
      notifyAddress: { conversationId: 'conv-1', channelId: 'directline' },
    });
    expect(filed.reference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const again = await fileAppeal(risk.service.deps, shopB.id, { channel: 'chat', statement: 'Please look at my appeal again, thanks.', subject: { email: 'card.tester@gmail.com' } });
    expect(again).toMatchObject({ reference: filed.reference, existing: true });
    const [queued] = await listAppeals(risk.service.deps.db, shopB.id, { now: risk.clock.now() });
    expect(queued).toMatchObject({ reference: filed.reference, status: 'open', channel: 'chat' });
    expect(queued!.entries).toEqual([expect.objectContaining({ scope: 'global', reason: 'Card testing across stores', owned: false })]);
    expect(queued!.verdict?.decision).toBe('deny');

    risk.clock.advance(2 * 3_600_000);
    const decided = await decideAppeal(risk.service.deps, shopB.id, staff, queued!.id, { outcome: 'lift', message: 'Sorry for the trouble: you can order again.' });
    expect(decided).toMatchObject({ status: 'decided', outcome: 'lift', timeToDecisionMs: 2 * 3_600_000 });
    expect((await isBlocked(risk.service.deps, shopB.id, { email: 'card.tester@gmail.com' })).blocked).toBe(false);
    expect((await isBlocked(risk.service.deps, shopA.id, { email: 'card.tester@gmail.com' })).blocked).toBe(true);
    expect(risk.notices).toEqual([[expect.objectContaining({ reference: filed.reference, channel: 'chat', notifyAddress: { conversationId: 'conv-1', channelId: 'directline' } }), expect.objectContaining({ outcome: 'lift', message: 'Sorry for the trouble: you can order again.' })]]);
    const { rows } = await database.pool.query('SELECT outcome FROM risk_verdicts WHERE id = $1', [queued!.verdict!.id]);
    expect(rows[0].outcome).toBe('appeal-lifted');
    const appealAudits = risk.audits.filter((a) => a.action.startsWith('risk.appeal.'));
    expect(appealAudits.map((a) => a.action)).toEqual(['risk.appeal.file', 'risk.appeal.decide']);
    expect(appealAudits[1]!.detail).toMatchObject({ timeToDecisionMs: 2 * 3_600_000, label: 'appeal-lifted' });
    expect(JSON.stringify(risk.audits)).not.toMatch(/gmail|student/);
  });

  it('narrowing lifts only the chosen entry and keeps the rest', async () => {
    const device = await addBlocklistEntry(risk.service.deps, shopA.id, staff, { kind: 'device', value: 'shared-tablet', reason: 'Device farm' });
    await addBlocklistEntry(risk.service.deps, shopA.id, staff, { kind: 'email', value: 'abuser@example.com', reason: 'Coupon abuse' });
    const filed = await fileAppeal(risk.service.deps, shopA.id, { channel: 'web', statement: 'The tablet is shared in our family shop, I am not the abuser.', subject: { device: 'shared-tablet', email: 'abuser@example.com' } });
    const appeal = (await listAppeals(risk.service.deps.db, shopA.id, { now: risk.clock.now() })).find((a) => a.reference === filed.reference)!;
    expect(appeal.entries).toHaveLength(2);
    await expect(decideAppeal(risk.service.deps, shopA.id, staff, appeal.id, { outcome: 'narrow', message: 'ok' })).rejects.toMatchObject({ code: 'invalid_input' });
    await decideAppeal(risk.service.deps, shopA.id, staff, appeal.id, { outcome: 'narrow', message: 'We lifted the block on the shared device.', liftEntryIds: [device.id] });
    expect((await isBlocked(risk.service.deps, shopA.id, { device: 'shared-tablet' })).blocked).toBe(false);
    expect((await isBlocked(risk.service.deps, shopA.id, { email: 'abuser@example.com' })).blocked).toBe(true);
    await expect(decideAppeal(risk.service.deps, shopA.id, staff, appeal.id, { outcome: 'keep', message: 'again' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
