export type { BlocklistEntry, BlocklistHit, BlocklistLookup, BlocklistScope } from './types';
export { InMemoryBlocklist, emptyBlocklist } from './in-memory-blocklist';
