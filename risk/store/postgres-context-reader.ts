import type { BlocklistHit, BlocklistScope } from '../blocklist';
import type { ContextReader, ContextRequest, ContextSnapshot } from '../engine';
import type { IdentifierKind, SharedAccount } from '../identity-graph';
import type { OrderRecord } from '../order-history';
import { blocklistMatchSql } from './postgres-blocklist';
import { identifierFromKey, profileAsOf, type AccountRow } from './postgres-identity-graph-store';
import { named, runPrepared, type Queryable } from './queryable';

const HOUR = 3_600_000;
const ORDER_JSON = `json_build_array(o.order_id, o.account_id, o.at, o.amount, o.discount_code, o.first_order, o.payment_failed, o.sources)`;
type OrderJson = [string, string, number, number | null, string | null, boolean, boolean, string[]];

/** Latest orders per source key in a window; `$11` sources, `$3` until. */
const fromSources = (since: string, limit: string) => `unnest($11::text[]) AS src(key)
  CROSS JOIN LATERAL (SELECT s.order_id FROM risk_order_sources s
    WHERE s.shop_id = $1 AND s.source_key = src.key AND s.at >= ${since} AND s.at < $3
    ORDER BY s.at DESC, s.order_id DESC LIMIT ${limit}) s
  JOIN risk_orders o ON o.shop_id = $1 AND o.order_id = s.order_id`;

// One statement for the whole plan (CONTEXT_PLAN): the probes depend on the account's earlier
// identifiers and the code checks on the probes, so splitting it would cost round trips, not work.
const CONTEXT = `WITH known AS MATERIALIZED (
  SELECT identifier_key AS key, split_part(identifier_key, ':', 1) AS kind, min(seen_at) AS first_seen
  FROM risk_identity_links WHERE shop_id = $1 AND account_id = $2 AND seen_at < $3 GROUP BY identifier_key),
probes AS MATERIALIZED (
  SELECT e.key, e.ord, split_part(e.key, ':', 1) AS kind FROM unnest($4::text[]) WITH ORDINALITY AS e(key, ord)
  UNION ALL
  SELECT k.key, 1000 + k.rn, k.kind FROM (
    SELECT key, kind, row_number() OVER (PARTITION BY kind ORDER BY first_seen, key COLLATE "C") AS rn
    FROM known WHERE kind <> ALL($7::text[])) k
  WHERE k.rn <= $8),
sharing AS MATERIALIZED (
  SELECT p.key, p.ord, p.kind, s.account_id, s.last_seen, s.rn
  FROM probes p JOIN unnest($5::text[], $6::bigint[]) AS l(kind, since) ON l.kind = p.kind
  CROSS JOIN LATERAL (
    SELECT account_id, max(seen_at) AS last_seen, row_number() OVER (ORDER BY max(seen_at) DESC, account_id COLLATE "C") AS rn
    FROM risk_identity_links WHERE shop_id = $1 AND identifier_key = p.key AND seen_at >= l.since AND seen_at < $3
    GROUP BY account_id ORDER BY max(seen_at) DESC, account_id COLLATE "C" LIMIT $9) s),
code_checks AS (
  SELECT c.account_id, EXISTS (SELECT 1 FROM risk_orders o WHERE o.shop_id = $1 AND o.account_id = c.account_id
    AND o.discount_code = $14 AND o.at >= $17 AND o.at < $3) AS used
  FROM (SELECT DISTINCT account_id FROM sharing
    WHERE $14::text IS NOT NULL AND kind = ANY($19::text[]) AND rn <= $18 AND account_id <> $2) c),
blocklist AS (${blocklistMatchSql('$1', 'IN (SELECT key FROM probes UNION ALL SELECT $21::text)', '$20')})
SELECT
  (SELECT json_build_object('first_seen', first_seen, 'signed_up_at', signed_up_at, 'email_at', email_at,
     'email_domain', email_domain, 'email_is_variant', email_is_variant)
   FROM risk_accounts WHERE shop_id = $1 AND account_id = $2) AS profile,
  (SELECT json_agg(key ORDER BY first_seen, key COLLATE "C") FROM known) AS known,
  (SELECT count(*)::int FROM risk_orders WHERE shop_id = $1 AND account_id = $2 AND at < $3) AS prior_orders,
  (SELECT json_agg(${ORDER_JSON} ORDER BY o.at, o.order_id) FROM risk_orders o
   WHERE o.shop_id = $1 AND o.account_id = $2 AND o.at >= $10 AND o.at < $3) AS account_orders,
  (SELECT json_agg(json_build_array(key, account_id, last_seen) ORDER BY ord, rn) FROM sharing) AS sharing,
  (SELECT json_agg(DISTINCT ${ORDER_JSON}::text) FROM ${fromSources('$12', '$13')}) AS source_orders,
  (SELECT count(DISTINCT o.account_id)::int FROM ${fromSources('$15', '$16')}
   WHERE $14::text IS NOT NULL AND o.discount_code = $14 AND o.account_id <> $2) AS source_code_users,
  (SELECT json_agg(json_build_array(account_id, used)) FROM code_checks) AS code_checks,
  (SELECT json_agg(json_build_array(kind, scope, reason)) FROM blocklist) AS blocklist,
  (SELECT json_build_array(coalesce(max(f.hour), 0), coalesce(max(f.day), 0)) FROM unnest($11::text[]) AS src(key)
   CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE l.at >= $23)::int AS hour, count(*)::int AS day FROM risk_failed_lookups l
     WHERE l.shop_id = $1 AND l.source_key = src.key AND l.at >= $22 AND l.at < $3) f) AS failed_lookups`;

const CODE_USERS = `SELECT count(DISTINCT account_id)::int AS n FROM risk_orders
WHERE shop_id = $1 AND account_id = ANY($2::text[]) AND discount_code = $3 AND at >= $4 AND at < $5`;

interface ContextRow {
  profile: AccountRow | null;
  known: string[] | null;
  prior_orders: number;
  account_orders: OrderJson[] | null;
  sharing: [string, string, number][] | null;
  source_orders: string[] | null;
  source_code_users: number;
  code_checks: [string, boolean][] | null;
  blocklist: [string, BlocklistScope, string][] | null;
  failed_lookups: [number, number];
}

function toOrder([order, account, at, amount, code, firstOrder, paymentFailed, sources]: OrderJson): OrderRecord {
  return {
    order,
    account,
    at: Number(at),
    amount: amount ?? undefined,
    discountCode: code ?? undefined,
    firstOrder,
    paymentFailed,
    sources: sources.map(identifierFromKey),
  };
}

/** Reads one event's whole context for a shop in one statement (one round trip). */
export class PostgresContextReader implements ContextReader {
  constructor(
    private readonly db: Queryable,
    private readonly shopId: string,
  ) {}

  async read(request: ContextRequest): Promise<ContextSnapshot> {
    const { account, at, plan } = request;
    const until = Math.ceil(request.until);
    const since = (span: number) => Math.ceil(at - span);
    const kinds = Object.keys(plan.lookbackMs) as IdentifierKind[];
    const code = request.discountCode ?? null;
    const { rows } = await runPrepared<ContextRow>(this.db, 'context', CONTEXT, [
        this.shopId, account, until,
        request.identifiers.map((i) => i.key),
        kinds, kinds.map((kind) => since(plan.lookbackMs[kind])),
        [...plan.unprobedKnownKinds, ...request.identifiers.map((i) => i.kind)], plan.knownPerKind, plan.sharingLimit,
        since(plan.accountOrdersMs),
        request.sources.map((s) => s.key), since(plan.sourceOrdersMs), plan.sourceOrdersLimit,
        code, since(plan.sourceCodeMs), plan.sourceCodeLimit, since(plan.linkedCodeMs), plan.maxCodeChecks + 1,
        plan.strongKinds, new Date(at), request.accountIdentifier?.key ?? null,
        since(plan.failedLookupsMs), since(HOUR),
    ]);
    const row = rows[0]!;
    const sharing = new Map<string, SharedAccount[]>();
    for (const [key, other, lastSeen] of row.sharing ?? []) {
      const list = sharing.get(key) ?? [];
      list.push({ account: other, lastSeen: Number(lastSeen) });
      sharing.set(key, list);
    }
    const checked = new Map(row.code_checks ?? []);
    const blocklistHits: BlocklistHit[] = (row.blocklist ?? []).map(([kind, scope, reason]) => ({ kind: kind as IdentifierKind, scope, reason }));
    return {
      profile: profileAsOf(row.profile ?? undefined, until),
      known: (row.known ?? []).map(identifierFromKey),
      priorOrders: row.prior_orders,
      accountOrders: (row.account_orders ?? []).map(toOrder),
      sharing,
      sourceOrders: (row.source_orders ?? []).map((text) => toOrder(JSON.parse(text) as OrderJson)),
      sourceCodeUsers: row.source_code_users,
      sourceFailedLookups: { hour: row.failed_lookups[0], day: row.failed_lookups[1] },
      blocklistHits,
      codeUsersAmong: async (accounts) => {
        if (!code) return 0;
        // The statement checked the first accounts of every probe, which covers the first linked ones.
        const unchecked = accounts.filter((other) => !checked.has(other));
        const more = unchecked.length === 0 ? 0 : await this.codeUsers(unchecked, code, since(plan.linkedCodeMs), until);
        return accounts.filter((other) => checked.get(other)).length + more;
      },
    };
  }

  private async codeUsers(accounts: readonly string[], code: string, since: number, until: number): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      named('risk_code_users', CODE_USERS, [this.shopId, accounts, code, since, until]),
    );
    return rows[0]?.n ?? 0;
  }
}
