// Types only, and no imports: the admin UI imports this file too, so what the API answers and what the
// admin page reads cannot drift apart; anything imported here would be type-checked with the UI.

/** A blocklist entry as staff see it. Installation-wide entries show only if this shop added them. */
export interface BlocklistEntryView {
  id: string;
  scope: 'shop' | 'global';
  kind: string;
  effect: 'block' | 'allow';
  reason: string;
  addedBy: string;
  hint: string | null;
  createdAt: string;
  expiresAt: string | null;
  removedAt: string | null;
  /** `active`, `expired` or `removed` at the time of reading. */
  status: 'active' | 'expired' | 'removed';
}

/** One step of an entry's audit trail. */
export interface BlocklistEventView {
  action: string;
  actor: string;
  at: string;
  detail: Record<string, unknown>;
}
