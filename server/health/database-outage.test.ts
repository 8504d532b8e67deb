/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions */
import { createServer, type Server as NetServer, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Pool } from 'pg';
import type { Request, Response, Server } from 'restify';
import { createMetrics } from '../../core/metrics';
import type { Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createApp } from '../http';
import { databaseProbe } from './database-probe';
import { healthRoutes } from './health-routes';

/** A TCP proxy we can cut and restore, standing in for a network or server outage. */
async function startCuttableProxy(target: URL): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let up = true;
  const server: NetServer = createServer((client) => {
    if (!up) return client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore() {
      up = true;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe(`when the database goes away (${testEngine})`, () => {
  let database: Database;
  let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
  let pool: Pool;
  let app: Server;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await startCuttableProxy(new URL(database.connectionString));
    const url = new URL(database.connectionString);
    url.port = String(proxy.port);
    pool = new Pool({ connectionString: url.toString(), max: 3, connectionTimeoutMillis: 1_000 });
    pool.on('error', () => undefined);
    const metrics = createMetrics({ defaultMetrics: false });
    app = createApp({
      logger: pino({ level: 'silent' }),
      metrics,
      routes: [
        healthRoutes({ metrics, probe: { database: databaseProbe(pool, 1_500), jobs: () => true } }),
        (server) =>
          server.get('/count', async (_req: Request, res: Response) => {
            const { rows } = await pool.query('SELECT count(*)::int AS n FROM shops');
            res.send(200, rows[0]);
          }),
      ],
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => app.close(() => resolve()));
    await pool.end();
    await proxy.close();
    await database.close();
  });

  it('fails /readyz and answers 503, then recovers without a restart', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/count`)).status).toBe(200);

    proxy.cut();
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    const during = await fetch(`${base}/count`);
    expect(during.status).toBe(503);
    expect(((await during.json()) as any).code).toBe('unavailable');

    proxy.restore();
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/count`)).status).toBe(200);
  });
});
