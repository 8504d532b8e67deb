export { messagesFor, fallbackLines, handoffPhrases } from './bot-messages';
export type { BotMessages, OrderStatusView } from './bot-messages';
