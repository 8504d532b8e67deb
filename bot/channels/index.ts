export * from './direct-line';
export type { ConversationSender, BotLogic, RateLimit } from './shared';
