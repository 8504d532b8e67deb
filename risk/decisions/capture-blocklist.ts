import type { BlocklistHit, BlocklistLookup } from '../blocklist';
import type { Identifier } from '../identity-graph';

/** Wraps a lookup and remembers what it matched, so a verdict can name the entries' reasons. */
export class CapturingBlocklist implements BlocklistLookup {
  readonly hits: BlocklistHit[] = [];
  readonly looked: Identifier[] = [];

  constructor(private readonly inner: BlocklistLookup) {}

  async lookup(identifiers: readonly Identifier[], at: number): Promise<BlocklistHit[]> {
    const hits = await this.inner.lookup(identifiers, at);
    this.hits.push(...hits);
    this.looked.push(...identifiers);
    return hits;
  }
}
