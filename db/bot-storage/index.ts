export { PostgresBotStorage, BotStateBatches, ETagConflictError } from './postgres-bot-storage';
export { poolOf, runNamedStatement } from './named-statement';
export type { NamedStatement } from './named-statement';
