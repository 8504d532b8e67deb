import type { BlocklistScope } from '../blocklist';
import type { BlocklistEntryView } from './blocklist-view-types';

export type { BlocklistEntryView, BlocklistEventView } from './blocklist-view-types';

export interface EntryRow {
  id: string;
  scope: BlocklistScope;
  kind: string;
  effect: 'block' | 'allow';
  reason: string;
  added_by: string;
  hint: string | null;
  created_at: Date;
  expires_at: Date | null;
  removed_at: Date | null;
}

/** Maps a row of either list to its view, with its status as of `now`. */
export function toEntryView(row: EntryRow, now: Date): BlocklistEntryView {
  const status = row.removed_at && row.removed_at <= now ? 'removed' : row.expires_at && row.expires_at <= now ? 'expired' : 'active';
  return {
    id: row.id,
    scope: row.scope,
    kind: row.kind,
    effect: row.effect,
    reason: row.reason,
    addedBy: row.added_by,
    hint: row.hint,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    removedAt: row.removed_at?.toISOString() ?? null,
    status,
  };
}

/** Columns selecting an {@link EntryRow} from `risk_blocklist b` or `global_blocklist g`. */
export const SHOP_ENTRY_COLUMNS = `b.id, 'shop' AS scope, b.kind, b.effect, b.reason, b.added_by, b.hint, b.created_at, b.expires_at, b.removed_at`;
export const GLOBAL_ENTRY_COLUMNS = `g.id, 'global' AS scope, g.kind, 'block' AS effect, g.reason, g.added_by, NULL AS hint, g.created_at, g.expires_at, g.removed_at`;
