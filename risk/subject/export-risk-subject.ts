import { matchedEntries } from '../appeals';
import type { Queryable } from '../store';
import type { RiskSubjectScope } from './subject-scope';

/** What risk holds about one buyer, in words they can read: no hashes, no other buyer's accounts. */
export interface RiskSubjectExport {
  /** Kinds of identifier (device, email, ip …) risk links to their account; never the values or who shares them. */
  linkedIdentifierKinds: string[];
  account: { firstSeen: string; signedUpAt: string | null; emailDomain: string | null } | null;
  orders: Array<{ orderId: string; at: string; amount: number | null; discountCode: string | null; paymentFailed: boolean }>;
  verdicts: Array<{ about: 'order' | 'account'; orderId: string | null; decision: string; score: number; reasons: string[]; reviewStatus: string; at: string }>;
  appeals: Array<{ reference: string; status: string; statement: string; contact: string | null; outcome: string | null; message: string | null; filedAt: string; decidedAt: string | null }>;
  /** Blocklist entries that apply to their identifiers now (matched by hash). */
  blocklist: Array<{ kind: string; scope: 'shop' | 'global'; reason: string; expiresAt: string | null }>;
}

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : value === null || value === undefined ? null : new Date(Number(value)).toISOString());

/** Reads the buyer's risk data for an access request. */
export async function exportRiskSubject(db: Queryable, shopId: string, scope: RiskSubjectScope, now: Date): Promise<RiskSubjectExport> {
  const { accounts, orderIds, verdictIds, personalKeys } = scope;
  const kinds = await db.query<{ kind: string }>({
    text: `SELECT DISTINCT split_part(identifier_key, ':', 1) AS kind FROM risk_identity_links WHERE shop_id = $1 AND account_id = ANY($2::text[]) ORDER BY 1`,
    values: [shopId, accounts],
  });
  const account = await db.query({
    text: 'SELECT first_seen, signed_up_at, email_domain FROM risk_accounts WHERE shop_id = $1 AND account_id = ANY($2::text[]) AND account_id NOT LIKE $3 ORDER BY first_seen LIMIT 1',
    values: [shopId, accounts, 'guest:%'],
  });
  const orders = await db.query({
    text: 'SELECT order_id, at, amount, discount_code, payment_failed FROM risk_orders WHERE shop_id = $1 AND order_id = ANY($2::text[]) ORDER BY at',
    values: [shopId, orderIds],
  });
  const verdicts = await db.query({
    text: 'SELECT subject_type, subject_id, decision, score, reasons, review_status, created_at FROM risk_verdicts WHERE shop_id = $1 AND id = ANY($2::uuid[]) ORDER BY created_at',
    values: [shopId, verdictIds],
  });
  const appeals = await db.query({
    text: `SELECT reference, status, statement, contact, outcome, message, created_at, decided_at FROM risk_appeals
           WHERE shop_id = $1 AND subject_keys && $2::text[] ORDER BY created_at`,
    values: [shopId, personalKeys],
  });
  const entries = await matchedEntries(db, shopId, scope.allKeys, now);
  const first = account.rows[0];
  return {
    linkedIdentifierKinds: kinds.rows.map((r) => r.kind),
    account: first ? { firstSeen: iso(first.first_seen)!, signedUpAt: iso(first.signed_up_at), emailDomain: first.email_domain } : null,
    orders: orders.rows.map((r) => ({ orderId: r.order_id, at: iso(r.at)!, amount: r.amount, discountCode: r.discount_code, paymentFailed: r.payment_failed })),
    verdicts: verdicts.rows.map((r) => ({
      about: r.subject_type,
      orderId: r.subject_type === 'order' ? r.subject_id : null,
      decision: r.decision,
      score: r.score,
      reasons: (r.reasons as Array<{ description: string }>).map((reason) => reason.description),
      reviewStatus: r.review_status,
      at: iso(r.created_at)!,
    })),
    appeals: appeals.rows.map((r) => ({ reference: r.reference, status: r.status, statement: r.statement, contact: r.contact, outcome: r.outcome, message: r.message, filedAt: iso(r.created_at)!, decidedAt: iso(r.decided_at) })),
    blocklist: [...new Map(entries.map((e) => [e.id, { kind: e.kind, scope: e.scope, reason: e.reason, expiresAt: e.expiresAt }])).values()],
  };
}
