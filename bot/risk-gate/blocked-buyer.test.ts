import { ManualClock } from '../../core/clock';
import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { addBlocklistEntry, decideAppeal, listAppeals } from '../../risk';
import { createTestRiskService } from '../../risk/product-testing';
import type { BotRuntime } from '../create-bot-runtime';
import type { DefaultModels } from '../models';
import { actions, buyerChat, RecordingSender, sharedDefaultModels, testRuntime, texts } from '../testing';
import { createChatAppealNotifier } from './index';

const staff = { kind: 'staff' as const, id: 'reviewer' };
const BLOCKED_DEVICE = 'ring-device-0001';
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
    await addBlocklistEntry(risk.service.deps, shopId, staff, { kind: 'device', value: BLOCKED_DEVICE, reason: STAFF_REASON });
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
});
