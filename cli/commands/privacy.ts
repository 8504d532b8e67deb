import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { generatePrivacyRecords } from '../../privacy/records';
import type { CliContext } from '../context';

/** Exit code of `storedesk privacy report` when the output directory can't be written. */
export const PRIVACY_EXIT_CANNOT_WRITE = 74;

/**
 * Adds `storedesk privacy report --shop DOMAIN [--out DIR]`: writes the shop's PDPA records
 * (Business Improvement and Legitimate Interests assessments, public notice) as Markdown and HTML.
 */
export function registerPrivacyCommand(program: Command, context: () => CliContext): void {
  const privacy = program.command('privacy').description('PDPA records and privacy tools');
  privacy
    .command('report')
    .description("write the shop's PDPA records (assessments and public notice) as Markdown and HTML")
    .requiredOption('--shop <domain>', 'the shop, e.g. my-store.myshopify.com')
    .option('--out <dir>', 'output directory', 'privacy-report')
    .action(async (flags: { shop: string; out: string }, cmd: Command) => {
      const ctx = context();
      const shop = await ctx.shop(flags.shop);
      const documents = await generatePrivacyRecords({ db: (await ctx.database()).db }, shop.id);
      const dir = resolve(flags.out);
      const written: string[] = [];
      try {
        await mkdir(dir, { recursive: true });
        for (const doc of documents) {
          for (const [ext, content] of [['md', doc.markdown], ['html', doc.html]] as const) {
            const path = join(dir, `${doc.slug}.${ext}`);
            await writeFile(path, content, 'utf8');
            written.push(path);
          }
        }
      } catch (error) {
        cmd.error(`error: cannot write the report to ${dir} (${(error as NodeJS.ErrnoException).code ?? 'write error'})`, {
          exitCode: PRIVACY_EXIT_CANNOT_WRITE,
          code: 'storedesk.privacy',
        });
      }
      process.stdout.write(`${written.join('\n')}\n`);
    });
}
