import WebSocket from 'ws';
import { upsertShop, type Database } from '../../../db';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { EchoBot, startTestServer } from '../testing';
import { createDirectLineChannel, createDirectLineTokens, type DirectLineChannel, type DirectLineRates } from './index';

const KEY = 'ab'.repeat(32);
// Responses are read loosely; the assertions say what they must hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe(`the built-in Direct Line (${testEngine})`, () => {
  let database: Database;
  let channel: DirectLineChannel;
  let app: Awaited<ReturnType<typeof startTestServer>>;
  let base: string;

  async function startApp(rates?: Partial<DirectLineRates>) {
    const bot = new EchoBot();
    const made = await createDirectLineChannel({ database, encryptionKey: KEY, logic: (context) => bot.run(context), rates });
    const started = await startTestServer([made.routes]);
    return { channel: made, app: started };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await upsertShop(database.db, { domain: 'tea-house.myshopify.com', name: 'Tea House' });
    ({ channel, app } = await startApp({ perConversation: { limit: 5, windowMs: 60_000 }, generatePerIp: { limit: 1000, windowMs: 60_000 } }));
    base = `${app.base}/v3/directline`;
  });
  afterAll(async () => {
    await channel.close();
    await app.close();
    await database.close();
  });

  const call = async (method: string, path: string, token?: string, body?: unknown, raw?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${base}${path}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    return { status: res.status, headers: res.headers, body: (await res.json().catch(() => ({}))) as Json };
  };
  const say = (text: string) => ({ type: 'message', text, from: { id: 'anyone' }, channelData: { clientActivityID: `c-${text}` } });

  async function startConversation() {
    const generated = await call('POST', '/tokens/generate', undefined, { shop: 'tea-house.myshopify.com', deviceId: 'device-1234567' });
    expect(generated.status).toBe(200);
    const started = await call('POST', '/conversations', generated.body.token, {});
    return started;
  }

  it('starts a conversation from a shop token and greets the buyer with suggested actions', async () => {
    const started = await startConversation();
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 3600 });
    expect(started.body.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${started.body.conversationId}/stream\\?t=`));
    const polled = await call('GET', `/conversations/${started.body.conversationId}/activities`, started.body.token);
    expect(polled.body.watermark).toBe('1');
    expect(polled.body.activities[0]).toMatchObject({ type: 'message', from: { role: 'bot' }, suggestedActions: { actions: [{ title: 'Opening hours' }, { title: 'Talk to a person' }] } });
  });

  it('refuses a token exchange for a shop that is not installed (404) or not named (400)', async () => {
    expect((await call('POST', '/tokens/generate', undefined, { shop: 'nobody.myshopify.com' })).status).toBe(404);
    expect((await call('POST', '/tokens/generate', undefined, {})).status).toBe(400);
  });

  it('stores a posted message with the server-set user and shop, and the bot reply follows it after the watermark', async () => {
    const { body: conv } = await startConversation();
    const posted = await call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, { ...say('hello'), channelData: { shopId: 'someone-else', clientActivityID: 'c1' } });
    expect(posted.status).toBe(200);
    expect(posted.body.id).toBe(`${conv.conversationId}|0000002`);
    const after = await call('GET', `/conversations/${conv.conversationId}/activities?watermark=1`, conv.token);
    expect(after.body.watermark).toBe('3');
    const [echo, reply] = after.body.activities;
    expect(echo).toMatchObject({ id: posted.body.id, text: 'hello', from: { role: 'user' }, channelData: { clientActivityID: 'c1', deviceId: 'device-1234567' } });
    expect(echo.from.id).toMatch(/^dl_/);
    expect(echo.channelData.shopId).not.toBe('someone-else');
    expect(reply).toMatchObject({ text: 'You said: hello', replyToId: posted.body.id, from: { role: 'bot' } });
    const none = await call('GET', `/conversations/${conv.conversationId}/activities?watermark=3`, conv.token);
    expect(none.body).toEqual({ activities: [], watermark: '3' });
  });

  it('replays from the watermark when the socket connects, then streams new activities', async () => {
    const { body: conv } = await startConversation();
    await call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, say('first'));
    const socket = new WebSocket(`${conv.streamUrl}&watermark=1`);
    const sets: Json[] = [];
    socket.on('message', (data) => String(data) && sets.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    await waitFor(() => sets.length >= 1);
    expect(sets[0]!.activities.map((a: Json) => a.text)).toEqual(['first', 'You said: first']);
    await call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, say('opening hours?'));
    await waitFor(() => sets.flatMap((set) => set.activities).length >= 4);
    expect(sets.flatMap((set) => set.activities).map((a: Json) => a.text)).toEqual(['first', 'You said: first', 'opening hours?', 'We are open 9am to 6pm, Monday to Friday.']);
    expect(sets.at(-1)!.watermark).toBe('5');
    socket.close();
  });

  it('refreshes a token into a new one that works for the same conversation', async () => {
    const { body: conv } = await startConversation();
    const refreshed = await call('POST', '/tokens/refresh', conv.token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(conv.conversationId);
    expect((await call('GET', `/conversations/${conv.conversationId}/activities`, refreshed.body.token)).status).toBe(200);
    const reconnected = await call('GET', `/conversations/${conv.conversationId}?watermark=1`, refreshed.body.token);
    expect(reconnected.body.streamUrl).toMatch(/watermark=1$/);
  });

  it("answers 403 when one conversation's token reads or writes another conversation, over HTTP and socket", async () => {
    const { body: mine } = await startConversation();
    const { body: theirs } = await startConversation();
    expect((await call('GET', `/conversations/${theirs.conversationId}/activities`, mine.token)).status).toBe(403);
    expect((await call('POST', `/conversations/${theirs.conversationId}/activities`, mine.token, say('hi'))).status).toBe(403);
    const status = await upgradeStatus(theirs.streamUrl.replace(/t=[^&]+/, `t=${mine.token}`));
    expect(status).toBe(403);
  });

  it.each([
    ['no token', undefined],
    ['garbage', 'not-a-token'],
    ['a token signed with another key', 'OTHER'],
  ])('answers 401 for %s', async (_name, given) => {
    const { body: conv } = await startConversation();
    let token = given;
    if (given === 'OTHER') {
      token = (await createDirectLineTokens({ encryptionKey: 'cd'.repeat(32) }).issue({ conversationId: conv.conversationId, userId: 'dl_x', shopId: '00000000-0000-0000-0000-000000000000' })).token;
    }
    const res = await call('GET', `/conversations/${conv.conversationId}/activities`, token);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
    expect((await call('POST', '/tokens/refresh', token)).status).toBe(401);
  });

  it.each([
    ['a message longer than 4,000 characters', say('x'.repeat(4001))],
    ['six attachments', { type: 'message', text: 'files', attachments: Array.from({ length: 6 }, () => ({ contentType: 'text/plain', content: 'a' })) }],
    ['an attachment over 32 KiB', { type: 'message', attachments: [{ contentType: 'text/plain', content: 'a'.repeat(33_000) }] }],
  ])('answers 413 and stores nothing for %s', async (_name, activity) => {
    const { body: conv } = await startConversation();
    const res = await call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, activity);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect((await call('GET', `/conversations/${conv.conversationId}/activities?watermark=1`, conv.token)).body.activities).toEqual([]);
  });

  it.each([
    ['no type', { text: 'hi' }, /type/],
    ['an unknown type', { type: 'invoke', text: 'hi' }, /type/],
    ['text that is not a string', { type: 'message', text: 42 }, /text/],
    ['an empty message', { type: 'message', text: '   ' }, /needs text/],
    ['a JSON array', [say('hi')], /object/],
  ])('answers 400 for an activity with %s', async (_name, activity, message) => {
    const { body: conv } = await startConversation();
    const res = await call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, activity);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('answers 400 for a body that is not JSON and for a bad watermark', async () => {
    const { body: conv } = await startConversation();
    expect((await call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, undefined, '{"type":')).status).toBe(400);
    expect((await call('GET', `/conversations/${conv.conversationId}/activities?watermark=-1`, conv.token)).status).toBe(400);
  });

  it('answers 429 with Retry-After past the per-conversation limit, and keeps serving other conversations', async () => {
    const { body: conv } = await startConversation();
    for (let i = 0; i < 5; i += 1) expect((await call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, say(`m${i}`))).status).toBe(200);
    const limited = await call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, say('one more'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const { body: other } = await startConversation();
    expect((await call('POST', `/conversations/${other.conversationId}/activities`, other.token, say('hi'))).status).toBe(200);
  });

  it('sends staff replies into the conversation through the sender', async () => {
    const { body: conv } = await startConversation();
    await channel.sender.send({ conversation: { id: conv.conversationId } as never, user: { id: 'dl_user', name: '' } }, { type: 'message', text: 'Hi, this is Mei from the shop.' });
    const polled = await call('GET', `/conversations/${conv.conversationId}/activities?watermark=1`, conv.token);
    expect(polled.body.activities).toEqual([expect.objectContaining({ text: 'Hi, this is Mei from the shop.', from: expect.objectContaining({ role: 'bot' }) })]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', () => undefined);
  });
}
