export { createRateLimiter } from './rate-limiter';
export type { RateLimit, RateLimiter, RateDecision } from './rate-limiter';
export { clientAddress, queryOf } from './client-address';
export { resolveShop } from './resolve-shop';
export type { ConversationSender, BotLogic } from './conversation-sender';
