import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import { audienceRetentionTargets, audienceRoutes, createAudience } from '../audience';
import { createBotRuntime, createChatAppealNotifier, saveAnswerOverride, type BotRuntime, type ConversationSender } from '../bot';
import { createRetrainer, modelRoutes, reviewQueueRoutes } from '../training';
import { createInstallationHasher, createRiskService, deriveAppealLinkKey, publicAppealRoutes, riskAdminRoutes } from '../risk';
import { systemClock } from '../core/clock';
import { createDirectLineChannel, createMessengerChannel, webChatRoutes } from '../bot/channels';
import { createShopifyConnector, DEMO_SEED, startDemoShopify, type DemoShopify, type ShopifyConnector } from '../connectors/shopify';
import { generateDemoStore } from '../connectors/shopify/demo-store';
import { demoBlockedDeviceId, seedDemoBlocklist } from './compose/demo-blocklist';
import type { Config } from '../core/config';
import { createSecretBox } from '../core/crypto';
import type { RouteModule } from '../core/http';
import type { Logger } from '../core/logging';
import { createMetrics, type Metrics } from '../core/metrics';
import { openDatabase, type Database, type Shop } from '../db';
import { createRateLimits } from '../db/rate-limits';
import { startJobRunner, type JobRunner } from '../jobs';
import { auditRoutes, createPrivacyServices, privacyNoticeRoutes, subjectRequestRoutes } from '../privacy';
import { adminApiRoutes, adminStaticRoutes } from './admin-api';
import { adminAuthRoutes, createStaffAuthenticator } from './admin-auth';
import type { AudienceService } from './compose/audience-type';
import { composeJobDefinitions } from './compose/compose-jobs';
import { lazyHolder } from './compose/lazy-holder';


import { databaseProbe, healthRoutes } from './health';
import { createApp } from './http';

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
    onPoolError: (error) => logger.warn({ err: { message: error.message } }, 'database connection lost'),
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
      holders: [lazyHolder('audience', () => audience?.subjectHolder)],
      retentionTargets: audienceRetentionTargets({ pool: database.pool }),
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
      onChatTopicError: (error) => logger.warn({ err: { message: (error as Error).message } }, 'chat topic not recorded'),
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
      onError: (error, context) => logger.warn({ err: { message: (error as Error).message }, context }, 'risk step failed'),
    });
    if (config.RUN_JOBS) {
      jobs = await startJobRunner({
        pool: database.pool,
        engine: database.engine,
        logger: logger.child({ component: 'jobs' }),
        metrics,
        processEveryMs: options.jobTiming?.processEveryMs,
        lockLifetimeMs: options.jobTiming?.lockLifetimeMs,
        maxLockLifetimeMs: options.jobTiming?.lockLifetimeMs,
        definitions: composeJobDefinitions({
          connector,
          privacy,
          audience: audienceService,
          training: { db: database.db, retrainer, every: (...args) => jobs!.every(...args) },
          risk,
        }),
      });
      const runner = jobs;
      closers.unshift(() => runner.stop());
      await jobs.every('1 minute', 'shopify.webhook-sweep', {}, { uniqueKey: { name: 'shopify.webhook-sweep' } });
      await jobs.every('0 4 * * *', 'privacy.retention-sweep', {}, { uniqueKey: { name: 'privacy.retention-sweep' } });
      await jobs.every('0 2 * * *', 'training.schedule-nightly', {}, { uniqueKey: { name: 'training.schedule-nightly' } });
      await jobs.now('training.schedule-nightly', {});
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
    // The channels run turns through the bot, and the bot replies to staff through the channels.
    // eslint-disable-next-line prefer-const -- assigned below, read lazily by the channels' logic
    let runtime: BotRuntime | undefined;
    const logic = (context: TurnContext) => runtime!.bot.run(context);
    const directLine = await createDirectLineChannel({ database, encryptionKey: config.ENCRYPTION_KEY, logic, logger: logger.child({ component: 'direct-line' }), trustProxy: config.TRUST_PROXY, rateLimits });
    closers.unshift(() => directLine.close());
    const messenger = config.MESSENGER_APP_SECRET
      ? createMessengerChannel({
          db: database.db,
          secretBox: secrets,
          appSecret: config.MESSENGER_APP_SECRET,
          verifyToken: config.MESSENGER_VERIFY_TOKEN!,
          graphBaseUrl: config.MESSENGER_GRAPH_URL,
          logic,
          logger: logger.child({ component: 'messenger' }),
        })
      : undefined;
    const senders: Record<string, ConversationSender> = { directline: directLine.sender };
    if (messenger) senders.facebook = messenger.sender;
    const bot = createBotRuntime({
      db: database.db,
      logger: logger.child({ component: 'bot' }),
      authenticate: authenticateStaff,
      microsoftApp: config.MicrosoftAppId
        ? { MicrosoftAppId: config.MicrosoftAppId, MicrosoftAppPassword: config.MicrosoftAppPassword, MicrosoftAppType: config.MicrosoftAppType, MicrosoftAppTenantId: config.MicrosoftAppTenantId }
        : undefined,
      defaultShop: demo?.shop,
      senders,
      risk: { deps: risk.deps },
      chatTopics: audienceService.chatTopics,
    });
    botRuntime = bot;
    runtime = bot;
    bot.installTurnErrorHandler(directLine.adapter);
    if (messenger) bot.installTurnErrorHandler(messenger.adapter);
    closers.unshift(() => bot.flush());
    // The default English model trains in the background; a buyer who writes in the first second waits for it.
    void bot.warmUp(['en']).then(
      (ms) => logger.info({ ms }, 'default model ready'),
      (error: Error) => logger.warn({ err: { message: error.message } }, 'default model warm-up failed'),
    );

    const routes: RouteModule[] = [
      healthRoutes({
        probe: { database: databaseProbe(database.pool), jobs: () => (config.RUN_JOBS ? (jobs?.isRunning() ?? false) : true) },
        metrics,
      }),
      adminAuthRoutes(staffAuth),
      adminApiRoutes({ db: database.db, logger, authenticateStaff, audit }),
      auditRoutes({ auditLog, authenticate: authenticateStaff }),
      subjectRequestRoutes({ subjectRights: privacy.subjectRights, auditLog, authenticate: authenticateStaff }),
      privacyNoticeRoutes({ db: database.db }),
      reviewQueueRoutes({ db: database.db, auditLog, authenticate: authenticateStaff, saveAnswerOverride }),
      modelRoutes({ db: database.db, auditLog, authenticate: authenticateStaff, requestRetrain: async (shopId, lang) => (await jobs?.now('training.retrain', { shopId, lang })) ?? '' }),
      riskAdminRoutes({ service: risk, authenticate: authenticateStaff, onVerdictChanged: async (shopId, verdictId) => void (await jobs?.now('risk.write-back', { shopId, verdictId })) }),
      publicAppealRoutes({ service: risk, trustProxy: config.TRUST_PROXY, rateLimits }),
      audienceRoutes({ audience: audienceService, authenticate: authenticateStaff, enqueue: async (name, data) => void (await jobs?.now(name, data)) }),
      adminStaticRoutes({ shopifyApiKey: config.SHOPIFY_API_KEY }),
      ...connector.routes,
      bot.messagesRoute,
      bot.inboxRoutes,
      directLine.routes,
      webChatRoutes({ db: database.db }),
      ...(messenger ? [messenger.routes] : []),
    ];
    const server = createApp({ logger, metrics, routes });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(config.PORT, config.HOST, () => resolve());
    });
    closers.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;

    let demoState: RunningStoredesk['demo'];
    if (demo) {
      demo.fake.setWebhookTarget(`http://127.0.0.1:${port}/webhooks/shopify`);
      // The fake forgets its tokens on restart, so the demo shop is re-installed on every start.
      const { installed } = await connector.installWithSessionToken(demo.fake.mintSessionToken(), { force: true });
      demoState = { ...demo, shopRecord: installed };
      // One abuse-ring device of the demo store is blocked, so the demo shows the refusal and the appeal.
      const deviceId = demoBlockedDeviceId(generateDemoStore({ seed: DEMO_SEED, orders: options.demoOrders ?? config.DEMO_ORDERS }));
      if (deviceId && installed) await seedDemoBlocklist({ risk, shopId: installed.id, deviceId });
    }

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
        for (const close of closers) await close().catch((error: Error) => logger.warn({ err: { message: error.message } }, 'stop step failed'));
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
    throw error;
  }
}
