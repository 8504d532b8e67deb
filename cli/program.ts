import { Command } from 'commander';
import { registerDatabaseCommands } from './commands/database';
import { registerWorkerCommand } from './commands/worker';
import { registerFakeShopifyCommand } from './commands/fake-shopify';
import { registerIntentsCommand } from './commands/intents';
import { registerRiskCommand } from './commands/risk';
import { registerRedactCommand } from './commands/redact';
import { registerPrivacyCommand } from './commands/privacy';
import { registerSyncCommand } from './commands/sync';
import { registerAudienceCommand } from './commands/audience';
import { registerTrainCommand } from './commands/train';
import { registerModelsCommand } from './commands/models';
import type { CliContext } from './context';

/** Builds the `storedesk` command tree. `context` is created lazily: `--help` needs no database. */
export function buildProgram(context: () => CliContext): Command {
  const program = new Command('storedesk')
    .description('storedesk: customer-service bot, audiences and risk control for Shopify merchants')
    .showHelpAfterError()
    .exitOverride();
  registerDatabaseCommands(program, context);
  registerWorkerCommand(program, context);
  registerFakeShopifyCommand(program);
  registerIntentsCommand(program);
  registerRiskCommand(program);
  registerRedactCommand(program);
  registerPrivacyCommand(program, context);
  registerSyncCommand(program, context);
  registerAudienceCommand(program, context);
  registerTrainCommand(program, context);
  registerModelsCommand(program, context);
  return program;
}
