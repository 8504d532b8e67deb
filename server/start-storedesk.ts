import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Config } from '../core/config';
import type { Logger } from '../core/logging';
import { createMetrics, type Metrics } from '../core/metrics';
import { openDatabase, type Database } from '../db';
import { allJobDefinitions, startJobRunner, type JobRunner } from '../jobs';
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
  /** Stops accepting requests, finishes in-flight ones, stops jobs, closes the database. */
  stop(): Promise<void>;
}

/** Options for {@link startStoredesk}. */
export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Keep the embedded database in memory instead of DATA_DIR (tests). */
  inMemory?: boolean;
}

/** Opens the database, starts jobs and the HTTP server. */
export async function startStoredesk(options: StartOptions): Promise<RunningStoredesk> {
  const { config, logger } = options;
  const metrics = createMetrics();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: options.inMemory ? undefined : config.DATA_DIR,
    poolSize: config.DB_POOL_SIZE,
    onPoolError: (error) => logger.warn({ err: { message: error.message } }, 'database connection lost'),
  });
  let jobs: JobRunner | undefined;
  let server: Server | undefined;
  try {
    if (config.RUN_JOBS) {
      jobs = await startJobRunner({
        pool: database.pool,
        engine: database.engine,
        logger: logger.child({ component: 'jobs' }),
        metrics,
        definitions: allJobDefinitions(),
      });
    }
    const probe = {
      database: databaseProbe(database.pool),
      jobs: () => (config.RUN_JOBS ? (jobs?.isRunning() ?? false) : true),
    };
    server = createApp({ logger, metrics, routes: [healthRoutes({ probe, metrics })] });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.server.once('error', reject);
      listening.listen(config.PORT, config.HOST, () => resolve());
    });
  } catch (error) {
    await jobs?.stop(1_000);
    await database.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const httpServer = server;
  return {
    url: `http://localhost:${port}`,
    port,
    server,
    database,
    jobs,
    metrics,
    async stop() {
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await jobs?.stop();
      await database.close();
    },
  };
}
