export * from './direct-line';
export * from './web-chat';
export type { ConversationSender, BotLogic, RateLimit } from './shared';
