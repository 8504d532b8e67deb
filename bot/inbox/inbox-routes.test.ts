import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Request, Server } from 'restify';
import { UnauthorizedError } from '../../core/errors';
import { createMetrics } from '../../core/metrics';
import type { Database } from '../../db';
import { upsertShop } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createApp } from '../../server/http';
import { buyerChat, RecordingSender, sharedDefaultModels, testRuntime } from '../testing';

describe(`merchant inbox API on ${testEngine}`, () => {
  let database: Database;
  let server: Server;
  let base: string;
  let shopId: string;
  let otherShopId: string;
  const sender = new RecordingSender();
  let chatRuntime: ReturnType<typeof testRuntime>;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'inbox-shop.myshopify.com', name: 'Inbox Shop' })).id;
    otherShopId = (await upsertShop(database.db, { domain: 'other-inbox.myshopify.com' })).id;
    const authenticate = async (req: Request) => {
      const token = req.headers.authorization;
      if (token === 'Bearer staff-a') return { shopId, actor: 'staff:a' };
      if (token === 'Bearer staff-b') return { shopId: otherShopId, actor: 'staff:b' };
      throw new UnauthorizedError();
    };
    chatRuntime = testRuntime(database, { defaultModels: sharedDefaultModels(), senders: { test: sender }, authenticate });
    server = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes: [chatRuntime.inboxRoutes] });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/api/inbox`;
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  const call = (path: string, token: string | undefined, body?: unknown) =>
    fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('lists open handoffs with transcripts, replies through the channel and closes, for the staff of that shop only', async () => {
    const chat = buyerChat(chatRuntime, shopId);
    await chat.say('talk to a person please, my order is late');

    expect((await call('/handoffs', undefined)).status).toBe(401);
    const listed = (await (await call('/handoffs', 'staff-a')).json()) as { handoffs: Array<{ id: string; status: string; transcript: Array<{ text: string }> }> };
    expect(listed.handoffs).toHaveLength(1);
    const [handoff] = listed.handoffs;
    expect(handoff!.transcript[0]!.text).toBe('talk to a person please, my order is late');
    expect(((await (await call('/handoffs', 'staff-b')).json()) as { handoffs: unknown[] }).handoffs).toEqual([]);

    expect((await call(`/handoffs/${handoff!.id}/replies`, 'staff-b', { text: 'hi' })).status).toBe(404);
    expect((await call(`/handoffs/${handoff!.id}/replies`, 'staff-a', { text: '' })).status).toBe(400);
    expect((await call('/handoffs/not-a-uuid/replies', 'staff-a', { text: 'hi' })).status).toBe(400);
    const reply = await call(`/handoffs/${handoff!.id}/replies`, 'staff-a', { text: 'Hello, this is Amy.' });
    expect(reply.status).toBe(202);
    expect(sender.sent.at(-1)!.activity).toMatchObject({ type: 'message', text: 'Hello, this is Amy.' });

    expect((await call(`/handoffs/${handoff!.id}/close`, 'staff-a', {})).status).toBe(200);
    expect((await call(`/handoffs/${handoff!.id}/close`, 'staff-a', {})).status).toBe(409);
    expect(((await (await call('/handoffs', 'staff-a')).json()) as { handoffs: unknown[] }).handoffs).toEqual([]);
  });
});
