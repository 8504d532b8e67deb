import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Server } from 'restify';
import { createMetrics } from '../../../core/metrics';
import { createApp } from '../../../server/http';

/** The real app on 127.0.0.1, port 0, with the given route modules. */
export async function startTestServer(routes: Array<(server: Server) => void>): Promise<{ base: string; server: Server; close(): Promise<void> }> {
  const server = createApp({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), routes });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
