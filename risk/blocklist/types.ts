import type { Identifier, IdentifierKind } from '../identity-graph';

/** Where a blocklist entry applies: this shop only, or every shop of the installation (hashes only). */
export type BlocklistScope = 'shop' | 'global';

/** One blocklist entry that matched an identifier of the event being scored. */
export interface BlocklistHit {
  readonly kind: IdentifierKind;
  readonly scope: BlocklistScope;
  /** Plain-words reason, safe to show to the merchant (no personal data). */
  readonly reason: string;
}

/**
 * Looks identifiers up in the blocklist as of a moment (expired entries do not match).
 * Implementations: {@link InMemoryBlocklist}; the Postgres blocklist with audit and appeals is to come.
 */
export interface BlocklistLookup {
  lookup(identifiers: readonly Identifier[], at: number): Promise<BlocklistHit[]>;
}

/** An entry of the in-memory blocklist. */
export interface BlocklistEntry {
  readonly identifier: Identifier;
  readonly scope: BlocklistScope;
  readonly reason: string;
  readonly addedAt: number;
  readonly expiresAt?: number;
}
