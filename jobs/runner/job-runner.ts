import { Agenda, InMemoryNotificationChannel, backoffStrategies, type Job } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import type { Pool } from 'pg';
import { ValidationError } from '../../core/errors';
import type { Logger } from '../../core/logging';
import type { Metrics } from '../../core/metrics';
import type { JobDefinition } from './job-definition';
import { errorForLog } from '../../core/logging';

/** Options for {@link startJobRunner}. */
export interface JobRunnerOptions {
  pool: Pool;
  /** Embedded PGlite can't carry LISTEN/NOTIFY across connections, so it uses the in-memory channel. */
  engine: 'embedded' | 'postgres';
  logger: Logger;
  metrics?: Metrics;
  definitions: JobDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Process jobs here (a worker or the all-in-one server); `false` only enqueues. */
  work?: boolean;
  processEveryMs?: number;
  lockLifetimeMs?: number;
  /**
   * Caps every definition's own lock lifetime. Agenda keeps a liveness timer of half the lock lifetime
   * running after each job, so tests cap it to let the process exit soon after `stop()`.
   */
  maxLockLifetimeMs?: number;
  name?: string;
}

/** Enqueues and schedules jobs; owns the Agenda instance. */
export interface JobRunner {
  now<T>(name: string, data: T): Promise<string>;
  schedule<T>(when: Date | string, name: string, data: T): Promise<string>;
  /** A recurring job, one per `uniqueKey` (e.g. one nightly retrain per shop). */
  every<T>(interval: string, name: string, data: T, options: { timezone?: string; uniqueKey: Record<string, unknown> }): Promise<string>;
  /** True while the runner is started and its database answers. */
  isRunning(): boolean;
  /** Waits for running jobs (up to `timeoutMs`), then stops. */
  stop(timeoutMs?: number): Promise<void>;
  agenda: Agenda;
}

const defaultBackoff = backoffStrategies.exponential({ delay: 2_000, maxDelay: 10 * 60_000, maxRetries: 5, jitter: 0.2 });

/** Starts Agenda on storedesk's database with the given definitions. */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const byName = new Map(options.definitions.map((definition) => [definition.name, definition]));
  const backend = new PostgresBackend({ pool: options.pool, disableNotifications: options.engine === 'embedded' });
  const agenda = new Agenda({
    backend,
    name: options.name ?? `storedesk-${process.pid}`,
    processEvery: options.processEveryMs ?? 2_000,
    defaultLockLifetime: options.lockLifetimeMs ?? 10 * 60_000,
    notificationChannel: options.engine === 'embedded' ? new InMemoryNotificationChannel() : undefined,
  });
  agenda.on('error', (error) => options.logger.error({ err: errorForLog(error) }, 'job runner error'));

  for (const definition of options.definitions) {
    agenda.define(
      definition.name,
      async (job: Job<unknown>) => {
        const attempt = (job.attrs.failCount ?? 0) + 1;
        const logger = options.logger.child({ job: definition.name, jobId: String(job.attrs._id), attempt });
        const parsed = definition.schema.safeParse(job.attrs.data);
        if (!parsed.success) {
          // Retrying bad data can't help: record the failure once and stop.
          options.metrics?.jobsTotal.inc({ job: definition.name, outcome: 'invalid' });
          logger.error({ issues: parsed.error.issues.map((i) => i.message) }, 'job data invalid');
          job.attrs.nextRunAt = null;
          return;
        }
        await definition.handle(parsed.data, {
          logger,
          attempt,
          enqueue: (name, data) => api.now(name, data),
          schedule: (when, name, data) => api.schedule(when, name, data),
          progress: async (fraction) => {
            await job.touch(Math.round(Math.min(1, Math.max(0, fraction)) * 100));
          },
        });
      },
      {
        backoff: definition.backoff ?? defaultBackoff,
        concurrency: definition.concurrency,
        lockLifetime:
          definition.lockLifetimeMs === undefined ? undefined : Math.min(definition.lockLifetimeMs, options.maxLockLifetimeMs ?? Number.POSITIVE_INFINITY),
      },
    );
  }
  agenda.on('success', (job) => {
    if ('attrs' in job) options.metrics?.jobsTotal.inc({ job: job.attrs.name, outcome: 'success' });
  });
  agenda.on('fail', (error, job) => {
    if (typeof error === 'string' || !('attrs' in job)) return;
    options.metrics?.jobsTotal.inc({ job: job.attrs.name, outcome: 'failure' });
    options.logger.warn({ job: job.attrs.name, err: errorForLog(error) }, 'job failed');
  });

  const validate = (name: string, data: unknown) => {
    const definition = byName.get(name);
    if (!definition) throw new ValidationError(`Unknown job "${name}"`);
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success) throw new ValidationError(`Invalid data for job "${name}": ${parsed.error.message}`);
  };

  let running = true;
  const api: JobRunner = {
    agenda,
    async now(name, data) {
      validate(name, data);
      const job = await agenda.now(name, data);
      return String(job.attrs._id);
    },
    async schedule(when, name, data) {
      validate(name, data);
      const job = await agenda.schedule(when, name, data);
      return String(job.attrs._id);
    },
    async every(interval, name, data, { timezone, uniqueKey }) {
      validate(name, data);
      const job = agenda.create(name, data);
      job.unique(uniqueKey);
      job.repeatEvery(interval, { timezone, skipImmediate: true });
      await job.save();
      return String(job.attrs._id);
    },
    isRunning: () => running,
    async stop(timeoutMs = 8_000) {
      if (!running) return;
      running = false;
      await agenda.drain(timeoutMs).catch(() => undefined);
      await agenda.stop(false);
    },
  };
  await agenda.ready;
  if (options.work ?? true) await agenda.start();
  return api;
}
