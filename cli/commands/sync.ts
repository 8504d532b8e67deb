import type { Command } from 'commander';
import type { SyncProgress } from '../../connectors/shopify';
import { ValidationError } from '../../core/errors';
import { createProgress, openCliConnector, type CliContext, type Progress } from '../context';

/** `storedesk sync --shop DOMAIN [--full]`: backfills (bulk) or syncs what changed, with a progress bar. */
export function registerSyncCommand(program: Command, context: () => CliContext): void {
  program
    .command('sync')
    .description("mirror a shop's products, customers and orders from Shopify (bulk backfill first, then what changed)")
    .requiredOption('--shop <domain>', 'the shop, e.g. my-store.myshopify.com')
    .option('--full', 'backfill everything again with bulk operations')
    .action(async (options: { shop: string; full?: boolean }) => {
      const ctx = context();
      if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i.test(options.shop)) throw new ValidationError(`"${options.shop}" is not a myshopify.com domain`);
      const { connector, close } = await openCliConnector(ctx);
      try {
        const shop = await ctx.shop(options.shop);
        let bar: Progress | undefined;
        let current = '';
        const onProgress = (p: SyncProgress) => {
          if (p.resource !== current) {
            bar?.stop();
            current = p.resource;
            bar = createProgress(p.resource.padEnd(9), p.total ?? 1);
          }
          bar?.update(p.done, p.total ?? Math.max(p.done, 1));
        };
        const started = performance.now();
        const counts = await connector.sync(shop.id, { mode: options.full ? 'full' : undefined, onProgress });
        bar?.stop();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(`synced ${counts.products} products, ${counts.customers} customers, ${counts.orders} orders in ${seconds}s\n`);
      } finally {
        await close();
      }
    });
}
