import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Server } from 'restify';
import { ManualClock } from '../../core/clock';
import { createMetrics } from '../../core/metrics';
import { schema, updateShopSettings, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createApp } from '../../server/http';
import { generatePrivacyRecords } from './generate-records';
import { privacyNoticeRoutes } from './notice-routes';

const stamp = new Date('2026-10-01T00:00:00Z');

describe(`PDPA records on ${testEngine}`, () => {
  let database: Database;
  let shopId: string;
  let bareShop: string;
  let server: Server;
  let base: string;
  const clock = new ManualClock('2026-11-30T00:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    shopId = (await upsertShop(database.db, { domain: 'records.myshopify.com', name: 'Kopi <b>& Co</b> [click](javascript:alert(1))' })).id;
    bareShop = (await upsertShop(database.db, { domain: 'records-bare.myshopify.com', name: 'Bare Shop' })).id;
    await updateShopSettings(database.db, shopId, { retentionDays: 45, kFloor: 12, dataProtectionContact: { name: 'Dana <script>alert(1)</script> Lim', email: 'dpo@kopi.sg' } });
    for (const id of [1, 2, 3]) {
      await database.db.insert(schema.customers).values({ shopId, id, email: `buyer${id}@example.com`, firstName: 'Siti', lastName: 'Rahman', createdAt: stamp, updatedAt: stamp });
    }
    await database.db.insert(schema.orders).values({ shopId, id: 10, name: '#1010', customerId: 1, email: 'buyer1@example.com', currency: 'SGD', totalPrice: '10.00', createdAt: stamp, updatedAt: stamp });
    server = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes: [privacyNoticeRoutes({ db: database.db, clock })] });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/privacy/notice`;
  });
  afterAll(async () => {
    server.close();
    await database.close();
  });

  it("renders the three documents with the shop's contact, retention, k-floor and real counts", async () => {
    const documents = await generatePrivacyRecords({ db: database.db, clock }, shopId);
    expect(documents.map((d) => d.slug)).toEqual(['business-improvement', 'legitimate-interests', 'privacy-notice']);
    for (const doc of documents) {
      expect(doc.markdown).toContain('dpo@kopi');
      expect(doc.html).toContain('dpo@kopi');
      expect(doc.markdown).toMatch(/45 days/);
    }
    const [bi, li] = documents;
    expect(bi!.markdown).toMatch(/k = 12/);
    expect(li!.markdown).toMatch(/\| Customers \| 3 \|/);
    expect(li!.markdown).toMatch(/\| Orders \| 1 \|/);
    expect(li!.html).toMatch(/<td>Customers<\/td>\s*<td[^>]*>3<\/td>/);
  });

  it('holds no personal data of buyers', async () => {
    const text = (await generatePrivacyRecords({ db: database.db, clock }, shopId)).map((d) => d.markdown + d.html).join('\n');
    expect(text).not.toMatch(/buyer\d@example\.com|Siti|Rahman|#1010/);
  });

  it('escapes merchant-entered text: no script, tag or link survives into the HTML', async () => {
    const html = (await generatePrivacyRecords({ db: database.db, clock }, shopId)).map((d) => d.html).join('\n');
    expect(html).not.toMatch(/<script|<b>|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('says plainly when the shop has named no data-protection contact', async () => {
    const [, , notice] = await generatePrivacyRecords({ db: database.db, clock }, bareShop);
    expect(notice!.markdown).toMatch(/No data-protection contact has been named yet/);
  });

  it('serves the public notice as HTML at /privacy/notice?shop=DOMAIN', async () => {
    const response = await fetch(`${base}?shop=records.myshopify.com`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('dpo@kopi');
  });

  it.each([
    ['an unknown shop', 404, '?shop=nobody.myshopify.com'],
    ['a malformed domain', 400, '?shop=evil.com'],
    ['no shop', 400, ''],
  ])('answers %s with %i', async (_case, status, query) => {
    expect((await fetch(`${base}${query}`)).status).toBe(status);
  });
});
