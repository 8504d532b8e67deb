import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { addBlocklistEntry } from '../../risk';
import { createTestRiskService } from '../../risk/product-testing';
import { createDirectLineChannel, type DirectLineChannel } from '../channels/direct-line';
import { startTestServer } from '../channels/testing';
import type { BotRuntime } from '../create-bot-runtime';
import { testRuntime } from '../testing';

const KEY = 'cd'.repeat(32);
const staff = { kind: 'staff' as const, id: 'reviewer' };
// Responses are read loosely; the assertions say what they must hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe(`a blocked IP meets the refusal through Direct Line (${testEngine})`, () => {
  let database: Database;
  let runtime: BotRuntime;
  const running: Array<{ channel: DirectLineChannel; close(): Promise<void> }> = [];

  /** Direct Line on a real HTTP server, running the storedesk bot with the risk gate. */
  async function directLine(trustProxy: boolean): Promise<string> {
    const channel = await createDirectLineChannel({ database, encryptionKey: KEY, logic: (context) => runtime.bot.run(context), trustProxy });
    runtime.installTurnErrorHandler(channel.adapter);
    const app = await startTestServer([channel.routes]);
    running.push({ channel, close: app.close });
    return `${app.base}/v3/directline`;
  }

  const call = async (base: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
  };

  /** Opens a conversation as a buyer would; returns it with the bot's first activity. */
  async function open(base: string, shop: string, headers: Record<string, string> = {}) {
    const generated = await call(base, 'POST', '/tokens/generate', { body: { shop }, headers });
    expect(generated.status).toBe(200);
    const started = await call(base, 'POST', '/conversations', { token: generated.body.token, headers });
    expect(started.status).toBe(201);
    const polled = await call(base, 'GET', `/conversations/${started.body.conversationId}/activities`, { token: started.body.token, headers });
    return { conversation: started.body, greeting: polled.body.activities[0] as Json };
  }

  const actionsOf = (activity: Json) => (activity.suggestedActions?.actions ?? []) as Json[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const risk = createTestRiskService(database);
    runtime = testRuntime(database, { risk: risk.service });
    const local = await upsertShop(database.db, { domain: 'teh-tarik.myshopify.com', name: 'Teh Tarik' });
    const proxied = await upsertShop(database.db, { domain: 'roti-prata.myshopify.com', name: 'Roti Prata' });
    // The test client connects from 127.0.0.1; behind the proxy, the buyer is 203.0.113.50.
    await addBlocklistEntry(risk.service.deps, local.id, staff, { kind: 'ip', value: '127.0.0.1', reason: 'Card testing from this address' });
    await addBlocklistEntry(risk.service.deps, proxied.id, staff, { kind: 'ip', value: '203.0.113.50', reason: 'Card testing from this address' });
  }, 60_000);
  afterAll(async () => {
    for (const { channel, close } of running) {
      await channel.close();
      await close();
    }
    await runtime?.flush();
    await database?.close();
  });

  it("refuses the buyer from the socket's address, at the greeting and at each message, with the appeal options", async () => {
    const base = await directLine(false);
    const { conversation, greeting } = await open(base, 'teh-tarik.myshopify.com');
    expect(greeting.text).toMatch(/^Sorry, we can't help/);
    expect(actionsOf(greeting).map((a) => [a.type, a.title])).toEqual([['imBack', 'Appeal'], ['openUrl', 'Appeal on the web']]);

    // A client that names another address in channelData is not believed.
    const posted = await call(base, 'POST', `/conversations/${conversation.conversationId}/activities`, {
      token: conversation.token,
      body: { type: 'message', text: 'where is my order?', from: { id: 'x' }, channelData: { clientIp: '198.51.100.77' } },
    });
    expect(posted.status).toBe(200);
    const after = await call(base, 'GET', `/conversations/${conversation.conversationId}/activities?watermark=1`, { token: conversation.token });
    const [echo, reply] = after.body.activities as Json[];
    expect(reply).toMatchObject({ from: { role: 'bot' }, text: expect.stringMatching(/^Sorry, we can't help/) });
    expect(actionsOf(reply!).map((a) => a.value)).toEqual(['Appeal', expect.stringMatching(/\/appeal\?shop=teh-tarik\.myshopify\.com&subject=/)]);
    // The address reaches the turn, but is not kept with the stored activity.
    expect(echo!.channelData).not.toHaveProperty('clientIp');
  });

  it('behind a trusted proxy, refuses by X-Forwarded-For; without one, ignores the header', async () => {
    const proxied = await directLine(true);
    const refused = await open(proxied, 'roti-prata.myshopify.com', { 'x-forwarded-for': '203.0.113.50' });
    expect(refused.greeting.text).toMatch(/^Sorry, we can't help/);
    const other = await open(proxied, 'roti-prata.myshopify.com', { 'x-forwarded-for': '198.51.100.8' });
    expect(other.greeting.text).toMatch(/^Hi! I'm the automated assistant of Roti Prata/);

    const direct = await directLine(false);
    const ignored = await open(direct, 'roti-prata.myshopify.com', { 'x-forwarded-for': '203.0.113.50' });
    expect(ignored.greeting.text).toMatch(/^Hi! I'm the automated assistant of Roti Prata/);
  });
});
