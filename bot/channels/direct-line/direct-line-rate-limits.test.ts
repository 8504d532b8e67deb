import { Pool } from 'pg';
import WebSocket from 'ws';
import { upsertShop, type Database } from '../../../db';
import { createRateLimits } from '../../../db/rate-limits';
import { createTestDatabase, testEngine } from '../../../db/testing';
import { EchoBot, startTestServer } from '../testing';
import { createDirectLineChannel, type DirectLineChannelDeps, type DirectLineRates } from './index';

const KEY = 'ab'.repeat(32);
const MINUTE = 60_000;

describe(`Direct Line rate limits shared by web processes (${testEngine})`, () => {
  let database: Database;
  const stops: Array<() => Promise<void>> = [];

  /** One web process behind our proxy: its own channel and server, on the shared database. */
  async function webProcess(rates: Partial<DirectLineRates>, extra: Partial<DirectLineChannelDeps> = {}): Promise<string> {
    const bot = new EchoBot();
    const channel = await createDirectLineChannel({ database, encryptionKey: KEY, logic: (context) => bot.run(context), rates, trustProxy: true, ...extra });
    const app = await startTestServer([channel.routes]);
    stops.push(async () => {
      await channel.close();
      await app.close();
    });
    return `${app.base}/v3/directline`;
  }

  const post = (base: string, path: string, ip: string, token?: string, body: unknown = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const generate = (base: string, ip: string) => post(base, '/tokens/generate', ip, undefined, { shop: 'tea-house.myshopify.com' });
  const say = (text: string) => ({ type: 'message', text, from: { id: 'buyer' } });

  beforeAll(async () => {
    database = await createTestDatabase();
    await upsertShop(database.db, { domain: 'tea-house.myshopify.com', name: 'Tea House' });
  }, 60_000);
  afterAll(async () => {
    for (const stop of stops) await stop();
    await database?.close();
  });

  it('counts new conversations from one address against one budget across two processes, by the address our proxy appended', async () => {
    const rates = { generatePerIp: { limit: 3, windowMs: MINUTE } };
    const [one, two] = [await webProcess(rates), await webProcess(rates)];
    expect((await generate(one, '198.51.100.1')).status).toBe(200);
    expect((await generate(two, '198.51.100.1')).status).toBe(200);
    // A made-up first entry is not believed: this is still 198.51.100.1.
    expect((await generate(one, '10.9.9.9, 198.51.100.1')).status).toBe(200);
    const limited = await generate(two, '10.9.9.8, 198.51.100.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/new conversations from this address/) });
    expect((await generate(one, '198.51.100.2')).status).toBe(200);
  });

  it("counts one conversation's messages against one budget across two processes, and other conversations keep going", async () => {
    const rates = { perConversation: { limit: 4, windowMs: MINUTE } };
    const [one, two] = [await webProcess(rates), await webProcess(rates)];
    const conv = (await (await generate(one, '198.51.100.10')).json()) as { conversationId: string; token: string };
    const path = `/conversations/${conv.conversationId}/activities`;
    for (const [n, base] of [one, two, one, two].entries()) expect((await post(base, path, '198.51.100.10', conv.token, say(`m${n}`))).status).toBe(200);
    const limited = await post(one, path, '198.51.100.11', conv.token, say('one more'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ message: expect.stringMatching(/messages in this conversation/) });
    // Reading is not a message: polling the same conversation still works.
    expect((await fetch(`${two}${path}`, { headers: { authorization: `Bearer ${conv.token}`, 'x-forwarded-for': '198.51.100.10' } })).status).toBe(200);
    const other = (await (await generate(two, '198.51.100.10')).json()) as { conversationId: string; token: string };
    expect((await post(two, `/conversations/${other.conversationId}/activities`, '198.51.100.10', other.token, say('hi'))).status).toBe(200);
  });

  it('counts every request and stream from one address against one budget across two processes', async () => {
    const rates = { perIp: { limit: 4, windowMs: MINUTE } };
    const [one, two] = [await webProcess(rates), await webProcess(rates)];
    const conv = (await (await generate(one, '198.51.100.20')).json()) as { conversationId: string; token: string };
    const poll = (base: string) => fetch(`${base}/conversations/${conv.conversationId}/activities`, { headers: { authorization: `Bearer ${conv.token}`, 'x-forwarded-for': '198.51.100.20' } });
    expect((await post(one, '/conversations', '198.51.100.20', conv.token)).status).toBe(201);
    expect((await poll(two)).status).toBe(200);
    expect((await poll(one)).status).toBe(200);
    expect((await post(two, '/tokens/refresh', '198.51.100.20', conv.token)).status).toBe(200);
    const limited = await poll(one);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);

    const stream = new WebSocket(`${two.replace('http', 'ws')}/conversations/${conv.conversationId}/stream?t=${conv.token}`, { headers: { 'x-forwarded-for': '198.51.100.20' } });
    const refused = await new Promise<number>((resolve) => stream.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(refused).toBe(429);
    // A request without a valid token is refused before it is counted (and costs no statement).
    expect((await post(one, '/tokens/refresh', '198.51.100.21', 'not-a-token')).status).toBe(401);
  });

  it("when the database can't count, the buyer's message still goes through, under this process's own limits", async () => {
    // A real pool to a port nothing listens on: every count fails as it would in a database outage.
    const unreachable = new Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1_000 });
    stops.push(() => unreachable.end());
    const base = await webProcess({ perConversation: { limit: 2, windowMs: MINUTE } }, { rateLimits: createRateLimits({ db: unreachable, secret: KEY }) });
    const conv = (await (await generate(base, '198.51.100.30')).json()) as { conversationId: string; token: string };
    expect(conv.token).toEqual(expect.any(String));
    const path = `/conversations/${conv.conversationId}/activities`;
    expect((await post(base, path, '198.51.100.30', conv.token, say('where is my order?'))).status).toBe(200);
    expect((await post(base, path, '198.51.100.30', conv.token, say('hello?'))).status).toBe(200);
    const limited = await post(base, path, '198.51.100.30', conv.token, say('hello??'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
