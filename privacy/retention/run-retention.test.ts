import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { ManualClock } from '../../core/clock';
import { schema, updateShopSettings, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createAuditLog } from '../audit';
import { createRetention } from './run-retention';
import { tableRetentionTargets } from './table-retention-targets';

const DAY = 86_400_000;
const now = new Date('2026-11-30T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const canary = 'my email is canary.buyer@example.com';

describe(`retention on ${testEngine}`, () => {
  let database: Database;
  let shopA: string;
  let shopB: string;
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });

  async function transcript(shopId: string, conversationId: string, age: number) {
    await database.db.insert(schema.botTranscripts).values({ shopId, channelId: 'webchat', conversationId, sender: 'buyer', text: canary, createdAt: daysAgo(age) });
  }
  const texts = async (shopId: string) =>
    (await database.db.select({ c: schema.botTranscripts.conversationId }).from(schema.botTranscripts).where(eq(schema.botTranscripts.shopId, shopId))).map((r) => r.c).sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = (await upsertShop(database.db, { domain: 'retention-a.myshopify.com' })).id;
    shopB = (await upsertShop(database.db, { domain: 'retention-b.myshopify.com' })).id;
    await updateShopSettings(database.db, shopB, { retentionDays: 90 });
    await transcript(shopA, 'a-old', 31);
    await transcript(shopA, 'a-new', 29);
    await transcript(shopB, 'b-40-days', 40);
    await transcript(shopB, 'b-old', 91);
    await database.db.insert(schema.botHandoffs).values([
      { shopId: shopA, channelId: 'webchat', conversationId: 'a-old', status: 'closed', reason: 'requested', language: 'en', reference: {}, createdAt: daysAgo(35), updatedAt: daysAgo(35) },
      { shopId: shopA, channelId: 'webchat', conversationId: 'a-new', status: 'waiting', reason: 'requested', language: 'en', reference: {}, createdAt: daysAgo(2), updatedAt: daysAgo(2) },
    ]);
    await database.db.insert(schema.webhookDeliveries).values([
      { shopId: shopA, webhookId: 'w-done', topic: 'orders/create', payload: { email: 'x@example.com' }, receivedAt: daysAgo(60), processedAt: daysAgo(60) },
      { shopId: shopA, webhookId: 'w-pending', topic: 'orders/create', payload: { email: 'x@example.com' }, receivedAt: daysAgo(60) },
    ]);
  });
  afterAll(() => database.close());

  const retention = () =>
    createRetention({ db: database.db, auditLog: createAuditLog({ db: database.db }), targets: tableRetentionTargets(database.db, new ManualClock(now)), logger, clock: new ManualClock(now) });

  it("deletes only rows older than the shop's retention, in that shop only", async () => {
    const report = await retention().purgeShop(shopA);
    expect(report).toMatchObject({ retentionDays: 30, deleted: { bot_transcripts: 1, bot_handoffs: 1, webhook_deliveries: 1 }, total: 3 });
    expect(await texts(shopA)).toEqual(['a-new']);
    expect(await texts(shopB)).toEqual(['b-40-days', 'b-old']);
    const handoffs = await database.db.select().from(schema.botHandoffs).where(eq(schema.botHandoffs.shopId, shopA));
    expect(handoffs.map((h) => h.conversationId)).toEqual(['a-new']);
    const pending = await database.db.select().from(schema.webhookDeliveries).where(and(eq(schema.webhookDeliveries.shopId, shopA)));
    expect(pending.map((d) => d.webhookId)).toEqual(['w-pending']);
  });

  it("honours each shop's own retention days", async () => {
    const report = await retention().purgeShop(shopB);
    expect(report?.retentionDays).toBe(90);
    expect(await texts(shopB)).toEqual(['b-40-days']);
  });

  it('is idempotent: a second run deletes nothing more', async () => {
    const report = await retention().purgeShop(shopA);
    expect(report?.total).toBe(0);
    expect(await texts(shopA)).toEqual(['a-new']);
  });

  it('audits each run as a system action with counts, and logs counts but never content', async () => {
    const { entries } = await createAuditLog({ db: database.db }).list(shopA, { action: 'retention.purge' });
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ actorKind: 'system', actorId: 'system', detail: { total: 3, deleted: { bot_transcripts: 1 } } });
    expect(lines.join('\n')).toContain('"bot_transcripts":1');
    expect(lines.join('\n')).not.toMatch(/canary|example\.com/);
  });

  it('runs targets supplied by other capabilities', async () => {
    const calls: Array<[string, Date]> = [];
    const custom = { name: 'risk_links', purge: async (shopId: string, olderThan: Date) => (calls.push([shopId, olderThan]), 4) };
    const report = await createRetention({ db: database.db, auditLog: createAuditLog({ db: database.db }), targets: [custom], logger, clock: new ManualClock(now) }).purgeShop(shopA);
    expect(report?.deleted).toEqual({ risk_links: 4 });
    expect(calls).toEqual([[shopA, daysAgo(30)]]);
  });

  it('does nothing for an unknown shop', async () => {
    expect(await retention().purgeShop('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
