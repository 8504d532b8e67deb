import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import type { Request, Server } from 'restify';
import { saveAnswerOverride } from '../../bot';
import { UnauthorizedError } from '../../core/errors';
import { createMetrics } from '../../core/metrics';
import { schema, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createAuditLog, type RedactedText } from '../../privacy';
import { createApp } from '../../server/http';
import { storeModelVersion } from '../model-versions';
import { enqueueReviewItem } from '../review-queue';
import { modelRoutes } from './model-routes';
import { reviewQueueRoutes } from './review-queue-routes';

const r = (text: string) => text as RedactedText;

describe(`the review queue and models API on ${testEngine}`, () => {
  let database: Database;
  let server: Server;
  let base: string;
  let shopA: string;
  let shopB: string;
  const auditLog = () => createAuditLog({ db: database.db });

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = (await upsertShop(database.db, { domain: 'review-a.myshopify.com' })).id;
    shopB = (await upsertShop(database.db, { domain: 'review-b.myshopify.com' })).id;
    // Stands in for the admin's staff authenticator: the shop comes from the credential only.
    const authenticate = async (req: Request) => {
      if (req.headers.authorization === 'Bearer a') return { shopId: shopA, actor: 'staff-user:1' };
      if (req.headers.authorization === 'Bearer b') return { shopId: shopB, actor: 'staff-user:2' };
      throw new UnauthorizedError();
    };
    const deps = { db: database.db, auditLog: auditLog(), authenticate };
    server = createApp({
      logger: pino({ level: 'silent' }),
      metrics: createMetrics({ defaultMetrics: false }),
      routes: [reviewQueueRoutes({ ...deps, saveAnswerOverride }), modelRoutes({ ...deps, requestRetrain: async () => 'job-1' })],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/admin`;
  });
  afterAll(async () => {
    server.close();
    await database.close();
  });

  const call = async (path: string, options: { method?: string; body?: unknown; as?: 'a' | 'b' | null } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.as !== null) headers.authorization = `Bearer ${options.as ?? 'a'}`;
    const response = await fetch(`${base}${path}`, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const enqueue = (shopId: string, text: string) =>
    enqueueReviewItem(database.db, { shopId, language: 'en', conversationRef: 'c1', text: r(text), context: [r('hi'), r('my email is <EMAIL>')], topIntents: [{ intent: 'track_order', score: 0.41 }, { intent: 'get_refund', score: 0.3 }, { intent: 'None', score: 0.1 }], answer: "Sorry, I'm not sure I understood." });
  const labelsOf = (shopId: string) => database.db.select().from(schema.trainerLabels).where(eq(schema.trainerLabels.shopId, shopId));
  const audits = async (shopId: string) => (await auditLog().list(shopId, { actorKind: 'trainer' })).entries;

  it('lists open items with redacted text and context, top-3 intents and the answer given, for the caller’s shop only', async () => {
    await enqueue(shopA, 'where is parcel <ORDER_ID>');
    await enqueue(shopB, 'other shop question');
    const { status, body } = await call('/review-queue');
    expect(status).toBe(200);
    expect(body.open).toBe(1);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ text: 'where is parcel <ORDER_ID>', context: ['hi', 'my email is <EMAIL>'], answer: "Sorry, I'm not sure I understood.", language: 'en' });
    expect(body.items[0].topIntents).toHaveLength(3);
    expect(body.items[0]).not.toHaveProperty('shopId');
    expect((await call('/review-queue', { as: null })).status).toBe(401);
  });

  it('assigns an existing intent: the count goes down, a label feeds training, and a trainer audit entry is written', async () => {
    const id = await enqueue(shopA, 'parcel not here yet');
    const before = (await call('/review-queue')).body.open;
    const { status, body } = await call(`/review-queue/${id}/assign`, { method: 'POST', body: { intent: 'track_order' } });
    expect([status, body]).toEqual([200, { id, status: 'labelled', labels: 1 }]);
    expect((await call('/review-queue')).body.open).toBe(before - 1);
    expect((await labelsOf(shopA)).find((l) => l.reviewItemId === id)).toMatchObject({ text: 'parcel not here yet', intent: 'track_order', action: 'assign', actor: 'staff-user:1' });
    expect((await audits(shopA))[0]).toMatchObject({ action: 'review.assign', actorKind: 'trainer', actorId: 'staff-user:1', subject: `review-item:${id}`, detail: { intent: 'track_order' } });
    expect((await call(`/review-queue/${id}/assign`, { method: 'POST', body: { intent: 'track_order' } })).status).toBe(409);
  });

  it.each([
    ['an unknown intent', { intent: 'no_such_intent' }, 400],
    ['a malformed intent', { intent: 'Track Order!' }, 400],
    ['no intent', {}, 400],
  ])('refuses to assign %s and changes nothing', async (_name, body, status) => {
    const id = await enqueue(shopA, 'ambiguous');
    expect((await call(`/review-queue/${id}/assign`, { method: 'POST', body })).status).toBe(status);
    const [row] = await database.db.select().from(schema.reviewItems).where(eq(schema.reviewItems.id, id));
    expect(row!.status).toBe('open');
  });

  it("answers 404 for another shop's item and leaves it open", async () => {
    const id = await enqueue(shopB, 'b question');
    expect((await call(`/review-queue/${id}/dismiss`, { method: 'POST' })).status).toBe(404);
    expect((await call(`/review-queue/not-a-uuid/dismiss`, { method: 'POST' })).status).toBe(400);
    expect((await call('/review-queue', { as: 'b' })).body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it("creates a new intent with the merchant's answer, labels the turn with it, and offers it for assignment", async () => {
    const id = await enqueue(shopA, 'do you do gift wrapping');
    const answer = { text: 'Yes, gift wrapping is free at checkout.' };
    const { status } = await call(`/review-queue/${id}/new-intent`, { method: 'POST', body: { intent: 'gift_wrapping', answer } });
    expect(status).toBe(201);
    const [override] = await database.db.select().from(schema.botAnswerOverrides).where(and(eq(schema.botAnswerOverrides.shopId, shopA), eq(schema.botAnswerOverrides.intent, 'gift_wrapping')));
    expect(override!.answer).toEqual(answer);
    expect((await labelsOf(shopA)).find((l) => l.reviewItemId === id)).toMatchObject({ intent: 'gift_wrapping', action: 'new-intent' });
    const intents = (await call('/review-queue/intents?language=en')).body.intents;
    expect(intents).toContainEqual({ id: 'gift_wrapping', source: 'merchant' });
    expect((await call('/review-queue/intents?language=en', { as: 'b' })).body.intents).not.toContainEqual({ id: 'gift_wrapping', source: 'merchant' });
    expect((await audits(shopA))[0]).toMatchObject({ action: 'review.new-intent', detail: { intent: 'gift_wrapping' } });
    const again = await enqueue(shopA, 'gift wrap?');
    expect((await call(`/review-queue/${again}/new-intent`, { method: 'POST', body: { intent: 'track_order', answer } })).status).toBe(409);
    expect((await call(`/review-queue/${again}/new-intent`, { method: 'POST', body: { intent: 'wrap', answer: { text: '' } } })).status).toBe(400);
  });

  it('marks a turn out-of-scope as a None label, and dismisses one without a label, each audited', async () => {
    const oos = await enqueue(shopA, 'what is the weather');
    const noise = await enqueue(shopA, 'asdfgh');
    expect((await call(`/review-queue/${oos}/out-of-scope`, { method: 'POST' })).body).toEqual({ id: oos, status: 'out_of_scope', labels: 1 });
    expect((await call(`/review-queue/${noise}/dismiss`, { method: 'POST' })).body).toEqual({ id: noise, status: 'dismissed', labels: 0 });
    const labels = await labelsOf(shopA);
    expect(labels.find((l) => l.reviewItemId === oos)?.intent).toBe('None');
    expect(labels.find((l) => l.reviewItemId === noise)).toBeUndefined();
    expect((await audits(shopA)).slice(0, 2).map((e) => e.action)).toEqual(['review.dismiss', 'review.out-of-scope']);
  });

  it('merges duplicates into one item; labelling it labels them all', async () => {
    const keep = await enqueue(shopA, 'can i pay with paynow');
    const dup1 = await enqueue(shopA, 'paynow ok?');
    const dup2 = await enqueue(shopA, 'do you accept paynow');
    const open = (await call('/review-queue')).body.open;
    expect((await call(`/review-queue/${keep}/merge`, { method: 'POST', body: { duplicates: [dup1, dup2] } })).body).toEqual({ id: keep, merged: 2 });
    expect((await call('/review-queue')).body.open).toBe(open - 2);
    expect((await call(`/review-queue/${keep}/assign`, { method: 'POST', body: { intent: 'payment_methods' } })).body.labels).toBe(3);
    const labels = (await labelsOf(shopA)).filter((l) => [keep, dup1, dup2].includes(l.reviewItemId!));
    expect(labels.map((l) => [l.text, l.intent, l.action]).sort()).toEqual([
      ['can i pay with paynow', 'payment_methods', 'assign'],
      ['do you accept paynow', 'payment_methods', 'merge'],
      ['paynow ok?', 'payment_methods', 'merge'],
    ]);
    expect((await audits(shopA)).map((e) => e.action)).toContain('review.merge');
    const other = await enqueue(shopB, 'b dup');
    const mine = await enqueue(shopA, 'a keep');
    expect((await call(`/review-queue/${mine}/merge`, { method: 'POST', body: { duplicates: [other] } })).status).toBe(409);
  });

  it('shows the confidence distribution and per-version figures', async () => {
    await database.db.insert(schema.corpusTurns).values([0.95, 0.91, 0.42, 0.05].map((score) => ({ shopId: shopA, language: 'en', text: 'x', intent: 'track_order', score, source: 'bot' })));
    await storeModelVersion(database.db, { shopId: shopA, language: 'en', model: {}, metrics: { accuracy: 0.8, macroF1: 0.7, heldOutSize: 10 }, corpusSize: 5, promote: true });
    const { body, status } = await call('/review-queue/stats?language=en');
    expect([status, body.message]).toEqual([200, undefined]);
    expect(body.confidence.map((b: { turns: number }) => b.turns)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 2]);
    expect(body.versions).toEqual([expect.objectContaining({ version: 1, accuracy: 0.8, macroF1: 0.7, status: 'active' })]);
  });

  it('rolls a model back and forward from the models API, audited as staff, scoped by shop', async () => {
    await storeModelVersion(database.db, { shopId: shopA, language: 'en', model: {}, metrics: { accuracy: 0.9 }, corpusSize: 5, promote: true });
    expect((await call('/models/activate', { method: 'POST', body: { language: 'en', version: 1 } })).body).toEqual({ from: 2, to: 1, changed: true });
    const listed = (await call('/models?language=en')).body.versions.map((v: { version: number; status: string }) => [v.version, v.status]);
    expect(listed).toEqual([[2, 'retired'], [1, 'active']]);
    const [entry] = (await auditLog().list(shopA, { action: 'models.rollback' })).entries;
    expect(entry).toMatchObject({ actorKind: 'staff', actorId: 'staff-user:1', detail: { language: 'en', from: 2, to: 1 } });
    expect((await call('/models/activate', { method: 'POST', body: { language: 'en', version: 1 }, as: 'b' })).status).toBe(404);
    expect((await call('/models/retrain', { method: 'POST', body: { language: 'en' } })).body).toEqual({ jobId: 'job-1' });
  });
});
