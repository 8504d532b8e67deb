export { PostgresBotStorage, ETagConflictError } from './postgres-bot-storage';
