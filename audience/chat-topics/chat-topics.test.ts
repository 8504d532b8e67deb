import { ManualClock } from '../../core/clock';
import { createSecretBox } from '../../core/crypto';
import { schema, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createPseudonymizer, type Pseudonymizer } from '../../privacy';
import { audienceSubjectHolder } from '../subject/audience-subject-holder';
import { createChatTopics, type ChatTopicMemory } from './chat-topic-recorder';
import { audienceRetentionTargets } from './chat-topic-retention';
import { chatTopicOf } from './chat-topic-rules';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('chat topics: which intents count', () => {
  it.each<[string, string | undefined]>([
    ['return_policy', 'return-policy'],
    ['shipping_times', 'shipping-times'],
    ['Product.Availability', 'product-availability'],
    ['greeting', undefined],
    ['thanks', undefined],
    ['goodbye', undefined],
    ['None', undefined],
    ['track_order', undefined],
    ['contact_human_agent', undefined],
    ['privacy_request', undefined],
    ['my email is jane@example.com', undefined],
    ['call me at 91234567', undefined],
    ['a'.repeat(65), undefined],
    ['', undefined],
  ])('%p -> %p', (intent, topic) => {
    expect(chatTopicOf(intent)).toBe(topic);
  });
});

describe(`chat topics recorded from linked conversations (${testEngine})`, () => {
  let database: Database;
  let shopId: string;
  let pseudonymizer: Pseudonymizer;
  const clock = new ManualClock(new Date('2026-06-01T10:00:00Z'));
  const errors: unknown[] = [];
  const topics = () => createChatTopics({ pool: database.pool, pseudonymizer, clock, onError: (e) => errors.push(e) });
  const rows = async () =>
    (await database.pool.query<{ subject: string; key_version: number; topic: string; asked_at: Date }>('SELECT subject, key_version, topic, asked_at FROM audience_chat_topics WHERE shop_id = $1 ORDER BY asked_at, topic', [shopId])).rows;
  const subjectOf = (id: number) => pseudonymizer.pseudonymize(shopId, 'customer', id);

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'chat-topics.myshopify.com' })).id;
    pseudonymizer = createPseudonymizer({ db: database.db, secrets: createSecretBox('c'.repeat(64)), clock });
    const stamp = { createdAt: clock.now(), updatedAt: clock.now() };
    await database.db.insert(schema.customers).values([
      { shopId, id: 11, email: 'jane@example.com', ...stamp },
      { shopId, id: 12, ...stamp },
      { shopId, id: 13, redactedAt: clock.now(), ...stamp },
    ]);
    // Orders #1011-#1013 of customers 11-13, #1014 a guest checkout.
    await database.db.insert(schema.orders).values([11, 12, 13, null].map((customerId, i) => ({
      shopId, id: 500 + i, name: `#${1011 + i}`, orderNumber: 1011 + i, customerId, currency: 'SGD', totalPrice: '10', ...stamp,
    })));
  });
  afterAll(async () => database?.close());
  beforeEach(async () => {
    await database.pool.query('DELETE FROM audience_chat_topics');
    errors.length = 0;
  });

  it('stores nothing before the buyer proves who they are, then the earlier topics of the last 24 hours and each later one', async () => {
    const memory: ChatTopicMemory = {};
    const recorder = topics();
    await recorder.noted(memory, shopId, 'shipping_costs');
    clock.advance(23 * HOUR);
    await recorder.noted(memory, shopId, 'return_policy');
    await recorder.noted(memory, shopId, 'greeting');
    expect(await rows()).toEqual([]);
    expect(memory.earlier).toEqual([['shipping-costs', expect.any(Number)], ['return-policy', expect.any(Number)]]);

    clock.advance(2 * HOUR);
    await recorder.linked(memory, shopId, { orderNumber: 1011 });
    // shipping-costs was asked 25 hours before the proof: too long ago to count for this customer.
    expect((await rows()).map((r) => r.topic)).toEqual(['return-policy']);
    expect(memory.earlier).toBeUndefined();

    await recorder.noted(memory, shopId, 'get_refund');
    await recorder.noted(memory, shopId, 'thanks');
    const stored = await rows();
    expect(stored.map((r) => r.topic)).toEqual(['return-policy', 'get-refund']);
    expect(new Set(stored.map((r) => r.subject))).toEqual(new Set([await subjectOf(11)]));
    expect(stored.every((r) => r.key_version === 1)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('ends the link 24 hours after the proof: later topics are only remembered again', async () => {
    const memory: ChatTopicMemory = {};
    await topics().linked(memory, shopId, { orderNumber: 1012 });
    clock.advance(DAY + 1);
    await topics().noted(memory, shopId, 'opening_hours');
    expect(await rows()).toEqual([]);
    expect(memory.link).toBeUndefined();
    expect(memory.earlier).toHaveLength(1);
  });

  it("never links a redacted customer, a guest checkout's order or an unknown order", async () => {
    for (const orderNumber of [1013, 1014, 9999, 99_999_999_999]) {
      const memory: ChatTopicMemory = { earlier: [['invoice', clock.now().getTime()]] };
      await topics().linked(memory, shopId, { orderNumber });
      expect(memory.link).toBeUndefined();
    }
    expect(await rows()).toEqual([]);
  });

  it('stops recording under a pseudonym whose key was rotated (the customer id is not kept to recompute it)', async () => {
    const memory: ChatTopicMemory = {};
    await topics().linked(memory, shopId, { orderNumber: 1012 });
    await pseudonymizer.rotate(shopId);
    await topics().noted(memory, shopId, 'payment_methods');
    expect(await rows()).toEqual([]);
    expect(memory.link).toBeUndefined();
  });

  it('stores topic names only: the table has no column for text, and refuses anything that is not a topic slug', async () => {
    const memory: ChatTopicMemory = {};
    const recorder = topics();
    await recorder.linked(memory, shopId, { orderNumber: 1011 });
    await recorder.noted(memory, shopId, 'my email is jane@example.com');
    await recorder.noted(memory, shopId, 'delivery_options');
    const columns = (await database.pool.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'audience_chat_topics' ORDER BY column_name")).rows.map((r) => r.column_name);
    expect(columns).toEqual(['asked_at', 'key_version', 'shop_id', 'subject', 'topic']);
    const stored = await rows();
    expect(stored.map((r) => r.topic)).toEqual(['delivery-options']);
    expect(JSON.stringify(stored)).not.toMatch(/jane|example|@/);
    await expect(
      database.pool.query('INSERT INTO audience_chat_topics (shop_id, subject, key_version, topic, asked_at) VALUES ($1, $2, 1, $3, now())', [shopId, 'x', 'my email is jane@example.com']),
    ).rejects.toThrow(/audience_chat_topics_topic_is_slug/);
  });

  it("goes with the customer's erasure and is part of their data export", async () => {
    const memory: ChatTopicMemory = {};
    await topics().linked(memory, shopId, { orderNumber: 1011 });
    await topics().noted(memory, shopId, 'invoice');
    const other: ChatTopicMemory = {};
    await topics().linked(other, shopId, { orderNumber: 1012 });
    await topics().noted(other, shopId, 'invoice');
    const holder = audienceSubjectHolder({ pool: database.pool, pseudonymizer });
    expect(await holder.export(shopId, { email: 'jane@example.com' })).toEqual({ profiles: [], chatTopics: [{ topic: 'invoice', askedAt: clock.now() }] });
    expect(await holder.erase(shopId, { customerId: 11 })).toBe(1);
    expect((await rows()).map((r) => r.subject)).toEqual([await subjectOf(12)]);
  });

  it('stores nothing more for a customer erased while the conversation is still linked', async () => {
    const memory: ChatTopicMemory = {};
    await topics().linked(memory, shopId, { orderNumber: 1012 });
    await topics().noted(memory, shopId, 'invoice');
    expect(await rows()).toHaveLength(1);
    const holder = audienceSubjectHolder({ pool: database.pool, pseudonymizer });
    await holder.erase(shopId, { customerId: 12 });
    // The record subject rights keep of the erasure, naming the customer by the same pseudonym.
    await database.db.insert(schema.subjectRequests).values({ shopId, kind: 'customer_redact', subjectRef: await subjectOf(12), counts: { audience: 1 } });
    clock.advance(HOUR);
    await topics().noted(memory, shopId, 'return_policy');
    expect(await rows()).toEqual([]);
    expect(errors).toEqual([]);
    await database.pool.query('DELETE FROM subject_requests WHERE shop_id = $1', [shopId]);
  });

  it('keeps topics for their 180-day window only, whatever the shop\'s raw-data retention', async () => {
    const insert = (daysOld: number) =>
      database.pool.query('INSERT INTO audience_chat_topics (shop_id, subject, key_version, topic, asked_at) VALUES ($1, $2, 1, $3, $4)', [shopId, 's', `t${daysOld}`, new Date(clock.now().getTime() - daysOld * DAY)]);
    for (const days of [1, 179, 181, 400]) await insert(days);
    const [target] = audienceRetentionTargets({ pool: database.pool, clock });
    expect(target!.name).toBe('audience_chat_topics');
    expect(await target!.purge(shopId, new Date(clock.now().getTime() - 30 * DAY))).toBe(2);
    expect((await rows()).map((r) => r.topic)).toEqual(['t179', 't1']);
  });
});
