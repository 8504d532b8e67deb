import type { Command } from 'commander';
import type { CliContext } from '../context';

/** `storedesk migrate`: applies committed migrations (they also apply on every start). */
export function registerDatabaseCommands(program: Command, context: () => CliContext): void {
  program
    .command('migrate')
    .description('apply database migrations (they also run on every start)')
    .action(async () => {
      const database = await context().database();
      process.stdout.write(`migrations applied (${database.engine})\n`);
    });
}
