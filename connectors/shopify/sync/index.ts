export { syncShop } from './sync-shop';
export type { SyncShopOptions, SyncProgress } from './sync-shop';
export { ingestBulkJsonl } from './ingest-bulk-jsonl';
export { BULK_QUERIES, type SyncResource } from './queries';
export { lastCursor } from './sync-runs';
