import type { BlockedStatus } from '../../risk';

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/** Remembers a conversation's blocklist status for a minute, so a chat costs one lookup a minute. */
export class BlockCache {
  private readonly entries = new Map<string, { status: BlockedStatus; at: number }>();

  constructor(private readonly ttlMs = TTL_MS) {}

  get(key: string, now: number): BlockedStatus | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.status;
  }

  set(key: string, status: BlockedStatus, now: number): void {
    // Maps keep insertion order, so the first key is the oldest.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.delete(key);
    this.entries.set(key, { status, at: now });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
