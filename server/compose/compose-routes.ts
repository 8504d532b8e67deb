import { audienceRoutes } from '../../audience';
import { saveAnswerOverride } from '../../bot';
import { webChatRoutes } from '../../bot/channels';
import type { ShopifyConnector } from '../../connectors/shopify';
import type { Config } from '../../core/config';
import type { RouteModule } from '../../core/http';
import type { Logger } from '../../core/logging';
import type { Metrics } from '../../core/metrics';
import type { Database } from '../../db';
import type { RateLimits } from '../../db/rate-limits';
import type { JobRunner } from '../../jobs';
import { auditRoutes, privacyNoticeRoutes, subjectRequestRoutes, type PrivacyServices } from '../../privacy';
import { publicAppealRoutes, riskAdminRoutes, storefrontDeviceRoutes, type RiskService } from '../../risk';
import { modelRoutes, reviewQueueRoutes } from '../../training';
import { adminApiRoutes, adminStaticRoutes } from '../admin-api';
import { adminAuthRoutes, type AdminAuthDeps, type AuthenticateStaff } from '../admin-auth';
import { databaseProbe, healthRoutes } from '../health';
import type { AudienceService } from './audience-type';
import type { ComposedBot } from './compose-bot';

/** Every HTTP route this process serves, from each capability's own route module. */
export function composeRoutes(deps: {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  database: Database;
  /** The job runner, when this process runs jobs; read when a request enqueues work. */
  jobs: () => JobRunner | undefined;
  staffAuth: AdminAuthDeps;
  authenticateStaff: AuthenticateStaff;
  privacy: PrivacyServices;
  connector: ShopifyConnector;
  audience: AudienceService;
  risk: RiskService;
  rateLimits: RateLimits;
  channels: ComposedBot;
}): RouteModule[] {
  const { config, database, authenticateStaff, jobs } = deps;
  const { auditLog, audit } = deps.privacy;
  const { bot, directLine, messenger } = deps.channels;
  return [
    healthRoutes({
      probe: { database: databaseProbe(database.pool), jobs: () => (config.RUN_JOBS ? (jobs()?.isRunning() ?? false) : true) },
      metrics: deps.metrics,
      metricsToken: config.METRICS_TOKEN,
    }),
    adminAuthRoutes(deps.staffAuth),
    adminApiRoutes({ db: database.db, logger: deps.logger, authenticateStaff, audit }),
    auditRoutes({ auditLog, authenticate: authenticateStaff }),
    subjectRequestRoutes({ subjectRights: deps.privacy.subjectRights, auditLog, authenticate: authenticateStaff }),
    privacyNoticeRoutes({ db: database.db }),
    reviewQueueRoutes({ db: database.db, auditLog, authenticate: authenticateStaff, saveAnswerOverride }),
    modelRoutes({ db: database.db, auditLog, authenticate: authenticateStaff, requestRetrain: async (shopId, lang) => (await jobs()?.now('training.retrain', { shopId, lang })) ?? '' }),
    riskAdminRoutes({ service: deps.risk, authenticate: authenticateStaff, onVerdictChanged: async (shopId, verdictId) => void (await jobs()?.now('risk.write-back', { shopId, verdictId })) }),
    publicAppealRoutes({ service: deps.risk, trustProxy: config.TRUST_PROXY, rateLimits: deps.rateLimits }),
    storefrontDeviceRoutes({ service: deps.risk, trustProxy: config.TRUST_PROXY, rateLimits: deps.rateLimits }),
    audienceRoutes({ audience: deps.audience, authenticate: authenticateStaff, enqueue: async (name, data) => void (await jobs()?.now(name, data)) }),
    adminStaticRoutes({ shopifyApiKey: config.SHOPIFY_API_KEY }),
    ...deps.connector.routes,
    bot.messagesRoute,
    bot.inboxRoutes,
    directLine.routes,
    webChatRoutes({ db: database.db }),
    ...(messenger ? [messenger.routes] : []),
  ];
}
