import type { Queryable } from '../store';
import type { AppealView, MatchedEntry } from './appeal-view-types';

export type { AppealView, MatchedEntry } from './appeal-view-types';

/** Active entries (both lists) on any of the keys, as of `now`. */
export async function matchedEntries(db: Queryable, shopId: string, keys: string[], now: Date): Promise<MatchedEntry[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.query({
    text: `SELECT id, 'shop' AS scope, kind, reason, created_at, expires_at, true AS owned, identifier_key FROM risk_blocklist
             WHERE shop_id = $1 AND effect = 'block' AND identifier_key = ANY($2::text[]) AND removed_at IS NULL AND (expires_at IS NULL OR expires_at > $3)
           UNION ALL
           SELECT g.id, 'global', g.kind, g.reason, g.created_at, g.expires_at, g.origin_shop_id IS NOT DISTINCT FROM $1, g.identifier_key FROM global_blocklist g
             WHERE g.identifier_key = ANY($2::text[]) AND g.removed_at IS NULL AND (g.expires_at IS NULL OR g.expires_at > $3)
             AND NOT EXISTS (SELECT 1 FROM risk_blocklist a WHERE a.shop_id = $1 AND a.identifier_key = g.identifier_key AND a.effect = 'allow'
               AND a.removed_at IS NULL AND (a.expires_at IS NULL OR a.expires_at > $3))
           ORDER BY created_at`,
    values: [shopId, keys, now],
  });
  return rows.map((row) => ({
    id: row.id,
    scope: row.scope,
    kind: row.kind,
    reason: row.reason,
    createdAt: (row.created_at as Date).toISOString(),
    expiresAt: row.expires_at ? (row.expires_at as Date).toISOString() : null,
    owned: row.owned,
    key: row.identifier_key,
  }));
}

/** Appeals of a shop (open ones oldest first, so nobody waits longest), with their evidence. */
export async function listAppeals(db: Queryable, shopId: string, options: { status?: 'open' | 'decided'; id?: string; now: Date }): Promise<AppealView[]> {
  const status = options.status ?? 'open';
  const { rows } = await db.query({
    text: `SELECT a.*, v.subject_type, v.subject_id, v.score, v.decision, v.reasons FROM risk_appeals a
           LEFT JOIN risk_verdicts v ON v.shop_id = a.shop_id AND v.id = a.verdict_id
           WHERE a.shop_id = $1 AND ${options.id ? 'a.id = $2' : 'a.status = $2'}
           ORDER BY ${status === 'open' ? 'a.created_at' : 'a.decided_at DESC'} LIMIT 200`,
    values: [shopId, options.id ?? status],
  });
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      reference: row.reference,
      channel: row.channel,
      statement: row.statement,
      contact: row.contact,
      status: row.status,
      outcome: row.outcome,
      message: row.message,
      decidedBy: row.decided_by,
      decidedAt: row.decided_at ? (row.decided_at as Date).toISOString() : null,
      createdAt: (row.created_at as Date).toISOString(),
      timeToDecisionMs: row.decided_at ? (row.decided_at as Date).getTime() - (row.created_at as Date).getTime() : null,
      entries: await matchedEntries(db, shopId, row.subject_keys, row.decided_at ?? options.now),
      verdict: row.verdict_id && row.subject_type
        ? { id: row.verdict_id, subjectType: row.subject_type, subjectId: row.subject_id, score: row.score, decision: row.decision, reasons: row.reasons.map((r: { code: string; description: string }) => ({ code: r.code, description: r.description })) }
        : null,
    })),
  );
}

/** What the buyer may see on the status page: no statement, no reasons, no identifiers. */
export interface AppealStatus {
  reference: string;
  status: 'open' | 'decided';
  outcome: 'lift' | 'keep' | 'narrow' | null;
  message: string | null;
  filedAt: string;
  decidedAt: string | null;
}

/** The public status of an appeal, by shop domain and reference. */
export async function appealStatus(db: Queryable, shopDomain: string, reference: string): Promise<AppealStatus | undefined> {
  const { rows } = await db.query({
    text: `SELECT a.reference, a.status, a.outcome, a.message, a.created_at, a.decided_at FROM risk_appeals a JOIN shops s ON s.id = a.shop_id
           WHERE s.domain = $1 AND a.reference = $2`,
    values: [shopDomain, reference],
  });
  const row = rows[0];
  if (!row) return undefined;
  return { reference: row.reference, status: row.status, outcome: row.outcome, message: row.message, filedAt: (row.created_at as Date).toISOString(), decidedAt: row.decided_at ? (row.decided_at as Date).toISOString() : null };
}
