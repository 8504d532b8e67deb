import type {
  AccountProfile,
  Identifier,
  IdentifierKind,
  IdentityGraphStore,
  ProfileUpdate,
  SharedAccount,
  TimeWindow,
} from '../identity-graph';
import { named, type Queryable } from './queryable';

// Times are stored as whole milliseconds: writes round down and window bounds round up, which for
// whole-millisecond rows selects exactly what the fractional bounds would.

/** A repeat sighting within this gap adds no row (same rule as the in-memory graph). */
const REPEAT_GAP_MS = 60 * 60 * 1000;

/** Links account `$2` at `$3` to the identifier keys in the text[] parameter `keys` (shop `$1`). */
export const LINK_SQL = (keys: string) => `INSERT INTO risk_identity_links (shop_id, identifier_key, account_id, seen_at)
SELECT $1, k, $2, $3 FROM unnest(${keys}::text[]) AS k
WHERE NOT EXISTS (SELECT 1 FROM risk_identity_links l WHERE l.shop_id = $1 AND l.identifier_key = k
  AND l.seen_at > $3::bigint - ${REPEAT_GAP_MS} AND l.seen_at <= $3 AND l.account_id = $2)
ON CONFLICT DO NOTHING`;

const LINK = LINK_SQL('$4');

/** Upserts account `$2` of shop `$1` seen at `$3`: `$4` signed up, `$5` has email, `$6` domain, `$7` variant. */
export const PROFILE_SQL = `INSERT INTO risk_accounts AS a (shop_id, account_id, first_seen, signed_up_at, email_at, email_domain, email_is_variant)
VALUES ($1, $2, $3, CASE WHEN $4::boolean THEN $3::bigint END, CASE WHEN $5::boolean THEN $3::bigint END, $6, $7)
ON CONFLICT (shop_id, account_id) DO UPDATE SET
  first_seen = LEAST(a.first_seen, EXCLUDED.first_seen),
  signed_up_at = CASE WHEN EXCLUDED.signed_up_at IS NULL THEN a.signed_up_at
    ELSE LEAST(COALESCE(a.signed_up_at, EXCLUDED.signed_up_at), EXCLUDED.signed_up_at) END,
  email_domain = CASE WHEN EXCLUDED.email_at IS NOT NULL AND (a.email_at IS NULL OR EXCLUDED.email_at < a.email_at)
    THEN EXCLUDED.email_domain ELSE a.email_domain END,
  email_is_variant = CASE WHEN EXCLUDED.email_at IS NOT NULL AND (a.email_at IS NULL OR EXCLUDED.email_at < a.email_at)
    THEN EXCLUDED.email_is_variant ELSE a.email_is_variant END,
  email_at = CASE WHEN EXCLUDED.email_at IS NOT NULL AND (a.email_at IS NULL OR EXCLUDED.email_at < a.email_at)
    THEN EXCLUDED.email_at ELSE a.email_at END`;

const SHARING = `SELECT account_id, max(seen_at) AS last_seen FROM risk_identity_links
WHERE shop_id = $1 AND identifier_key = $2 AND seen_at >= $3 AND seen_at < $4
GROUP BY account_id ORDER BY last_seen DESC, account_id COLLATE "C" LIMIT $5`;

const IDENTIFIERS = `SELECT identifier_key FROM risk_identity_links
WHERE shop_id = $1 AND account_id = $2 AND seen_at < $3
GROUP BY identifier_key ORDER BY min(seen_at), identifier_key COLLATE "C"`;

const ACCOUNT = `SELECT first_seen, signed_up_at, email_at, email_domain, email_is_variant
FROM risk_accounts WHERE shop_id = $1 AND account_id = $2`;

/** A `risk_accounts` row. */
export interface AccountRow {
  first_seen: string | number;
  signed_up_at: string | number | null;
  email_at: string | number | null;
  email_domain: string | null;
  email_is_variant: boolean | null;
}

/** What a `risk_accounts` row says was known of the account before `until`. */
export function profileAsOf(row: AccountRow | undefined, until: number): AccountProfile | undefined {
  until = Math.ceil(until);
  if (!row || Number(row.first_seen) >= until) return undefined;
  const signedUpAt = row.signed_up_at === null ? undefined : Number(row.signed_up_at);
  const emailKnown = row.email_at !== null && Number(row.email_at) < until;
  return {
    firstSeen: Number(row.first_seen),
    signedUpAt: signedUpAt !== undefined && signedUpAt < until ? signedUpAt : undefined,
    emailDomain: emailKnown ? (row.email_domain ?? undefined) : undefined,
    emailIsVariant: emailKnown ? (row.email_is_variant ?? undefined) : undefined,
  };
}

/** The kind is the prefix of every key (`kind:hex`), so it is not stored twice. */
export function identifierFromKey(key: string): Identifier {
  return { kind: key.slice(0, key.indexOf(':')) as IdentifierKind, key };
}

/** The identity graph of one shop in Postgres; see the `risk_identity_links` table. */
export class PostgresIdentityGraphStore implements IdentityGraphStore {
  constructor(
    private readonly db: Queryable,
    private readonly shopId: string,
  ) {}

  async link(
    accountId: string,
    identifiers: readonly Identifier[],
    at: number,
    profile?: ProfileUpdate,
  ): Promise<void> {
    const hasEmail = profile?.emailDomain !== undefined;
    await this.db.query(
      named('profile', PROFILE_SQL, [
        this.shopId,
        accountId,
        Math.floor(at),
        profile?.signedUp ?? false,
        hasEmail,
        hasEmail ? profile.emailDomain : null,
        hasEmail ? (profile.emailIsVariant ?? false) : null,
      ]),
    );
    if (identifiers.length === 0) return;
    await this.db.query(named('link', LINK, [this.shopId, accountId, Math.floor(at), identifiers.map((i) => i.key)]));
  }

  async accountsSharing(identifier: Identifier, window: TimeWindow, limit = 1000): Promise<SharedAccount[]> {
    const { rows } = await this.db.query<{ account_id: string; last_seen: string }>(
      named('sharing', SHARING, [this.shopId, identifier.key, Math.ceil(window.since), Math.ceil(window.until), limit]),
    );
    return rows.map((row) => ({ account: row.account_id, lastSeen: Number(row.last_seen) }));
  }

  async countsSince(identifier: Identifier, windows: readonly TimeWindow[]): Promise<number[]> {
    if (windows.length === 0) return [];
    const { rows } = await this.db.query<{ n: number }>(
      named(
        'counts',
        `SELECT (SELECT count(DISTINCT account_id)::int FROM risk_identity_links
           WHERE shop_id = $1 AND identifier_key = $2 AND seen_at >= w.since AND seen_at < w.until) AS n
         FROM unnest($3::bigint[], $4::bigint[]) WITH ORDINALITY AS w(since, until, i) ORDER BY w.i`,
        [this.shopId, identifier.key, windows.map((w) => Math.ceil(w.since)), windows.map((w) => Math.ceil(w.until))],
      ),
    );
    return rows.map((row) => row.n);
  }

  async accountProfile(accountId: string, until: number): Promise<AccountProfile | undefined> {
    const { rows } = await this.db.query<AccountRow>(named('account', ACCOUNT, [this.shopId, accountId]));
    return profileAsOf(rows[0], until);
  }

  async identifiersOf(accountId: string, until: number): Promise<Identifier[]> {
    const { rows } = await this.db.query<{ identifier_key: string }>(
      named('identifiers', IDENTIFIERS, [this.shopId, accountId, Math.ceil(until)]),
    );
    return rows.map((row) => identifierFromKey(row.identifier_key));
  }
}
