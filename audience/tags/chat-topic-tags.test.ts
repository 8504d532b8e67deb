import { ManualClock } from '../../core/clock';
import { createSecretBox } from '../../core/crypto';
import { schema, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createPseudonymizer, type Pseudonymizer } from '../../privacy';
import { insertChatTopics } from '../chat-topics';
import { refreshAllTags } from './refresh-all-tags';
import { refreshSomeTags } from './refresh-some-tags';

const AS_OF = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(AS_OF.getTime() - d * 86_400_000);

// Weight of one question d days old: 0.5^(d/30). 0 -> 1, 5 -> 0.891, 10 -> 0.794, 29 -> 0.512, 31 -> 0.489,
// 40 -> 0.397, 50 -> 0.315, 60 -> 0.25, 100 -> 0.099. A topic counts with a total of at least 0.5; top 3.
const TOPICS: Record<number, Array<[string, number]>> = {
  // payment-methods 1, invoice 0.891, return-policy 0.794, shipping-times 0.397 + 0.315 = 0.712 (4th: left out),
  // discount-codes 0.489 (under 0.5).
  1: [['payment-methods', 0], ['invoice', 5], ['return-policy', 10], ['shipping-times', 40], ['shipping-times', 50], ['discount-codes', 31]],
  // opening-hours 0.489 + 0.25 = 0.739, newsletter 0.512; complaint 0.099, and once 200 days ago (outside the window).
  2: [['newsletter', 29], ['opening-hours', 31], ['opening-hours', 60], ['complaint', 100], ['complaint', 200]],
  // Redacted customer: no profile, and the refresh deletes their topics.
  3: [['invoice', 1]],
};

describe(`chat-topic tags (${testEngine})`, () => {
  let database: Database;
  let shopId: string;
  let pseudonymizer: Pseudonymizer;
  const clock = new ManualClock(AS_OF);
  const deps = () => ({ pool: database.pool, pseudonymizer, clock });
  const chatTags = async (customerId: number) => {
    const subject = await pseudonymizer.pseudonymize(shopId, 'customer', customerId);
    const { rows } = await database.pool.query<{ tags: string[] }>('SELECT tags FROM audience_profiles WHERE shop_id = $1 AND subject = $2', [shopId, subject]);
    return rows[0]?.tags.filter((t) => t.startsWith('chat-topic:'));
  };
  const topicRows = async () => (await database.pool.query<{ topic: string; key_version: number }>('SELECT topic, key_version FROM audience_chat_topics WHERE shop_id = $1 ORDER BY topic', [shopId])).rows;
  const store = async (customerId: number, topics: Array<[string, number]>) => {
    const [current] = await pseudonymizer.pseudonymizeAllVersions(shopId, 'customer', customerId);
    await insertChatTopics(database.pool, shopId, { subject: current!.pseudonym, keyVersion: current!.version }, topics.map(([topic, days]) => [topic, daysAgo(days)] as const));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'chat-topic-tags.myshopify.com' })).id;
    pseudonymizer = createPseudonymizer({ db: database.db, secrets: createSecretBox('e'.repeat(64)), clock });
    const stamp = { createdAt: daysAgo(400), updatedAt: daysAgo(1) };
    await database.db.insert(schema.customers).values([
      { shopId, id: 1, ...stamp },
      { shopId, id: 2, ...stamp },
      { shopId, id: 3, redactedAt: daysAgo(1), ...stamp },
      { shopId, id: 4, ...stamp },
    ]);
    for (const [id, topics] of Object.entries(TOPICS)) await store(Number(id), topics);
    // Under a pseudonym of no customer (one since deleted), and a question dated after the refresh.
    await insertChatTopics(database.pool, shopId, { subject: 'gone-customer', keyVersion: 1 }, [['invoice', daysAgo(1)]]);
    await store(4, [['newsletter', -1]]);
  });
  afterAll(async () => database?.close());

  it('gives each customer the top 3 topics by recency weight, heaviest first, in a full refresh', async () => {
    await refreshAllTags(deps(), shopId);
    expect(await chatTags(1)).toEqual(['chat-topic:payment-methods', 'chat-topic:invoice', 'chat-topic:return-policy']);
    expect(await chatTags(2)).toEqual(['chat-topic:opening-hours', 'chat-topic:newsletter']);
    expect(await chatTags(3)).toBeUndefined();
    expect(await chatTags(4)).toEqual([]);
  });

  it("deletes the topics of redacted and unknown customers and those past the window, keeping a question asked after the refresh's date", async () => {
    const topics = (await topicRows()).map((r) => r.topic);
    expect(topics.filter((t) => t === 'complaint')).toHaveLength(1);
    expect(topics.filter((t) => t === 'invoice')).toHaveLength(1);
    expect(topics).toContain('newsletter');
    expect(topics).toHaveLength(TOPICS[1]!.length + TOPICS[2]!.length - 1 + 1);
  });

  it('counts a new topic in an incremental refresh of that customer', async () => {
    await store(2, [['product-availability', 0]]);
    expect(await refreshSomeTags(deps(), shopId, { customerIds: [2] })).toBe(1);
    expect(await chatTags(2)).toEqual(['chat-topic:product-availability', 'chat-topic:opening-hours', 'chat-topic:newsletter']);
  });

  it('moves topics to the new pseudonyms after a key rotation, and drops them once the old key is retired', async () => {
    await pseudonymizer.rotate(shopId);
    await store(1, [['delivery-options', 2]]);
    await refreshAllTags(deps(), shopId);
    expect((await topicRows()).every((r) => r.key_version === 2)).toBe(true);
    expect(await chatTags(1)).toEqual(['chat-topic:payment-methods', 'chat-topic:delivery-options', 'chat-topic:invoice']);
    expect(await chatTags(2)).toEqual(['chat-topic:product-availability', 'chat-topic:opening-hours', 'chat-topic:newsletter']);

    await insertChatTopics(database.pool, shopId, { subject: 'under-a-retired-key', keyVersion: 1 }, [['invoice', daysAgo(1)]]);
    await pseudonymizer.retireOldKeys(shopId);
    await refreshAllTags(deps(), shopId);
    expect((await topicRows()).every((r) => r.key_version === 2)).toBe(true);
    expect(await chatTags(1)).toHaveLength(3);
  });
});
