import type { Command } from 'commander';
import { createAudience, type Audience } from '../../audience';
import { createSecretBox } from '../../core/crypto';
import { AppError } from '../../core/errors';
import { createPrivacyServices } from '../../privacy';
import { createProgress, type CliContext } from '../context';

/** Exit code of `storedesk segments size` when the query does not parse. */
export const AUDIENCE_EXIT_BAD_QUERY = 2;

/** What the audience commands need besides the context; tests pass their own output. */
export interface AudienceCommandDeps {
  print?: (line: string) => void;
}

async function openAudience(ctx: CliContext): Promise<Audience> {
  const database = await ctx.database();
  const privacy = createPrivacyServices({ database, secrets: createSecretBox(ctx.config.ENCRYPTION_KEY!), logger: ctx.logger });
  return createAudience({
    database,
    pseudonymizer: privacy.pseudonymizer,
    auditLog: privacy.auditLog,
    writeBackFor: async () => {
      throw new AppError('not_available', 'Exports run as jobs in the worker, not from this command');
    },
  });
}

/**
 * Adds `storedesk tags refresh --shop DOMAIN` (full refresh with a progress bar) and
 * `storedesk segments size --shop DOMAIN --query "..."` (the size, or "fewer than k").
 */
export function registerAudienceCommand(program: Command, context: () => CliContext, deps: AudienceCommandDeps = {}): void {
  const print = deps.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  program
    .command('tags')
    .description('audience tags')
    .command('refresh')
    .description("recompute every customer's audience tags for a shop")
    .requiredOption('--shop <domain>', 'the shop, e.g. my-store.myshopify.com')
    .action(async (flags: { shop: string }) => {
      const ctx = context();
      const shop = await ctx.shop(flags.shop);
      const audience = await openAudience(ctx);
      const bar = createProgress('tags', 100);
      const report = await audience.refreshTags(shop.id, (f) => bar.update(Math.round(f * 100)));
      bar.stop();
      const k = await audience.kFor(shop.id);
      const profiles = report.profiles >= k ? `${report.profiles} customers` : `fewer than ${k} customers`;
      print(`tagged ${profiles} in ${(report.durationMs / 1000).toFixed(1)}s; ${report.segments} saved segments measured`);
    });
  program
    .command('segments')
    .description('audience segments')
    .command('size')
    .description('how many customers a tag query matches (never a number below the k-floor)')
    .requiredOption('--shop <domain>', 'the shop, e.g. my-store.myshopify.com')
    .requiredOption('--query <query>', 'tags with AND, OR, NOT, e.g. "discount:high AND interest:running AND country:SG"')
    .action(async (flags: { shop: string; query: string }, cmd: Command) => {
      const ctx = context();
      const shop = await ctx.shop(flags.shop);
      const audience = await openAudience(ctx);
      let size;
      try {
        size = await audience.segmentSize(shop.id, flags.query);
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_input') cmd.error(`error: ${error.message}`, { exitCode: AUDIENCE_EXIT_BAD_QUERY, code: 'storedesk.audience' });
        throw error;
      }
      if (!size.belowK) return print(`${size.size} customers match`);
      print(size.message);
      for (const s of size.suggestions) print(`  ${s.query}  → ${s.size} customers`);
    });
}
