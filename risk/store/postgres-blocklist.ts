import type { BlocklistHit, BlocklistLookup, BlocklistScope } from '../blocklist';
import type { Identifier, IdentifierKind } from '../identity-graph';
import { named, type Queryable } from './queryable';

/**
 * The SQL of a blocklist look-up: rows `(kind, scope, reason)` for the shop's own block entries and
 * the installation-wide ones whose `identifier_key` satisfies `keyMatch` (e.g. `= ANY($3::text[])`)
 * and that are active at the timestamptz `at`. A shop's `allow` entry exempts it from an
 * installation-wide entry on the same key (a lifted appeal).
 */
export function blocklistMatchSql(shop: string, keyMatch: string, at: string): string {
  const active = (t: string) =>
    `${t}.created_at <= ${at} AND (${t}.expires_at IS NULL OR ${t}.expires_at > ${at}) AND (${t}.removed_at IS NULL OR ${t}.removed_at > ${at})`;
  return `SELECT b.kind, 'shop' AS scope, b.reason FROM risk_blocklist b
  WHERE b.shop_id = ${shop} AND b.identifier_key ${keyMatch} AND b.effect = 'block' AND ${active('b')}
UNION ALL
SELECT g.kind, 'global' AS scope, g.reason FROM global_blocklist g
  WHERE g.identifier_key ${keyMatch} AND ${active('g')}
  AND NOT EXISTS (SELECT 1 FROM risk_blocklist a WHERE a.shop_id = ${shop} AND a.identifier_key = g.identifier_key
    AND a.effect = 'allow' AND ${active('a')})`;
}

const LOOKUP = blocklistMatchSql('$1', '= ANY($3::text[])', '$2');

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
