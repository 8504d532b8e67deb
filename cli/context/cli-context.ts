import { loadConfig, loadOrCreateLocalSecrets, type Config } from '../../core/config';
import { createLogger, type Logger } from '../../core/logging';
import { findShopByDomain, openDatabase, type Database, type Shop } from '../../db';
import { AppError } from '../../core/errors';

/** What a CLI command gets: config, a logger on stderr, and a database opened on demand. */
export interface CliContext {
  config: Config;
  logger: Logger;
  /** Opens (once) the database; attaches to a running `npm start` on the embedded default. */
  database(): Promise<Database>;
  /** Looks up an installed shop by its domain, or fails with a clear message. */
  shop(domain: string): Promise<Shop>;
  close(): Promise<void>;
}

/** Builds the context from the environment; the CLI's composition root calls this once. */
export function createCliContext(env: Record<string, string | undefined>): CliContext {
  const config = loadConfig({ env, dotenvPath: '.env' });
  // Commands print results on stdout; logs go to stderr so pipes stay clean.
  const logger = createLogger({ level: env.LOG_LEVEL ?? 'warn', destination: process.stderr });
  let opened: Promise<Database> | undefined;
  const database = () => {
    opened ??= (async () => {
      if (!config.DATABASE_URL) {
        const secrets = loadOrCreateLocalSecrets(config.DATA_DIR);
        config.ENCRYPTION_KEY ??= secrets.encryptionKey;
        config.ADMIN_PASSWORD ??= secrets.adminPassword;
      }
      return openDatabase({
        url: config.DATABASE_URL,
        dataDir: config.DATA_DIR,
        poolSize: 4,
        attachToRunning: true,
      });
    })();
    return opened;
  };
  return {
    config,
    logger,
    database,
    async shop(domain) {
      const shop = await findShopByDomain((await database()).db, domain);
      if (!shop) throw new AppError('unknown_shop', `No installed shop "${domain}". Install the app on it first.`, { status: 404 });
      return shop;
    },
    async close() {
      if (opened) await (await opened).close();
    },
  };
}
