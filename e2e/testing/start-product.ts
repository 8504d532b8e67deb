import { createScratchDatabase } from '../../db/testing';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../core/config';
import { createLogger } from '../../core/logging';
import { startStoredesk, type RunningStoredesk } from '../../server/start-storedesk';

/** The staff password the product runs with in whole-product tests. */
export const E2E_ADMIN_PASSWORD = 'e2e-staff-password-0123';

/** The whole product, started the way `main` starts it, with every log line kept in memory. */
export interface RunningProduct {
  app: RunningStoredesk;
  url: string;
  /** The demo shop's id in our database. */
  shopId: string;
  /** The demo shop's domain, as buyers' widgets name it. */
  shopDomain: string;
  /** Every log line the product wrote, as JSON text, in order. */
  logLines: string[];
  engine: 'pglite' | 'postgres';
  stop(): Promise<void>;
}

/** Options for {@link startProduct}. */
export interface StartProductOptions {
  demoOrders?: number;
  /** pino level of the captured logger; the most verbose by default, so every line that could leak is seen. */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn';
}

/**
 * Starts storedesk with the demo store, on embedded PGlite, or with `TEST_DATABASE_URL` on a fresh
 * database of that PostgreSQL server (dropped on stop). Resolves once the demo shop is installed.
 */
export async function startProduct(options: StartProductOptions = {}): Promise<RunningProduct> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl, 'storedesk_e2e') : undefined;
  const logLines: string[] = [];
  const logger = createLogger({ level: options.logLevel ?? 'trace', destination: { write: (line: string) => void logLines.push(line) } });
  const config = loadConfig({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      DATABASE_URL: scratch?.url,
      DB_POOL_SIZE: '5',
    },
  });
  let app: RunningStoredesk;
  try {
    app = await startStoredesk({ config, logger, inMemory: true, demoOrders: options.demoOrders ?? 120, jobTiming: { processEveryMs: 300, lockLifetimeMs: 4_000 } });
  } catch (error) {
    await scratch?.drop();
    throw error;
  }
  const shop = app.demo?.shopRecord;
  if (!shop) {
    await app.stop();
    await scratch?.drop();
    throw new Error('The demo store was not installed: is a Shopify app configured in the environment?');
  }
  return {
    app,
    url: app.url,
    shopId: shop.id,
    shopDomain: shop.domain,
    logLines,
    engine: scratch ? 'postgres' : 'pglite',
    async stop() {
      await app.stop();
      await scratch?.drop();
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Waits until the background `shopify.sync` job has completed an orders sync for the demo shop. */
export async function waitForOrdersSynced(product: RunningProduct, timeoutMs = 90_000): Promise<number> {
  const { pool } = product.app.database;
  return waitFor(
    'the demo store orders sync',
    async () => {
      const runs = await pool.query("SELECT status, error FROM sync_runs WHERE shop_id = $1 AND kind LIKE '%orders%'", [product.shopId]);
      const failed = runs.rows.find((row: { status: string }) => row.status === 'failed');
      if (failed) throw new Error(`The demo orders sync failed: ${failed.error}`);
      if (!runs.rows.some((row: { status: string }) => row.status === 'completed')) return undefined;
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM orders WHERE shop_id = $1', [product.shopId]);
      return rows[0].n > 0 ? (rows[0].n as number) : undefined;
    },
    timeoutMs,
  );
}
