import { sql } from 'drizzle-orm';
import { upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createAuditLog } from './create-audit-log';

// drizzle wraps database errors; the trigger's message is in the cause.
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ''}`;
  }
  return 'no failure';
}

describe(`audit log on ${testEngine}`, () => {
  let database: Database;
  let shopId: string;
  let otherShop: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'audit-a.myshopify.com' })).id;
    otherShop = (await upsertShop(database.db, { domain: 'audit-b.myshopify.com' })).id;
  });
  afterAll(() => database.close());

  it('records an event and lists it newest first, scoped to the shop', async () => {
    const log = createAuditLog({ db: database.db });
    await log.record({ shopId, actor: { kind: 'staff', id: 'shopify-user:42' }, action: 'answers.edit', subject: 'intent:order_status', detail: { language: 'en' } });
    await log.record({ shopId, actor: { kind: 'trainer', id: 'shopify-user:7' }, action: 'model.promote', detail: { version: 3 } });
    await log.record({ shopId: otherShop, actor: { kind: 'system', id: 'system' }, action: 'retention.purge' });
    const { entries, nextBefore } = await log.list(shopId);
    expect(entries.map((e) => e.action)).toEqual(['model.promote', 'answers.edit']);
    expect(entries[1]).toMatchObject({ actorKind: 'staff', actorId: 'shopify-user:42', subject: 'intent:order_status', detail: { language: 'en' } });
    expect(nextBefore).toBeNull();
  });

  it('filters and pages without gaps or repeats', async () => {
    const log = createAuditLog({ db: database.db });
    const shop = (await upsertShop(database.db, { domain: 'audit-pages.myshopify.com' })).id;
    for (let i = 0; i < 5; i++) await log.record({ shopId: shop, actor: { kind: 'staff', id: 'admin' }, action: 'blocklist.add', detail: { n: i } });
    await log.record({ shopId: shop, actor: { kind: 'system', id: 'system' }, action: 'retention.purge' });
    const first = await log.list(shop, { action: 'blocklist.add' }, { limit: 2 });
    const second = await log.list(shop, { action: 'blocklist.add' }, { limit: 2, before: first.nextBefore! });
    const third = await log.list(shop, { action: 'blocklist.add' }, { limit: 2, before: second.nextBefore! });
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.detail.n)).toEqual([4, 3, 2, 1, 0]);
    expect(third.nextBefore).toBeNull();
    expect((await log.list(shop, { actorKind: 'system' })).entries).toHaveLength(1);
  });

  it.each([
    ['an email in the detail', { detail: { note: 'sent to jane.tan@example.com' } }, /email/],
    ['a phone number as the subject', { subject: '+65 9123 4567' }, /phone/],
    ['an NRIC in a nested detail', { detail: { reason: { text: 'NRIC S1234567D on file' } } }, /nric/],
    ['a card number', { detail: { card: '4111 1111 1111 1111' } }, /card/],
    ['an unknown actor kind', { actor: { kind: 'robot', id: 'x' } }, /actor/],
    ['an undotted action', { action: 'edit' }, /dotted/],
  ])('refuses an event with %s', async (_case, change, message) => {
    const log = createAuditLog({ db: database.db });
    const event = { shopId, actor: { kind: 'staff' as const, id: 'admin' }, action: 'answers.edit', ...change };
    await expect(log.record(event as never)).rejects.toThrow(message);
  });

  it.each([
    ['a uuid', 'c0a80101-1234-5678-9123-456789012345'],
    ['a pseudonym', 'Zq3v1b0T9c2x8e7r6y5u4i3o2p1a0s9d8f7g6h5j4k3'],
    ['an order reference', 'order:91234567'],
  ])('accepts %s as the subject', async (_case, subject) => {
    const log = createAuditLog({ db: database.db });
    await expect(log.record({ shopId, actor: { kind: 'system', id: 'system' }, action: 'risk.decide', subject })).resolves.toMatchObject({ subject });
  });

  it.each([
    ['UPDATE', sql`update audit_log set action = 'forged.action'`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('refuses %s in the database itself', async (_op, statement) => {
    const before = (await createAuditLog({ db: database.db }).list(shopId)).entries;
    expect(await failure(database.db.execute(statement))).toMatch(/append-only/);
    expect((await createAuditLog({ db: database.db }).list(shopId)).entries).toEqual(before);
  });

  it('refuses a delete even with the erasure flag set for another shop', async () => {
    const attempt = database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('storedesk.erasing_shop', ${otherShop}, true)`);
      await tx.execute(sql`delete from audit_log where shop_id = ${shopId}`);
    });
    expect(await failure(attempt)).toMatch(/append-only/);
  });
});
