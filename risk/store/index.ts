export { PostgresIdentityGraphStore, identifierFromKey } from './postgres-identity-graph-store';
export { PostgresOrderHistoryStore } from './postgres-order-history-store';
export { PostgresBlocklist } from './postgres-blocklist';
export { createInstallationHasher, deriveIdentifierSecret, deriveAppealLinkKey } from './installation-hasher';
export type { Queryable } from './queryable';
export { runPrepared } from './queryable';
export { inTransaction } from './in-transaction';
export { PostgresContextReader } from './postgres-context-reader';
export { RECORDING_CTES, RECORDING_PARAMS, recordingValues } from './recording-statement';
