import { CommanderError } from 'commander';
import { isAppError } from '../core/errors';
import { buildProgram } from './program';
import { createCliContext, type CliContext } from './context';

let context: CliContext | undefined;
const getContext = () => (context ??= createCliContext(process.env));

buildProgram(getContext)
  .parseAsync(process.argv)
  .then(async () => {
    await context?.close();
  })
  .catch(async (error: unknown) => {
    await context?.close().catch(() => undefined);
    if (error instanceof CommanderError) {
      process.exit(error.exitCode);
    }
    const message = isAppError(error) || (error as { code?: string }).code === 'data_dir_locked'
      ? (error as Error).message
      : `storedesk: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
