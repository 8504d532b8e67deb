import { ActivityTypes } from 'botbuilder';
import { ManualClock } from '../../core/clock';
import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { addBlocklistEntry, decideAppeal, listAppeals } from '../../risk';
import { createTestRiskService } from '../../risk/product-testing';
import type { BotRuntime } from '../create-bot-runtime';
import type { DefaultModels } from '../models';
import { actions, buyerChat, RecordingSender, sharedDefaultModels, testRuntime, texts } from '../testing';
import { blockedLinesFor, createChatAppealNotifier } from './index';

const staff = { kind: 'staff' as const, id: 'reviewer' };
const BLOCKED_DEVICE = 'ring-device-0001';
const ZH_APPELLANT = 'ring-device-0002';
const ANOTHER_BLOCKED = 'ring-device-0003';
const STAFF_REASON = 'Ring of 14 accounts sharing this device';

describe(`a blocked buyer in chat (${testEngine})`, () => {
  let database: Database;
  let shopId: string;
  let defaultModels: DefaultModels;
  let runtime: BotRuntime | undefined;
  let risk: ReturnType<typeof createTestRiskService>;
  const sender = new RecordingSender();
  const clock = new ManualClock('2026-06-03T04:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'kopi-corner.myshopify.com', name: 'Kopi Corner' })).id;
    defaultModels = sharedDefaultModels();
    await defaultModels.get('en');
    risk = createTestRiskService(database, { notifier: createChatAppealNotifier(() => runtime) });
    runtime = testRuntime(database, { defaultModels, clock, risk: risk.service, senders: { test: sender } });
    for (const device of [BLOCKED_DEVICE, ZH_APPELLANT, ANOTHER_BLOCKED]) await addBlocklistEntry(risk.service.deps, shopId, staff, { kind: 'device', value: device, reason: STAFF_REASON });
  }, 60_000);
  afterAll(() => database.close());

  it('refuses a blocked device politely, without the staff reason, and offers an appeal in chat and on the web', async () => {
    const replies = await buyerChat(runtime!, shopId, { deviceId: BLOCKED_DEVICE }).say('how much is shipping?');
    expect(texts(replies)).toEqual([expect.stringMatching(/Sorry, we can't help/)]);
    expect(texts(replies)[0]).not.toMatch(/free on orders|ring|accounts/i);
    expect(actions(replies)).toEqual([
      expect.objectContaining({ type: 'imBack', value: 'Appeal' }),
      expect.objectContaining({ type: 'openUrl', value: expect.stringMatching(/^https:\/\/storedesk\.test\/appeal\?shop=kopi-corner\.myshopify\.com&subject=/) }),
    ]);
  });

  it('collects a statement and optional contact, files the appeal and gives the reference', async () => {
    const chat = buyerChat(runtime!, shopId, { deviceId: BLOCKED_DEVICE });
    expect(texts(await chat.say('Appeal'))).toEqual([expect.stringMatching(/why you think this is a mistake/)]);
    expect(texts(await chat.say('no'))).toEqual([expect.stringMatching(/write a little more/)]);
    expect(texts(await chat.say('This is my own phone; I have only ever ordered coffee beans here.'))).toEqual([expect.stringMatching(/email or phone/)]);
    const filed = await chat.say('buyer@example.com');
    const reference = /reference is (\S+)\./.exec(texts(filed)[0] ?? '')?.[1];
    expect(reference).toBeDefined();
    const [appeal] = await listAppeals(database.pool, shopId, { now: risk.clock.now() });
    expect(appeal).toMatchObject({ reference, channel: 'chat', contact: 'buyer@example.com' });
    expect(texts(await chat.say('how much is shipping?'))[0]).toMatch(new RegExp(`appeal ${reference} is waiting`));
  });

  it('leaves a buyer who is not blocked alone', async () => {
    const replies = await buyerChat(runtime!, shopId, { deviceId: 'an-ordinary-device', clientIp: '203.0.113.9' }).say('how much is shipping?');
    expect(texts(replies)).toEqual([expect.stringMatching(/free on orders over \$50/)]);
  });

  it("sends the reviewer's decision to the conversation the appeal came from", async () => {
    const [appeal] = await listAppeals(database.pool, shopId, { now: risk.clock.now() });
    await decideAppeal(risk.service.deps, shopId, staff, appeal!.id, { outcome: 'lift', message: 'Sorry for the trouble; you can order again.' });
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]!.reference).toMatchObject({ channelId: 'test', conversation: { id: expect.stringMatching(/^test-conversation-/) } });
    expect(sender.sent[0]!.activity.text).toBe(`An update on your appeal ${appeal!.reference}: Sorry for the trouble; you can order again.`);
    clock.advance(61_000);
    const replies = await buyerChat(runtime!, shopId, { deviceId: BLOCKED_DEVICE }).say('how much is shipping?');
    expect(texts(replies)).toEqual([expect.stringMatching(/free on orders over \$50/)]);
  });

  it('gives a blocked buyer who opens the chat the refusal and the appeal options instead of the welcome and its top actions', async () => {
    const replies = await buyerChat(runtime!, shopId, { deviceId: ANOTHER_BLOCKED }).join();
    expect(texts(replies)).toEqual([blockedLinesFor('en').refusal]);
    expect(actions(replies).map((a) => a.title)).toEqual(['Appeal', 'Appeal on the web']);

    const welcomed = await buyerChat(runtime!, shopId, { deviceId: 'an-ordinary-device' }).join();
    expect(texts(welcomed)[0]).toMatch(/^Hi! I'm the automated assistant of Kopi Corner/);
    expect(actions(welcomed).length).toBeGreaterThan(2);
  });

  it("refuses at the greeting in the chat's locale", async () => {
    const chat = buyerChat(runtime!, shopId, { deviceId: ANOTHER_BLOCKED });
    chat.adapter.activeQueue.splice(0);
    await chat.adapter.processActivity(
      { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'buyer', name: 'Buyer' }], locale: 'ta-SG', channelData: { shopId, deviceId: ANOTHER_BLOCKED } },
      (context) => runtime!.bot.run(context),
    );
    await runtime!.flush();
    const replies = chat.adapter.activeQueue.splice(0);
    expect(texts(replies)).toEqual([blockedLinesFor('ta').refusal]);
    expect(actions(replies).map((a) => a.title)).toEqual(['மேல்முறையீடு', 'இணையத்தில் மேல்முறையீடு']);
  });

  it.each([
    ['zh', '我的订单在哪里？'],
    ['ms', 'bila pesanan saya sampai?'],
    ['ta', 'என் ஆர்டர் எங்கே?'],
    ['en', 'where is my order?'],
  ])('refuses in the language the buyer writes (%s), with the appeal buttons in it', async (language, question) => {
    const lines = blockedLinesFor(language);
    const replies = await buyerChat(runtime!, shopId, { deviceId: ANOTHER_BLOCKED }).say(question);
    expect(texts(replies)).toEqual([lines.refusal]);
    expect(actions(replies)).toEqual([
      expect.objectContaining({ type: 'imBack', title: lines.appeal, value: lines.appeal }),
      expect.objectContaining({ type: 'openUrl', title: lines.appealOnWeb, value: expect.stringMatching(/^https:\/\/storedesk\.test\/appeal\?/) }),
    ]);
  });

  it('collects an appeal in Chinese, answers each step in Chinese, and sends the outcome in Chinese', async () => {
    const zh = blockedLinesFor('zh');
    const chat = buyerChat(runtime!, shopId, { deviceId: ZH_APPELLANT });
    expect(texts(await chat.say('你好，请问运费多少？'))).toEqual([zh.refusal]);
    expect(texts(await chat.say('申诉'))).toEqual([zh.askStatement]);
    expect(texts(await chat.say('不是'))).toEqual([zh.statementTooShort]);
    const askContact = await chat.say('这是我自己的手机，我只在这家店买过咖啡豆。');
    expect(texts(askContact)).toEqual([zh.askContact]);
    expect(actions(askContact)).toEqual([expect.objectContaining({ title: '跳过', value: '跳过' })]);
    const filed = texts(await chat.say('跳过'))[0] ?? '';
    const reference = /参考编号是 ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(filed)?.[1];
    expect(reference).toBeDefined();
    expect(filed).toBe(zh.filed(reference!, `https://storedesk.test/appeal?shop=kopi-corner.myshopify.com&ref=${reference}`));
    expect(texts(await chat.say('还要等多久？'))).toEqual([`${zh.refusal}\n\n${zh.alreadyFiled(reference!)}`]);

    const appeal = (await listAppeals(database.pool, shopId, { now: risk.clock.now() })).find((a) => a.reference === reference);
    expect(appeal).toMatchObject({ channel: 'chat', contact: null });
    sender.sent.splice(0);
    await decideAppeal(risk.service.deps, shopId, staff, appeal!.id, { outcome: 'keep', message: '我们复查后决定维持原来的决定。' });
    expect(sender.sent.map((s) => s.activity.text)).toEqual([zh.outcome(reference!, '我们复查后决定维持原来的决定。')]);
  });
});
