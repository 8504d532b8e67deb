export { PostgresBotStorage, BotStateBatches, ETagConflictError } from './postgres-bot-storage';
export { poolOf, runNamedStatement } from './named-statement';
export { Batcher } from './batcher';
export type { RunBatch } from './batcher';
export type { NamedStatement } from './named-statement';
export { stateUpsertSql, stateUpsertsJson } from './bot-state-statements';
export type { StateUpsert } from './bot-state-statements';
