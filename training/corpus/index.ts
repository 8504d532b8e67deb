export { recordCorpusTurns, listCorpusTurns, corpusTurnsInsertSql, corpusTurnsJson } from './record-corpus-turns';
export type { CorpusTurn, StoredCorpusTurn } from './record-corpus-turns';
