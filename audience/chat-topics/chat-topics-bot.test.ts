import { ManualClock } from '../../core/clock';
import { createSecretBox } from '../../core/crypto';
import { schema, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { buyerChat, sharedDefaultModels, testRuntime, texts } from '../../bot/testing';
import type { BotRuntime } from '../../bot';
import { createPseudonymizer, type Pseudonymizer } from '../../privacy';
import { createChatTopics } from './chat-topic-recorder';

// Buttons send the intent id as their text, so these turns are recognised with certainty whatever the model.
describe(`chat topics from real bot turns (${testEngine})`, () => {
  let database: Database;
  let shopId: string;
  let pseudonymizer: Pseudonymizer;
  let runtime: BotRuntime;
  const clock = new ManualClock(new Date('2026-06-03T04:00:00Z'));
  const rows = async () =>
    (await database.pool.query<Record<string, unknown>>('SELECT * FROM audience_chat_topics WHERE shop_id = $1 ORDER BY asked_at, topic', [shopId])).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'chat-topics-bot.myshopify.com', name: 'Topics' })).id;
    pseudonymizer = createPseudonymizer({ db: database.db, secrets: createSecretBox('a'.repeat(64)), clock });
    const at = clock.now();
    await database.db.insert(schema.customers).values({ shopId, id: 21, email: 'jane.tan@example.com', createdAt: at, updatedAt: at });
    await database.db.insert(schema.orders).values({
      shopId, id: 7001, name: '#1042', orderNumber: 1042, customerId: 21, email: 'jane.tan@example.com', financialStatus: 'PAID', currency: 'SGD', totalPrice: '42.00', createdAt: at, updatedAt: at,
    });
    const defaultModels = sharedDefaultModels();
    await defaultModels.get('en');
    runtime = testRuntime(database, { defaultModels, clock, chatTopics: createChatTopics({ pool: database.pool, pseudonymizer, clock, onError: (e) => { throw e; } }) });
  }, 60_000);
  afterAll(async () => database?.close());

  it('stores nothing for a buyer who never proves who they are, nor for a lookup that does not match', async () => {
    const chat = buyerChat(runtime, shopId);
    await chat.say('return_policy');
    await chat.say('shipping_times');
    expect(texts(await chat.say('#1042 mallory@example.com'))[0]).toMatch(/couldn't match/);
    await chat.say('payment_methods');
    expect(await rows()).toEqual([]);
  });

  it('after the order-status proof, stores the earlier and later topics under the pseudonym, and no words', async () => {
    const chat = buyerChat(runtime, shopId);
    await chat.say('return_policy');
    await chat.say('greeting');
    expect(await rows()).toEqual([]);
    expect(texts(await chat.say('where is order #1042? jane.tan@example.com'))[0]).toMatch(/Order #1042/);
    clock.advance(60_000);
    await chat.say('shipping_times');
    await chat.say('thanks');
    await chat.say('my email is jane.tan@example.com, I live at 12 Orchard Road, order 1042');
    const stored = await rows();
    expect(stored.slice(0, 2).map((r) => r.topic)).toEqual(['return-policy', 'shipping-times']);
    expect(stored.every((r) => typeof r.topic === 'string' && /^[a-z0-9-]+$/.test(r.topic))).toBe(true);
    expect(new Set(stored.map((r) => r.subject))).toEqual(new Set([await pseudonymizer.pseudonymize(shopId, 'customer', 21)]));
    expect(Object.keys(stored[0]!).sort()).toEqual(['asked_at', 'key_version', 'shop_id', 'subject', 'topic']);
    expect(JSON.stringify(stored)).not.toMatch(/jane|tan@|example|orchard|1042/i);
  });
});
