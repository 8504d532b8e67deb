import type { Identifier } from '../identity-graph';
import type { BlocklistEntry, BlocklistHit, BlocklistLookup } from './types';

/** A blocklist in process memory, for tests, backtests and demos. */
export class InMemoryBlocklist implements BlocklistLookup {
  private readonly entries = new Map<string, BlocklistEntry[]>();

  add(entry: BlocklistEntry): void {
    const list = this.entries.get(entry.identifier.key) ?? [];
    list.push(entry);
    this.entries.set(entry.identifier.key, list);
  }

  async lookup(identifiers: readonly Identifier[], at: number): Promise<BlocklistHit[]> {
    const hits: BlocklistHit[] = [];
    for (const identifier of identifiers) {
      for (const entry of this.entries.get(identifier.key) ?? []) {
        if (entry.addedAt <= at && (entry.expiresAt === undefined || at < entry.expiresAt)) {
          hits.push({ kind: identifier.kind, scope: entry.scope, reason: entry.reason });
        }
      }
    }
    return hits;
  }
}

/** A lookup that never matches, for shops without a blocklist. */
export const emptyBlocklist: BlocklistLookup = { lookup: async () => [] };
