import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { audienceRetentionTargets, createAudience } from '../audience';
import { createChatAppealNotifier, type BotRuntime } from '../bot';
import { createRetrainer } from '../training';
import { createInstallationHasher, createRiskService, deriveAppealLinkKey, riskRetentionTargets, riskSubjectHolder } from '../risk';
import { systemClock } from '../core/clock';
import { createShopifyConnector, startDemoShopify, type DemoShopify, type ShopifyConnector } from '../connectors/shopify';
import type { Config } from '../core/config';
import { createSecretBox } from '../core/crypto';
import type { Logger } from '../core/logging';
import { createMetrics, type Metrics } from '../core/metrics';
import { openDatabase, type Database, type Shop } from '../db';
import { createRateLimits } from '../db/rate-limits';
import type { JobRunner } from '../jobs';
import { createPrivacyServices } from '../privacy';
import { createStaffAuthenticator } from './admin-auth';
import type { AudienceService } from './compose/audience-type';
import { composeBot } from './compose/compose-bot';
import { composeRoutes } from './compose/compose-routes';
import { installDemo } from './compose/install-demo';
import { lazyHolder } from './compose/lazy-holder';
import { startJobs } from './compose/start-jobs';
import { createApp } from './http';
import { errorForLog } from '../core/logging';

/** A running storedesk: everything `main` wires, and how to stop it in order. */
export interface RunningStoredesk {
  url: string;
  port: number;
  server: Server;
  database: Database;
  jobs?: JobRunner;
  metrics: Metrics;
  connector: ShopifyConnector;
  bot: BotRuntime;
  /** The built-in demo store, when no Shopify app is configured. */
  demo?: DemoShopify & { shopRecord?: Shop };
  /** Stops accepting requests, finishes in-flight ones, stops jobs, closes the database. */
  stop(): Promise<void>;
}

/** Options for {@link startStoredesk}. */
export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Keep the embedded database in memory instead of DATA_DIR (tests). */
  inMemory?: boolean;
  /** Orders in the demo store (default about 2,000). */
  demoOrders?: number;
  /** Faster job polling and short locks, so a test's process can exit soon after `stop()`. */
  jobTiming?: { processEveryMs: number; lockLifetimeMs: number };
}

/** Opens the database, starts jobs and the HTTP server, and (without a Shopify app) the demo store. */
export async function startStoredesk(options: StartOptions): Promise<RunningStoredesk> {
  const { config, logger } = options;
  if (!config.ENCRYPTION_KEY) throw new Error('ENCRYPTION_KEY is not set');
  const metrics = createMetrics();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: options.inMemory ? undefined : config.DATA_DIR,
    poolSize: config.DB_POOL_SIZE,
    onPoolError: (error) => logger.warn({ err: errorForLog(error) }, 'database connection lost'),
  });
  const closers: Array<() => Promise<unknown>> = [() => database.close()];
  try {
    const secrets = createSecretBox(config.ENCRYPTION_KEY);
    // Assigned once audience exists; privacy's holder reads it lazily, which prefer-const can't see.
    // eslint-disable-next-line prefer-const
    let audience: AudienceService | undefined;
    const privacy = createPrivacyServices({
      database,
      secrets,
      logger: logger.child({ component: 'privacy' }),
      holders: [
        lazyHolder('audience', () => audience?.subjectHolder),
        riskSubjectHolder({ db: database.pool, hasher: createInstallationHasher(config.ENCRYPTION_KEY), clock: systemClock }),
      ],
      retentionTargets: [...audienceRetentionTargets({ pool: database.pool }), ...riskRetentionTargets({ db: database.pool, clock: systemClock })],
    });
    const { auditLog, audit } = privacy;
    const demo = config.SHOPIFY_API_KEY ? undefined : await startDemoShopify({ encryptionKey: config.ENCRYPTION_KEY, orders: options.demoOrders ?? config.DEMO_ORDERS });
    if (demo) closers.unshift(() => demo.fake.close());
    const shopifyApp = demo
      ? { apiKey: demo.apiKey, apiSecret: demo.apiSecret, appUrl: `http://localhost:${config.PORT}`, adminApiOrigin: demo.fake.url }
      : { apiKey: config.SHOPIFY_API_KEY!, apiSecret: config.SHOPIFY_API_SECRET!, appUrl: config.SHOPIFY_APP_URL! };

    let jobs: JobRunner | undefined;
    const connector = createShopifyConnector({
      database,
      secrets,
      logger: logger.child({ component: 'shopify' }),
      app: { ...shopifyApp, scopes: config.SCOPES.split(',').map((s) => s.trim()) },
      compliance: privacy.compliance,
      enqueueDelivery: async (deliveryId, shopId) => {
        await jobs?.now('shopify.process-webhook', { deliveryId, shopId });
      },
      onInstalled: async (shop) => {
        const synced = await database.pool.query("SELECT 1 FROM sync_runs WHERE shop_id = $1 AND status = 'completed' LIMIT 1", [shop.id]);
        await jobs?.now('shopify.sync', { shopId: shop.id, mode: synced.rowCount ? 'incremental' : 'full' });
      },
    });
    const audienceService = createAudience({
      database,
      pseudonymizer: privacy.pseudonymizer,
      auditLog,
      writeBackFor: (id) => connector.writeBackFor(id),
      onChatTopicError: (error) => logger.warn({ err: errorForLog(error) }, 'chat topic not recorded'),
    });
    audience = audienceService;
    const retrainer = createRetrainer({ db: database.db });
    const publicUrl = config.SHOPIFY_APP_URL ?? `http://localhost:${config.PORT}`;
    // The bot is built after risk, and risk tells buyers appeal outcomes through the bot's channels.
    // eslint-disable-next-line prefer-const
    let botRuntime: BotRuntime | undefined;
    const risk = createRiskService({
      db: database.pool,
      hasher: createInstallationHasher(config.ENCRYPTION_KEY),
      appealLinkKey: deriveAppealLinkKey(config.ENCRYPTION_KEY),
      clock: systemClock,
      audit: async (event) => void (await auditLog.record(event)),
      writeBackFor: (shopId) => connector.writeBackFor(shopId),
      publicUrl,
      notifier: createChatAppealNotifier(() => botRuntime),
      onError: (error, context) => logger.warn({ err: errorForLog(error), context }, 'risk step failed'),
    });
    if (config.RUN_JOBS) {
      const runner = await startJobs({
        logger,
        metrics,
        database,
        connector,
        privacy,
        audience: audienceService,
        training: { db: database.db, retrainer },
        risk,
        timing: options.jobTiming,
      });
      jobs = runner;
      closers.unshift(() => runner.stop());
    }

    // One set of counters for every rate limit, in the database, so all web processes share each budget.
    const rateLimits = createRateLimits({ db: database.pool, secret: config.ENCRYPTION_KEY });
    const staffAuth = {
      db: database.db,
      logger,
      encryptionKey: config.ENCRYPTION_KEY,
      adminPassword: config.ADMIN_PASSWORD,
      shopify: { apiKey: shopifyApp.apiKey, apiSecret: shopifyApp.apiSecret },
      appUrl: config.SHOPIFY_APP_URL,
      trustProxy: config.TRUST_PROXY,
      rateLimits,
      audit,
    };
    const authenticateStaff = createStaffAuthenticator(staffAuth);
    const channels = await composeBot({
      config,
      logger,
      database,
      secrets,
      rateLimits,
      authenticate: authenticateStaff,
      defaultShop: demo?.shop,
      risk: { deps: risk.deps },
      chatTopics: audienceService.chatTopics,
    });
    const { bot } = channels;
    botRuntime = bot;
    closers.unshift(() => channels.directLine.close());
    closers.unshift(() => bot.flush());

    const routes = composeRoutes({
      config,
      logger,
      metrics,
      database,
      jobs: () => jobs,
      staffAuth,
      authenticateStaff,
      privacy,
      connector,
      audience: audienceService,
      risk,
      rateLimits,
      channels,
    });
    const server = createApp({ logger, metrics, routes });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(config.PORT, config.HOST, () => resolve());
    });
    closers.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;

    const demoState = demo ? await installDemo({ demo, connector, risk, port, orders: options.demoOrders ?? config.DEMO_ORDERS }) : undefined;

    return {
      url,
      port,
      server,
      database,
      jobs,
      metrics,
      connector,
      bot,
      demo: demoState,
      async stop() {
        for (const close of closers) await close().catch((error: Error) => logger.warn({ err: errorForLog(error) }, 'stop step failed'));
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
    throw error;
  }
}
