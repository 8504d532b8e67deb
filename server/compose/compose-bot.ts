import type { TurnContext } from 'botbuilder';
import { createBotRuntime, type BotRuntime, type BotRuntimeDeps, type ConversationSender } from '../../bot';
import { createDirectLineChannel, createMessengerChannel } from '../../bot/channels';
import type { Config } from '../../core/config';
import type { SecretBox } from '../../core/crypto';
import type { Logger } from '../../core/logging';
import type { Database } from '../../db';
import type { RateLimits } from '../../db/rate-limits';
import { errorForLog } from '../../core/logging';

/** The bot with its channels: Direct Line (built-in web chat) always, Messenger when configured. */
export interface ComposedBot {
  bot: BotRuntime;
  directLine: Awaited<ReturnType<typeof createDirectLineChannel>>;
  messenger?: ReturnType<typeof createMessengerChannel>;
}

/**
 * Builds the channels and the bot. The channels run turns through the bot, and the bot replies to staff
 * through the channels, so the channels get the bot's logic lazily.
 */
export async function composeBot(deps: {
  config: Config;
  logger: Logger;
  database: Database;
  secrets: SecretBox;
  rateLimits: RateLimits;
  authenticate: BotRuntimeDeps['authenticate'];
  defaultShop?: string;
  risk: BotRuntimeDeps['risk'];
  chatTopics: BotRuntimeDeps['chatTopics'];
}): Promise<ComposedBot> {
  const { config, logger, database } = deps;
  const built: { runtime?: BotRuntime } = {};
  const logic = (context: TurnContext) => built.runtime!.bot.run(context);
  const directLine = await createDirectLineChannel({
    database,
    encryptionKey: config.ENCRYPTION_KEY!,
    logic,
    logger: logger.child({ component: 'direct-line' }),
    trustProxy: config.TRUST_PROXY,
    rateLimits: deps.rateLimits,
  });
  const messenger = config.MESSENGER_APP_SECRET
    ? createMessengerChannel({
        db: database.db,
        secretBox: deps.secrets,
        appSecret: config.MESSENGER_APP_SECRET,
        verifyToken: config.MESSENGER_VERIFY_TOKEN!,
        graphBaseUrl: config.MESSENGER_GRAPH_URL,
        logic,
        logger: logger.child({ component: 'messenger' }),
      })
    : undefined;
  const senders: Record<string, ConversationSender> = { directline: directLine.sender };
  if (messenger) senders.facebook = messenger.sender;
  const bot = createBotRuntime({
    db: database.db,
    logger: logger.child({ component: 'bot' }),
    authenticate: deps.authenticate,
    microsoftApp: config.MicrosoftAppId
      ? { MicrosoftAppId: config.MicrosoftAppId, MicrosoftAppPassword: config.MicrosoftAppPassword, MicrosoftAppType: config.MicrosoftAppType, MicrosoftAppTenantId: config.MicrosoftAppTenantId }
      : undefined,
    defaultShop: deps.defaultShop,
    encryptionKey: config.ENCRYPTION_KEY,
    senders,
    risk: deps.risk,
    chatTopics: deps.chatTopics,
  });
  built.runtime = bot;
  bot.installTurnErrorHandler(directLine.adapter);
  if (messenger) bot.installTurnErrorHandler(messenger.adapter);
  // The default English model trains in the background; a buyer who writes in the first second waits for it.
  void bot.warmUp(['en']).then(
    (ms) => logger.info({ ms }, 'default model ready'),
    (error: Error) => logger.warn({ err: errorForLog(error) }, 'default model warm-up failed'),
  );
  return { bot, directLine, messenger };
}
