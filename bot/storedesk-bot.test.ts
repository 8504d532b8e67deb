import { eq } from 'drizzle-orm';
import { ManualClock } from '../core/clock';
import type { Database } from '../db';
import { schema, upsertShop, updateShopSettings } from '../db';
import { createTestDatabase, testEngine } from '../db/testing';
import { listCorpusTurns } from '../training/corpus';
import { listReviewItems } from '../training/review-queue';
import type { DefaultModels } from './models';
import { actions, buyerChat, memoryLogger, sharedDefaultModels, testRuntime, texts } from './testing';

describe(`the bot's conversations on ${testEngine}`, () => {
  let database: Database;
  let shopId: string;
  let defaultModels: DefaultModels;
  const clock = new ManualClock('2026-06-03T04:00:00Z'); // a Wednesday, 12:00 in Singapore

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'kopi-corner.myshopify.com', name: 'Kopi Corner' })).id;
    defaultModels = sharedDefaultModels();
    await defaultModels.get('en');
  }, 60_000);
  afterAll(() => database.close());

  const runtime = () => testRuntime(database, { defaultModels, clock });

  it('greets a new buyer as an automated assistant, links the privacy notice and offers top actions', async () => {
    const chat = buyerChat(runtime(), 'kopi-corner.myshopify.com');
    const replies = await chat.join();
    expect(texts(replies)).toHaveLength(1);
    expect(texts(replies)[0]).toMatch(/automated assistant.*not a person/);
    const offered = actions(replies);
    expect(offered).toContainEqual(expect.objectContaining({ type: 'openUrl', value: 'https://kopi-corner.myshopify.com/policies/privacy-policy' }));
    expect(offered.filter((a) => a.type === 'imBack').map((a) => a.value)).toEqual(expect.arrayContaining(['track_order', 'contact_human_agent']));
  });

  it("links the shop's own privacy notice when it set one", async () => {
    await updateShopSettings(database.db, shopId, { privacyNoticeUrl: 'https://kopi.example/privacy' });
    const replies = await buyerChat(runtime(), shopId).join();
    expect(texts(replies)[0]).toContain('https://kopi.example/privacy');
    await updateShopSettings(database.db, shopId, { privacyNoticeUrl: null });
  });

  it.each([
    ['how much is shipping?', /free on orders over \$50/],
    ['can I pay with PayNow', /PayNow/],
    ['I want to return an item', /return unused items within 30 days/],
  ])('answers "%s" from the catalog', async (question, answer) => {
    const replies = await buyerChat(runtime(), shopId).say(question);
    expect(texts(replies)).toEqual([expect.stringMatching(answer)]);
  });

  it('makes shop-relative catalog links absolute and answers a pressed button (an intent id) directly', async () => {
    const replies = await buyerChat(runtime(), shopId).say('return_policy');
    expect(actions(replies)).toContainEqual(expect.objectContaining({ type: 'openUrl', value: 'https://kopi-corner.myshopify.com/policies/refund-policy' }));
  });

  it("answers with the merchant's override instead of the default answer", async () => {
    await database.db.insert(schema.botAnswerOverrides).values({ shopId, intent: 'shipping_costs', language: 'en', answer: { text: 'Shipping is always free at Kopi Corner.' } });
    const replies = await buyerChat(runtime(), shopId).say('how much is shipping?');
    expect(texts(replies)).toEqual(['Shipping is always free at Kopi Corner.']);
    await database.db.delete(schema.botAnswerOverrides).where(eq(schema.botAnswerOverrides.shopId, shopId));
  });

  it('keeps the raw turn in the transcript and only a redacted copy in the training corpus', async () => {
    const chat = buyerChat(runtime(), shopId);
    await chat.say('hi, I am Tan Wei Ming, how much is shipping to 91234567?');
    const raw = await database.db.select().from(schema.botTranscripts).where(eq(schema.botTranscripts.conversationId, chat.conversationId));
    expect(raw.map((r) => r.sender)).toEqual(['buyer', 'bot']);
    expect(raw[0]!.text).toContain('91234567');
    const corpus = await listCorpusTurns(database.db, shopId);
    const turn = corpus.find((c) => c.text.includes('shipping'));
    expect(turn?.text).not.toContain('91234567');
    expect(turn?.text).toContain('<PHONE>');
  });

  it('when unsure, says so, offers the top suggestions and a person, and queues only redacted text for trainers', async () => {
    const chat = buyerChat(runtime(), shopId);
    await chat.say('how much is shipping?');
    const replies = await chat.say('my email is jane.tan@example.com, what is the meaning of life');
    expect(texts(replies)[0]).toMatch(/not sure/);
    const buttons = actions(replies).map((a) => a.title);
    expect(buttons).toContain('Talk to a person');
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    const [item] = await listReviewItems(database.db, shopId);
    expect(item!.text).toContain('<EMAIL>');
    expect(JSON.stringify(item)).not.toContain('jane.tan@example.com');
    expect(item!.context).toEqual(['how much is shipping?']);
    expect(item!.topIntents).toHaveLength(3);
    expect(item!.answer).toMatch(/not sure/);
  });

  it("offers the shop's main topics, not small talk, when nothing it knows is likely", async () => {
    const replies = await buyerChat(runtime(), shopId).say('asdf qwerty zxcv');
    expect(texts(replies)[0]).toMatch(/not sure/);
    const buttons = actions(replies).map((a) => a.title);
    expect(buttons).toContain('Talk to a person');
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    expect(buttons.filter((title) => /^(hi|hello|thanks|thank you|bye|goodbye)\b/i.test(title))).toEqual([]);
  });

  it("uses the shop's threshold: at 1.0 even a clear question is 'not sure'", async () => {
    await updateShopSettings(database.db, shopId, { botConfidenceThreshold: 1 });
    const replies = await buyerChat(runtime(), shopId).say('can I pay with PayNow');
    expect(texts(replies)[0]).toMatch(/not sure/);
    await updateShopSettings(database.db, shopId, { botConfidenceThreshold: null });
  });

  it('answers "not connected" and stores nothing when the channel names no known shop', async () => {
    const chat = buyerChat(runtime(), 'no-such-shop.myshopify.com');
    expect(texts(await chat.say('hello'))).toEqual([expect.stringMatching(/isn't connected to a shop/)]);
    const rows = await database.db.select().from(schema.botConversations).where(eq(schema.botConversations.conversationId, chat.conversationId));
    expect(rows).toHaveLength(0);
  });

  it('when a turn crashes, the buyer gets an apology and the log holds no personal data or error message', async () => {
    const { logger, lines } = memoryLogger();
    const failing: DefaultModels = {
      languages: () => ['en'],
      get: async () => {
        throw new Error('model store exploded for jane.tan@example.com');
      },
    };
    const chat = buyerChat(testRuntime(database, { defaultModels: failing, logger, clock }), shopId);
    const replies = await chat.say('hi, my email is jane.tan@example.com');
    expect(texts(replies)).toEqual(['Sorry, something went wrong on my side. Please try again in a moment.']);
    const log = lines.join('\n');
    expect(log).toContain('bot turn failed');
    expect(log).not.toContain('jane.tan');
    expect(log).not.toContain('exploded');
  });
});
