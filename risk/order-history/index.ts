export type { FailedLookupRecord, OrderRecord, OrderHistoryStore } from './types';
export { InMemoryOrderHistoryStore } from './in-memory-order-history-store';
