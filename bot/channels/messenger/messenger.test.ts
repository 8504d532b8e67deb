import { and, eq } from 'drizzle-orm';
import { ManualClock } from '../../../core/clock';
import { createSecretBox } from '../../../core/crypto';
import { schema, upsertShop, type Database } from '../../../db';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { EchoBot, startTestServer } from '../testing';
import { createMessengerChannel, hubSignature, startFakeGraphApi, type FakeGraphApi, type MessengerChannel } from './index';

const APP_SECRET = 'app-secret-for-tests';
const VERIFY = 'verify-me';
const PAGE = '1111';
const HOUR = 3_600_000;

describe(`the Messenger channel (${testEngine})`, () => {
  let database: Database;
  let graph: FakeGraphApi;
  let channel: MessengerChannel;
  let app: Awaited<ReturnType<typeof startTestServer>>;
  let shopId: string;
  const clock = new ManualClock('2026-03-01T10:00:00Z');
  let nextPsid = 1;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'tea-house.myshopify.com' })).id;
    graph = await startFakeGraphApi({ pageTokens: ['page-token'] });
    const bot = new EchoBot();
    channel = createMessengerChannel({
      db: database.db,
      secretBox: createSecretBox('12'.repeat(32)),
      appSecret: APP_SECRET,
      verifyToken: VERIFY,
      graphBaseUrl: graph.baseUrl,
      logic: (context) => bot.run(context),
      clock,
    });
    await channel.connectPage({ pageId: PAGE, shopId, accessToken: 'page-token', humanAppId: '263902037430900' });
    app = await startTestServer([channel.routes]);
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
    await database.close();
  });
  beforeEach(() => {
    graph.calls.length = 0;
  });

  const newPsid = () => `psid-${nextPsid++}`;
  const messaging = (psid: string, message: Record<string, unknown>, key: 'messaging' | 'standby' = 'messaging', pageId = PAGE) => ({
    object: 'page',
    entry: [{ id: pageId, time: clock.now().getTime(), [key]: [{ sender: { id: psid }, recipient: { id: pageId }, timestamp: clock.now().getTime(), ...message }] }],
  });
  const post = (body: unknown, signature?: string) => {
    const raw = JSON.stringify(body);
    return fetch(`${app.base}/webhooks/messenger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature ?? hubSignature(raw, APP_SECRET) },
      body: raw,
    });
  };
  const sends = () => graph.calls.filter((call) => call.path === '/me/messages');
  const threadOf = async (psid: string) =>
    (await database.db.select().from(schema.messengerThreads).where(and(eq(schema.messengerThreads.shopId, shopId), eq(schema.messengerThreads.psid, psid))))[0];

  it.each([
    ['the right verify token', `hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=12345`, 200, '12345'],
    ['a wrong verify token', 'hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345', 403, undefined],
    ['no challenge', `hub.mode=subscribe&hub.verify_token=${VERIFY}`, 400, undefined],
  ])('answers the verify challenge with %s', async (_name, query, status, echoed) => {
    const res = await fetch(`${app.base}/webhooks/messenger?${query}`);
    expect(res.status).toBe(status);
    if (echoed) expect(await res.text()).toBe(echoed);
  });

  it.each([
    ['a signature made with another secret', hubSignature('{}', 'other-secret')],
    ['no sha256= prefix', 'deadbeef'],
    ['an empty header', ''],
  ])('answers 401 and processes nothing for %s', async (_name, signature) => {
    const psid = newPsid();
    const res = await post(messaging(psid, { message: { mid: 'm1', text: 'hello' } }), signature);
    expect(res.status).toBe(401);
    expect(graph.calls).toEqual([]);
    expect(await threadOf(psid)).toBeUndefined();
  });

  it('answers a message through the Send API as a RESPONSE and opens the 24-hour window', async () => {
    const psid = newPsid();
    const res = await post(messaging(psid, { message: { mid: 'm1', text: 'hello' } }));
    expect(res.status).toBe(200);
    expect(sends()).toEqual([
      {
        path: '/me/messages',
        pageToken: 'page-token',
        body: { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: 'You said: hello', quick_replies: [{ content_type: 'text', title: 'Opening hours', payload: 'Opening hours' }] } },
      },
    ]);
    expect((await threadOf(psid))?.lastUserMessageAt?.toISOString()).toBe(clock.now().toISOString());
  });

  it('reads a quick reply by its payload', async () => {
    await post(messaging(newPsid(), { message: { mid: 'm2', text: 'Opening hours', quick_reply: { payload: 'opening hours' } } }));
    expect(sends()[0]?.body.message.text).toBe('We are open 9am to 6pm, Monday to Friday.');
  });

  it('caps quick replies at 13 with titles of at most 20 characters, which Graph accepts', async () => {
    await post(messaging(newPsid(), { message: { mid: 'm3', text: 'menu' } }));
    const [sent] = sends();
    const replies = sent!.body.message.quick_replies as { title: string; payload: string }[];
    expect(replies).toHaveLength(13);
    for (const reply of replies) expect(Array.from(reply.title).length).toBeLessThanOrEqual(20);
    expect(replies[0]).toEqual({ content_type: 'text', title: 'Product category nu…', payload: 'Product category number 1' });
    expect(sent && graph.calls.length).toBe(1);
  });

  it('refuses a bot message outside the 24-hour window unless it is tagged', async () => {
    const psid = newPsid();
    await post(messaging(psid, { message: { mid: 'm4', text: 'hello' } }));
    graph.calls.length = 0;
    clock.advance(25 * HOUR);
    const reference = { conversation: { id: `${psid}-${PAGE}` } as never, user: { id: psid, name: '' }, bot: { id: PAGE, name: '' } };
    await expect(channel.adapter.continueConversation(reference, async (context) => void (await context.sendActivity('Your parcel has shipped')))).rejects.toMatchObject({ code: 'messenger_window_closed', status: 409 });
    expect(sends()).toEqual([]);
    await channel.adapter.continueConversation(reference, async (context) => void (await context.sendActivity({ text: 'Your parcel has shipped', channelData: { tag: 'POST_PURCHASE_UPDATE' } })));
    expect(sends()[0]?.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' });
  });

  it('tags staff replies HUMAN_AGENT after 24 hours and refuses them after 7 days', async () => {
    const psid = newPsid();
    await post(messaging(psid, { message: { mid: 'm5', text: 'hello' } }));
    graph.calls.length = 0;
    const reference = { conversation: { id: `${psid}-${PAGE}` } as never, user: { id: psid, name: '' }, bot: { id: PAGE, name: '' } };
    await channel.sender.send(reference, { type: 'message', text: 'Hi, Mei here.' });
    expect(sends()[0]?.body).toMatchObject({ messaging_type: 'RESPONSE', message: { text: 'Hi, Mei here.' } });
    expect(sends()[0]?.body.tag).toBeUndefined();
    clock.advance(3 * 24 * HOUR);
    await channel.sender.send(reference, { type: 'message', text: 'Following up.' });
    expect(sends()[1]?.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    clock.advance(5 * 24 * HOUR);
    await expect(channel.sender.send(reference, { type: 'message', text: 'Too late.' })).rejects.toMatchObject({ code: 'messenger_window_closed' });
    expect(sends()).toHaveLength(2);
  });

  it('passes the thread to the page inbox when staff take over, stays quiet on standby, and takes it back when they close', async () => {
    const psid = newPsid();
    await post(messaging(psid, { message: { mid: 'm6', text: 'talk to a person' } }));
    expect(sends().map((call) => call.body.message.text)).toEqual(['Let me find someone for you.', 'Waiting for a member of staff to join…']);
    const reference = { conversation: { id: `${psid}-${PAGE}` } as never, user: { id: psid, name: '' }, bot: { id: PAGE, name: '' } };
    graph.calls.length = 0;
    await channel.sender.send(reference, { type: 'event', name: 'storedesk.handoff', value: { status: 'connected', message: 'Mei has joined.' } });
    expect(graph.calls.map((call) => call.path)).toEqual(['/me/messages', '/me/pass_thread_control']);
    expect(graph.calls[1]?.body).toMatchObject({ recipient: { id: psid }, target_app_id: '263902037430900' });
    expect((await threadOf(psid))?.owner).toBe('human');

    graph.calls.length = 0;
    await post(messaging(psid, { message: { mid: 'm7', text: 'are you there?' } }, 'standby'));
    expect(graph.calls).toEqual([]);

    await channel.sender.send(reference, { type: 'event', name: 'storedesk.handoff', value: { status: 'closed' } });
    expect(graph.calls.map((call) => call.path)).toEqual(['/me/take_thread_control']);
    expect((await threadOf(psid))?.owner).toBe('bot');
  });

  it('records the owner when the page inbox passes the thread back', async () => {
    const psid = newPsid();
    await post(messaging(psid, { take_thread_control: { previous_owner_app_id: '1' } }));
    expect((await threadOf(psid))?.owner).toBe('human');
    await post(messaging(psid, { pass_thread_control: { new_owner_app_id: '2' } }));
    expect((await threadOf(psid))?.owner).toBe('bot');
    expect(graph.calls).toEqual([]);
  });

  it('ignores echoes and pages no shop has connected, answering 200', async () => {
    expect((await post(messaging(newPsid(), { message: { mid: 'e', text: 'echo', is_echo: true } }))).status).toBe(200);
    expect((await post(messaging(newPsid(), { message: { mid: 'x', text: 'hi' } }, 'messaging', '9999'))).status).toBe(200);
    expect(graph.calls).toEqual([]);
  });

  it('answers 400 to a signed body that is not a page webhook', async () => {
    const res = await post({ object: 'instagram', entry: 'nope' });
    expect(res.status).toBe(400);
  });
});
