import { loadConfig, loadOrCreateLocalSecrets } from '../core/config';
import { isAppError } from '../core/errors';
import { createLogger } from '../core/logging';
import { onShutdownSignals } from './lifecycle';
import { startStoredesk } from './start-storedesk';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig({ env: process.env, dotenvPath: '.env' });
  const logger = createLogger({ level: config.LOG_LEVEL });
  if (!config.DATABASE_URL) {
    const secrets = loadOrCreateLocalSecrets(config.DATA_DIR);
    config.ENCRYPTION_KEY ??= secrets.encryptionKey;
    config.ADMIN_PASSWORD ??= secrets.adminPassword;
  }
  const app = await startStoredesk({ config, logger });
  onShutdownSignals({
    logger,
    steps: [{ name: 'storedesk', run: () => app.stop() }],
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  logger.info({ url: app.url, engine: app.database.engine, readyInSeconds: Number(seconds) }, 'storedesk is ready');
  const lines = [
    '',
    `  storedesk is ready in ${seconds}s on ${app.database.engine === 'embedded' ? `embedded PGlite (${config.DATA_DIR})` : 'PostgreSQL'}`,
    `  Admin:    ${app.url}/admin${config.ADMIN_PASSWORD && !process.env.ADMIN_PASSWORD ? `   (password: ${config.ADMIN_PASSWORD})` : ''}`,
    `  Web chat: ${app.url}/chat${app.demo ? `?shop=${app.demo.shop}` : '?shop=YOUR-SHOP.myshopify.com'}`,
    `  Health:   ${app.url}/readyz`,
  ];
  if (app.demo) lines.push(`  Demo store ${app.demo.shop} is installed and syncing in the background.`);
  process.stdout.write([...lines, ''].join('\n') + '\n');
}

main().catch((error: unknown) => {
  // Startup problems are the operator's to fix: say what is wrong, without a stack trace.
  const message = isAppError(error) || (error as { code?: string }).code === 'data_dir_locked'
    ? (error as Error).message
    : `storedesk could not start: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
