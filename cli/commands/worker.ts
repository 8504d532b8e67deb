import type { Command } from 'commander';
import { allJobDefinitions, startJobRunner } from '../../jobs';
import type { CliContext } from '../context';

/** `storedesk worker`: runs background jobs only, for deployments that scale workers apart from web. */
export function registerWorkerCommand(program: Command, context: () => CliContext): void {
  program
    .command('worker')
    .description('run background jobs without the web server (scale workers separately)')
    .action(async () => {
      const ctx = context();
      const database = await ctx.database();
      const runner = await startJobRunner({
        pool: database.pool,
        engine: database.engine,
        logger: ctx.logger,
        definitions: allJobDefinitions(),
      });
      process.stdout.write('worker running; Ctrl-C to stop\n');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      await runner.stop();
      await ctx.close();
    });
}
