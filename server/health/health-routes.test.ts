import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Server } from 'restify';
import { createMetrics } from '../../core/metrics';
import { createApp } from '../http';
import { healthRoutes } from './health-routes';

describe('metrics behind METRICS_TOKEN', () => {
  const token = 'scrape-token-0123456789';
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    server = createApp({ logger: pino({ level: 'silent' }), metrics, routes: [healthRoutes({ metrics, metricsToken: token, probe: { database: async () => undefined, jobs: () => true } })] });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers only a scrape that carries the token, and leaves the health checks open', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${token}`, `Bearer ${token}x`]) {
      const res = await fetch(`${base}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toBe('Metrics need the bearer token set in METRICS_TOKEN');
    }
    const scraped = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('# HELP');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
