import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Server } from 'restify';
import { createMetrics } from '../../../core/metrics';
import type { Db } from '../../../db';
import { adminAuthRoutes, createStaffAuthenticator, type AdminAuthDeps, type AuthenticateStaff } from '../../admin-auth';
import { createApp, type RouteModule } from '../../http';
import { adminApiRoutes } from '../admin-api-routes';
import { adminStaticRoutes } from '../admin-static-routes';

/** A fixed test key; never use it outside tests. */
export const TEST_ENCRYPTION_KEY = 'a'.repeat(64);
/** The admin password of the test server. */
export const TEST_ADMIN_PASSWORD = 'correct-horse-battery';

/** A running admin for tests: the base URL, the authenticator other routes can use, and close. */
export interface AdminTestServer {
  base: string;
  server: Server;
  authenticateStaff: AuthenticateStaff;
  close(): Promise<void>;
}

/**
 * Starts the real app on 127.0.0.1:0 with the admin's auth, API and static routes, plus any `routes` a
 * capability wants to test behind staff auth (they get the same `authenticateStaff`).
 */
export async function startAdminTestServer(
  options: { db: Db } & Partial<Omit<AdminAuthDeps, 'db'>> & { routes?: (authenticateStaff: AuthenticateStaff) => RouteModule[]; distDir?: string },
): Promise<AdminTestServer> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const deps: AdminAuthDeps = {
    encryptionKey: TEST_ENCRYPTION_KEY,
    adminPassword: TEST_ADMIN_PASSWORD,
    ...options,
    logger,
  };
  const authenticateStaff = createStaffAuthenticator(deps);
  const server = createApp({
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    routes: [
      adminAuthRoutes(deps),
      adminApiRoutes({ db: options.db, logger, authenticateStaff, audit: options.audit, clock: options.clock }),
      adminStaticRoutes({ distDir: options.distDir, shopifyApiKey: options.shopify?.apiKey }),
      ...(options.routes?.(authenticateStaff) ?? []),
    ],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, server, authenticateStaff, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
