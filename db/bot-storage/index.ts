export { PostgresBotStorage, BotStateBatches, ETagConflictError } from './postgres-bot-storage';
