import type { BlocklistHit, BlocklistLookup, BlocklistScope } from '../blocklist';
import type { Identifier, IdentifierKind } from '../identity-graph';
import { named, type Queryable } from './queryable';

const ACTIVE = (t: string) =>
  `${t}.created_at <= $2 AND (${t}.expires_at IS NULL OR ${t}.expires_at > $2) AND (${t}.removed_at IS NULL OR ${t}.removed_at > $2)`;

// A shop's `allow` entry exempts it from an installation-wide entry on the same key (a lifted appeal).
const LOOKUP = `SELECT b.kind, 'shop' AS scope, b.reason FROM risk_blocklist b
  WHERE b.shop_id = $1 AND b.identifier_key = ANY($3::text[]) AND b.effect = 'block' AND ${ACTIVE('b')}
UNION ALL
SELECT g.kind, 'global' AS scope, g.reason FROM global_blocklist g
  WHERE g.identifier_key = ANY($3::text[]) AND ${ACTIVE('g')}
  AND NOT EXISTS (SELECT 1 FROM risk_blocklist a WHERE a.shop_id = $1 AND a.identifier_key = g.identifier_key
    AND a.effect = 'allow' AND ${ACTIVE('a')})`;

/** Blocklist look-ups for one shop: its own entries plus the installation-wide hashes. */
export class PostgresBlocklist implements BlocklistLookup {
  constructor(
    private readonly db: Queryable,
    private readonly shopId: string,
  ) {}

  async lookup(identifiers: readonly Identifier[], at: number): Promise<BlocklistHit[]> {
    if (identifiers.length === 0) return [];
    const { rows } = await this.db.query<{ kind: string; scope: BlocklistScope; reason: string }>(
      named('blocklist_lookup', LOOKUP, [this.shopId, new Date(at), [...new Set(identifiers.map((i) => i.key))]]),
    );
    return rows.map((row) => ({ kind: row.kind as IdentifierKind, scope: row.scope, reason: row.reason }));
  }
}
