import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import pino from 'pino';
import type { Server } from 'restify';
import { registerAudienceCommand } from '../../cli/commands/audience';
import type { CliContext } from '../../cli/context';
import { connectToFake, type ConnectedFake } from '../../connectors/shopify/testing/connected-fake';
import { createWriteBack } from '../../connectors/shopify/write-back';
import { createSecretBox } from '../../core/crypto';
import { createMetrics } from '../../core/metrics';
import type { Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { audienceJobs } from '../../jobs/audience-jobs';
import { createAuditLog, createPseudonymizer, type AuditLog } from '../../privacy';
import { createApp } from '../../server/http';
import { createAudience, type Audience } from '../create-audience';
import { seedSyntheticStore } from '../testing';
import { audienceRoutes } from './audience-routes';

const KEY = 'c'.repeat(64);
const logger = pino({ level: 'silent' });

describe(`audience API, export and CLI under the k-floor (${testEngine})`, () => {
  let database: Database;
  let connected: ConnectedFake;
  let audience: Audience;
  let auditLog: AuditLog;
  let server: Server;
  let base: string;
  const queued: Array<{ name: string; data: unknown }> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    connected = await connectToFake(database, { store: { customers: 60, orders: 240 } });
    const shopId = connected.shop.id;
    // The mirror holds a generated history for the fake store's own customers, so exports reach real fake customers.
    const fakeIds = Array.from({ length: 60 }, (_, i) => Number(connected.fake.state().store.customer(i).legacyResourceId));
    await seedSyntheticStore(database.pool, shopId, { customers: 60, orders: 240, asOf: new Date() });
    await database.pool.query('UPDATE orders SET customer_id = ($2::bigint[])[customer_id] WHERE shop_id = $1', [shopId, fakeIds]);
    await database.pool.query('UPDATE customers SET id = ($2::bigint[])[id] WHERE shop_id = $1', [shopId, fakeIds]);
    auditLog = createAuditLog({ db: database.db });
    const pseudonymizer = createPseudonymizer({ db: database.db, secrets: createSecretBox(KEY) });
    audience = createAudience({ database, pseudonymizer, auditLog, writeBackFor: async (id) => createWriteBack({ pool: database.pool, shopId: id, client: connected.client }) });
    await audience.refreshTags(shopId);
    server = createApp({
      logger,
      metrics: createMetrics({ defaultMetrics: false }),
      routes: [audienceRoutes({ audience, authenticate: async () => ({ shopId, actor: 'staff:1' }), enqueue: async (name, data) => queued.push({ name, data }) })],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await connected?.close();
    await database?.close();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const numbersIn = (value: unknown): number[] =>
    typeof value === 'number' ? [value] : value && typeof value === 'object' ? Object.entries(value).flatMap(([key, v]) => (key === 'count' || key === 'size' ? numbersIn(v) : typeof v === 'object' ? numbersIn(v) : [])) : [];

  it('shows a segment of at least k with its size and a make-up where every bucket is at least k', async () => {
    const { status, body } = await call('POST', '/api/admin/audience/segments/preview', { query: 'country:SG' });
    expect(status).toBe(200);
    expect(body.size).toMatchObject({ belowK: false, k: 10 });
    expect(body.size.size).toBeGreaterThanOrEqual(10);
    const counts = Object.values(body.makeup as Record<string, { buckets: Array<{ count: number }> }>).flatMap((d) => d.buckets.map((b) => b.count));
    expect(counts.length).toBeGreaterThan(3);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(10);
  });

  it('answers "fewer than k" with no number under k and a way to widen', async () => {
    const { status, body } = await call('POST', '/api/admin/audience/segments/preview', { query: 'country:SG AND country:AU' });
    expect(status).toBe(200);
    expect(body.size).toMatchObject({ belowK: true, size: null, message: expect.stringMatching(/^Fewer than 10 customers match/) });
    expect(body.makeup).toBeNull();
    expect(numbersIn(body).every((n) => n >= 10)).toBe(true);
    expect(body.size.suggestions[0]).toMatchObject({ query: 'country:SG', dropped: 'country:AU' });
    expect(body.size.message).toMatch(/Try dropping country:AU/);
  });

  it('refuses a bad query with the parser message and column', async () => {
    const { status, body } = await call('POST', '/api/admin/audience/segments/preview', { query: 'intrest:running' });
    expect(status).toBe(400);
    expect(body.message).toMatch(/did you mean "interest"/);
  });

  it('catalogue lists every definition and k-gated distributions', async () => {
    const { body } = await call('GET', '/api/admin/audience/catalogue');
    expect(body.definitions).toHaveLength(11);
    expect(body.profiles).toBe(60);
    const counts = Object.values(body.distributions as Record<string, { buckets: Array<{ count: number }> }>).flatMap((d) => d.buckets.map((b) => b.count));
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(10);
  });

  it('exports a segment to Shopify with storedesk: tags and a Shopify segment, audited, once', async () => {
    const saved = await call('POST', '/api/admin/audience/segments', { name: 'SG buyers', query: 'country:sg' });
    expect(saved.status).toBe(201);
    const requested = await call('POST', `/api/admin/audience/segments/${saved.body.segment.id}/export`, { createShopifySegment: true });
    expect(requested.status).toBe(202);
    const job = audienceJobs({ audience }).find((j) => j.name === 'audience.export-segment')!;
    const context = { logger, progress: async () => undefined, attempt: 1, enqueue: async () => '', schedule: async () => '' };
    expect(queued.at(-1)).toEqual({ name: 'audience.export-segment', data: { shopId: connected.shop.id, exportId: requested.body.export.id } });
    await job.handle(queued.at(-1)!.data, context);
    await job.handle(queued.at(-1)!.data, context);
    const writes = connected.fake.writes();
    const tagged = writes.filter((w) => w.mutation === 'tagsAdd');
    const { body: preview } = await call('POST', '/api/admin/audience/segments/preview', { query: 'country:SG' });
    expect(tagged).toHaveLength(preview.size.size);
    expect(tagged.every((w) => JSON.stringify(w.input).includes('storedesk:sg-buyers'))).toBe(true);
    expect(writes.filter((w) => w.mutation === 'segmentCreate').map((w) => w.input)).toEqual([{ name: 'storedesk: SG buyers', query: "customer_tags CONTAINS 'storedesk:sg-buyers'" }]);
    const history = await call('GET', '/api/admin/audience/exports');
    expect(history.body.exports[0]).toMatchObject({ status: 'done', tagged: preview.size.size, shopifySegmentId: expect.stringMatching(/^gid:\/\/shopify\/Segment\//) });
    const audited = await auditLog.list(connected.shop.id, {});
    expect(audited.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['audience.segment-save', 'audience.export-request', 'audience.export']));
  });

  it('never exports a segment below k', async () => {
    const saved = await call('POST', '/api/admin/audience/segments', { name: 'tiny', query: 'country:AU AND spend:top' });
    const refused = await call('POST', `/api/admin/audience/segments/${saved.body.segment.id}/export`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/Fewer than 10/);
  });

  it('prints the size from the CLI, or "fewer than k" without a number', async () => {
    const lines: string[] = [];
    const ctx = { config: { ENCRYPTION_KEY: KEY }, logger, database: async () => database, shop: async () => connected.shop, close: async () => undefined } as unknown as CliContext;
    const run = async (...args: string[]) => {
      const program = new Command().exitOverride();
      registerAudienceCommand(program, () => ctx, { print: (line) => lines.push(line) });
      await program.parseAsync(['node', 'storedesk', ...args]);
    };
    await run('segments', 'size', '--shop', connected.shop.domain, '--query', 'country:SG');
    expect(lines.at(-1)).toMatch(/^\d+ customers match$/);
    expect(Number(lines.at(-1)!.split(' ')[0])).toBeGreaterThanOrEqual(10);
    lines.length = 0;
    await run('segments', 'size', '--shop', connected.shop.domain, '--query', 'country:AU AND spend:top');
    expect(lines[0]).toMatch(/^Fewer than 10 customers match/);
    expect(lines.join('\n').match(/\d+/g)!.map(Number).filter((n) => n !== 10).every((n) => n >= 10)).toBe(true);
  });
});
