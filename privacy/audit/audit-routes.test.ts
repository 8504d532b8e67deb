import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Request, Server } from 'restify';
import { UnauthorizedError } from '../../core/errors';
import { createMetrics } from '../../core/metrics';
import { upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createApp } from '../../server/http';
import { auditRoutes } from './audit-routes';
import { createAuditLog } from './create-audit-log';

describe(`GET /api/admin/audit on ${testEngine}`, () => {
  let database: Database;
  let server: Server;
  let base: string;
  let shopA: string;
  let shopB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = (await upsertShop(database.db, { domain: 'audit-route-a.myshopify.com' })).id;
    shopB = (await upsertShop(database.db, { domain: 'audit-route-b.myshopify.com' })).id;
    const auditLog = createAuditLog({ db: database.db });
    await auditLog.record({ shopId: shopA, actor: { kind: 'staff', id: 'admin' }, action: 'answers.edit' });
    await auditLog.record({ shopId: shopB, actor: { kind: 'staff', id: 'admin' }, action: 'blocklist.add' });
    // Stands in for the admin's authenticateStaff: the shop comes from the credential only.
    const authenticate = async (req: Request) => {
      const token = req.headers.authorization;
      if (token === 'Bearer a') return { shopId: shopA, actor: 'shopify-user:1' };
      if (token === 'Bearer b') return { shopId: shopB, actor: 'shopify-user:2' };
      throw new UnauthorizedError();
    };
    server = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes: [auditRoutes({ auditLog, authenticate })] });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/admin/audit`;
  });
  afterAll(async () => {
    server.close();
    await database.close();
  });

  it("shows staff their own shop's entries only, whatever the query says", async () => {
    const response = await fetch(`${base}?shopId=${shopB}`, { headers: { authorization: 'Bearer a' } });
    expect(response.status).toBe(400);
    const ok = await fetch(`${base}?limit=10`, { headers: { authorization: 'Bearer a' } });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { entries: Array<{ action: string }>; nextBefore: number | null };
    expect(body.entries.map((e) => e.action)).toEqual(['answers.edit']);
  });

  it('filters by action and answers 400 to a bad filter', async () => {
    const response = await fetch(`${base}?action=blocklist.add`, { headers: { authorization: 'Bearer b' } });
    expect(((await response.json()) as { entries: unknown[] }).entries).toHaveLength(1);
    expect((await fetch(`${base}?actorKind=robot`, { headers: { authorization: 'Bearer b' } })).status).toBe(400);
  });

  it('answers 401 without credentials', async () => {
    expect((await fetch(base)).status).toBe(401);
  });
});
