export { addBlocklistEntry, listBlocklistEntries, endBlocklistEntry, blocklistEntryHistory, addEntrySchema } from './manage-blocklist';
export type { AddEntryInput } from './manage-blocklist';
export { BLOCKABLE_KINDS, hashBlockValue, maskValue } from './hash-value';
export type { BlockableKind } from './hash-value';
export type { BlocklistEntryView, BlocklistEventView } from './blocklist-entry';
