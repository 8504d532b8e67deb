export { recordCorpusTurns, listCorpusTurns } from './record-corpus-turns';
export type { CorpusTurn, StoredCorpusTurn } from './record-corpus-turns';
