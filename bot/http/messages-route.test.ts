import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import pino from 'pino';
import type { Server } from 'restify';
import { createMetrics } from '../../core/metrics';
import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createApp } from '../../server/http';
import type { BotRuntime } from '../create-bot-runtime';
import type { DefaultModels } from '../models';
import { sharedDefaultModels, testRuntime } from '../testing';

async function listen(runtime: BotRuntime, host: string): Promise<{ server: Server; base: string }> {
  const server = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes: [runtime.messagesRoute], maxBodyBytes: 256 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

function activity(text: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `m-${Math.random()}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: `http-conv-${Math.random()}` },
    from: { id: 'buyer-1' },
    recipient: { id: 'bot' },
    text,
    deliveryMode: 'expectReplies',
    channelData: { shopId: 'http-shop.myshopify.com' },
    ...overrides,
  };
}

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe(`POST /api/messages on ${testEngine}`, () => {
  let database: Database;
  let defaultModels: DefaultModels;
  let open: { server: Server; base: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    await upsertShop(database.db, { domain: 'http-shop.myshopify.com', name: 'HTTP Shop' });
    defaultModels = sharedDefaultModels();
    await defaultModels.get('en');
    open = await listen(testRuntime(database, { defaultModels }), '127.0.0.1');
  }, 60_000);
  afterAll(async () => {
    await close(open.server);
    await database.close();
  });

  it('with expectReplies, returns the replies in the body', async () => {
    const res = await post(open.base, activity('how much is shipping?'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ type: string; text?: string }> };
    expect(body.activities.filter((a) => a.type === 'message').map((a) => a.text)).toEqual([expect.stringMatching(/free on orders over/)]);
  });

  it.each([
    ['a JSON array', [1, 2]],
    ['no conversation', { ...activity('hi'), conversation: undefined }],
    ['no type', { ...activity('hi'), type: '' }],
    ['a bad serviceUrl', { ...activity('hi'), serviceUrl: 'ftp://x' }],
    ['text that is not a string', { ...activity('hi'), text: { evil: true } }],
  ])('answers 400 for %s, never 500', async (_name, body) => {
    const res = await post(open.base, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('invalid_input');
  });

  it('answers 400 for malformed JSON', async () => {
    expect((await post(open.base, '{"type":')).status).toBe(400);
  });

  it('answers 413 for an oversized message', async () => {
    const res = await post(open.base, activity('x'.repeat(4001)));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('payload_too_large');
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  (external ? it : it.skip)('without an app id, refuses callers that are not on this machine (403)', async () => {
    const outside = await listen(testRuntime(database, { defaultModels }), external!);
    try {
      const res = await post(outside.base, activity('hi'));
      expect(res.status).toBe(403);
    } finally {
      await close(outside.server);
    }
  });

  describe('with a Microsoft app id', () => {
    let secured: { server: Server; base: string };
    beforeAll(async () => {
      const runtime = testRuntime(database, { defaultModels, microsoftApp: { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' } });
      secured = await listen(runtime, '127.0.0.1');
    });
    afterAll(() => close(secured.server));

    it.each([
      ['no token', {}],
      ['a token that is not a JWT', { authorization: 'Bearer not-a-token' }],
      ['a basic credential', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['a malformed JWT', { authorization: 'Bearer aaa.bbb.ccc' }],
    ])('answers 401 to %s, even from loopback', async (_name, headers) => {
      const res = await post(secured.base, activity('hi'), headers as Record<string, string>);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('unauthorized');
    });
  });
});
