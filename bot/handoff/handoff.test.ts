import { ManualClock } from '../../core/clock';
import type { Database } from '../../db';
import { upsertShop, updateShopSettings } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import type { DefaultModels } from '../models';
import { buyerChat, RecordingSender, sharedDefaultModels, testRuntime, texts } from '../testing';

describe(`handoff to a person on ${testEngine}`, () => {
  let database: Database;
  let shopId: string;
  let defaultModels: DefaultModels;
  const clock = new ManualClock('2026-06-03T04:00:00Z'); // Wednesday 12:00 in Singapore
  // As the admin's Settings page saves them.
  const nineToSix = { open: '09:00', close: '18:00' };

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'handoff-shop.myshopify.com', name: 'Handoff Shop' })).id;
    await updateShopSettings(database.db, shopId, { businessHours: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: null, sun: null } });
    defaultModels = sharedDefaultModels();
    await defaultModels.get('en');
  }, 60_000);
  afterAll(() => database.close());

  it('starts on request, stays quiet while a person owns the chat, and resumes when they close it', async () => {
    const sender = new RecordingSender();
    const runtime = testRuntime(database, { defaultModels, clock, senders: { test: sender } });
    const chat = buyerChat(runtime, shopId);
    await chat.say('how much is shipping?');
    const started = await chat.say('Talk to a person');

    const initiate = started.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    const transcript = initiate?.attachments?.[0]?.content as { activities: Array<{ text: string }> };
    expect(transcript.activities.map((a) => a.text)).toEqual(expect.arrayContaining(['how much is shipping?', 'Talk to a person']));
    expect(started).toContainEqual(expect.objectContaining({ type: 'event', name: 'storedesk.handoff', value: expect.objectContaining({ status: 'waiting' }) }));
    expect(texts(started)[0]).toMatch(/asked someone from Handoff Shop to join/);

    expect(await chat.say('hello? anyone?')).toEqual([]);
    const [open] = await runtime.inbox.list(shopId);
    expect(open!.status).toBe('waiting');
    expect(open!.transcript.map((t) => t.text)).toContain('hello? anyone?');

    await runtime.inbox.reply(shopId, open!.id, 'staff:amy', 'Hi, Amy here. Let me check.');
    expect(sender.sent.map((s) => s.activity)).toEqual([
      expect.objectContaining({ type: 'event', name: 'storedesk.handoff', value: expect.objectContaining({ status: 'connected' }) }),
      expect.objectContaining({ type: 'message', text: 'Hi, Amy here. Let me check.' }),
    ]);
    expect(sender.sent[0]!.reference.conversation?.id).toBe(chat.conversationId);
    expect(await chat.say('thanks Amy')).toEqual([]);

    await runtime.inbox.close(shopId, open!.id, 'staff:amy');
    expect(sender.sent.at(-2)!.activity).toMatchObject({ name: 'storedesk.handoff', value: { status: 'closed' } });
    expect(await runtime.inbox.list(shopId)).toEqual([]);
    expect(texts(await chat.say('how much is shipping?'))[0]).toMatch(/free on orders over/);
  });

  it("refuses to reply to another shop's handoff or a closed one", async () => {
    const runtime = testRuntime(database, { defaultModels, clock, senders: { test: new RecordingSender() } });
    const chat = buyerChat(runtime, shopId);
    await chat.say('I want to speak to a human');
    const [open] = await runtime.inbox.list(shopId);
    const otherShop = (await upsertShop(database.db, { domain: 'nosy.myshopify.com' })).id;
    await expect(runtime.inbox.reply(otherShop, open!.id, 'x', 'hi')).rejects.toMatchObject({ status: 404 });
    await runtime.inbox.close(shopId, open!.id, 'staff');
    await expect(runtime.inbox.close(shopId, open!.id, 'staff')).rejects.toMatchObject({ status: 409 });
  });

  it('outside business hours says when someone will answer, in shop time', async () => {
    const saturday = new ManualClock('2026-06-06T04:00:00Z');
    const chat = buyerChat(testRuntime(database, { defaultModels, clock: saturday }), shopId);
    const replies = await chat.say('talk to a person');
    expect(texts(replies)[0]).toMatch(/away right now\. Someone will reply from Monday 09:00 \(Asia\/Singapore time\)/);
  });

  it('starts after repeated low confidence', async () => {
    const chat = buyerChat(testRuntime(database, { defaultModels, clock }), shopId);
    const first = await chat.say('what is the meaning of life');
    expect(first.some((a) => a.name === 'handoff.initiate')).toBe(false);
    const second = await chat.say('purple elephants dance at midnight');
    expect(second.some((a) => a.name === 'handoff.initiate')).toBe(true);
  });
});
