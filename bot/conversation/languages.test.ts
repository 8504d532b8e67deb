import { ManualClock } from '../../core/clock';
import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { loadDefaultCatalog } from '../../training';
import { buyerChat, sharedDefaultModels, testRuntime, texts } from '../testing';

describe(`languages on ${testEngine}`, () => {
  let database: Database;
  let shopId: string;
  const models = sharedDefaultModels();
  const englishOnly = sharedDefaultModels({ ...loadDefaultCatalog(), languages: ['en'] });
  const clock = new ManualClock('2026-06-03T04:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'lang-shop.myshopify.com', name: 'Lang Shop' })).id;
    await Promise.all([models.get('en'), models.get('ms'), models.get('zh'), englishOnly.get('en')]);
  }, 120_000);
  afterAll(() => database.close());

  it('answers each message in its language and keeps the conversation language for short lines', async () => {
    const chat = buyerChat(testRuntime(database, { defaultModels: models, clock }), shopId);
    expect(texts(await chat.say('how much is shipping?'))[0]).toMatch(/free on orders over/);
    expect(texts(await chat.say('我的订单在哪里？'))[0]).toMatch(/订单号/);
    expect(texts(await chat.say('bila pesanan saya sampai?'))[0]).toMatch(/nombor pesanan/);
    expect(texts(await chat.say('#77777 a@example.com'))[0]).toMatch(/tidak dapat memadankan/);
  });

  it('offers a person in English for a language the shop has no model for', async () => {
    const chat = buyerChat(testRuntime(database, { defaultModels: englishOnly, clock }), shopId);
    expect(texts(await chat.say('bila pesanan saya sampai?'))).toEqual(["Sorry, I can't answer in your language yet. Would you like to talk to a person?"]);
    expect(texts(await buyerChat(testRuntime(database, { defaultModels: models, clock }), shopId).say('คำสั่งซื้อของฉันอยู่ที่ไหน'))[0]).toMatch(/can't answer in your language/);
  });
});
