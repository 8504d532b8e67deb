export * from './direct-line';
export * from './web-chat';
export * from './messenger';
export type { ConversationSender, BotLogic, RateLimit } from './shared';
