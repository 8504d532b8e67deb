import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino from 'pino';
import type { Server } from 'restify';
import { createMetrics } from '../../core/metrics';
import { createApp } from '../http';
import { adminStaticRoutes } from './admin-static-routes';

describe('serving the admin UI', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createApp({
      logger: pino({ level: 'silent' }),
      metrics: createMetrics({ defaultMetrics: false }),
      routes: [adminStaticRoutes({ distDir: join(__dirname, 'fixtures/dist'), shopifyApiKey: 'the-api-key' })],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves standalone pages with nothing remote and refuses to be framed', async () => {
    const res = await fetch(`${base}/admin`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).not.toMatch(/https?:\/\//);
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none';");
  });

  it('loads App Bridge first, with the API key, when Shopify embeds the page', async () => {
    const res = await fetch(`${base}/admin/settings?embedded=1&host=YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvYWxwaGE&shop=alpha.myshopify.com`);
    const html = await res.text();
    expect(html).toMatch(/<head>\s*<meta name="shopify-api-key" content="the-api-key" \/>\s*<script src="https:\/\/cdn\.shopify\.com\/shopifycloud\/app-bridge\.js"><\/script>/);
    expect(res.headers.get('content-security-policy')).toBe('frame-ancestors https://alpha.myshopify.com https://admin.shopify.com;');
  });

  it('falls back to index.html for the UI routes so reloads work', async () => {
    const res = await fetch(`${base}/admin/review-queue/123`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<div id="root">/);
  });

  it('serves hashed assets with long caching and refuses paths outside the build', async () => {
    const asset = await fetch(`${base}/admin/assets/app.js`);
    expect(asset.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${base}/admin/assets/..%2F..%2Fadmin-static-routes.ts`)).status).toBe(404);
    expect((await fetch(`${base}/admin/assets/missing.js`)).status).toBe(404);
  });
});
