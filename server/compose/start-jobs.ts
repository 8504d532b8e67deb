import type { Logger } from '../../core/logging';
import type { Metrics } from '../../core/metrics';
import type { Database } from '../../db';
import { startJobRunner, type JobRunner } from '../../jobs';
import type { TrainingJobDeps } from '../../jobs/training-jobs';
import type { ShopifyConnector } from '../../connectors/shopify';
import type { PrivacyServices } from '../../privacy';
import type { RiskService } from '../../risk';
import type { AudienceService } from './audience-type';
import { composeJobDefinitions } from './compose-jobs';

/** Starts the job runner with every capability's jobs and the installation-wide schedules. */
export async function startJobs(deps: {
  logger: Logger;
  metrics: Metrics;
  database: Database;
  connector: ShopifyConnector;
  privacy: PrivacyServices;
  audience: AudienceService;
  training: Omit<TrainingJobDeps, 'every'>;
  risk: RiskService;
  timing?: { processEveryMs: number; lockLifetimeMs: number };
}): Promise<JobRunner> {
  const { database, timing } = deps;
  const built: { runner?: JobRunner } = {};
  const jobs = await startJobRunner({
    pool: database.pool,
    engine: database.engine,
    logger: deps.logger.child({ component: 'jobs' }),
    metrics: deps.metrics,
    processEveryMs: timing?.processEveryMs,
    lockLifetimeMs: timing?.lockLifetimeMs,
    maxLockLifetimeMs: timing?.lockLifetimeMs,
    definitions: composeJobDefinitions({
      connector: deps.connector,
      privacy: deps.privacy,
      audience: deps.audience,
      // Training schedules per-shop jobs through the runner it is being defined for.
      training: { ...deps.training, every: (...args) => built.runner!.every(...args) },
      risk: deps.risk,
    }),
  });
  built.runner = jobs;
  try {
    await jobs.every('1 minute', 'shopify.webhook-sweep', {}, { uniqueKey: { name: 'shopify.webhook-sweep' } });
    await jobs.every('0 4 * * *', 'privacy.retention-sweep', {}, { uniqueKey: { name: 'privacy.retention-sweep' } });
    await jobs.every('0 2 * * *', 'training.schedule-nightly', {}, { uniqueKey: { name: 'training.schedule-nightly' } });
    await jobs.now('training.schedule-nightly', {});
  } catch (error) {
    await jobs.stop();
    throw error;
  }
  return jobs;
}
