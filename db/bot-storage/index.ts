export { PostgresBotStorage, BotStateBatches, ETagConflictError } from './postgres-bot-storage';
export { poolOf, runNamedStatement } from './named-statement';
export { Batcher } from './batcher';
export type { RunBatch } from './batcher';
export type { NamedStatement } from './named-statement';
